import type {Visitor} from '../model/walk.js'
import type {Context} from '../parse/context.js'
import type {Runbook} from '../schema/runbook.js'
import {blankWithoutLabel} from './rules/blank-without-label.js'
import {duplicateId} from './rules/duplicate-id.js'
import {emptyItem} from './rules/empty-item.js'
import {emptySection} from './rules/empty-section.js'
import {mixedCheckboxStyle} from './rules/mixed-checkbox-style.js'
import {numberingSkip} from './rules/numbering-skip.js'
import {unresolvedLink} from './rules/unresolved-link.js'

/** What a rule does during the one walk over the model: read the nodes of some types, then report. */
export type RuleVisitor = Visitor

/** A lint rule: given the model (and the source, for how things were written), a fresh visitor. */
export type Rule = (runbook: Runbook, context: Context) => RuleVisitor

export const rules: Record<string, Rule> = {
  'duplicate-id': duplicateId,
  'empty-section': emptySection,
  'empty-item': emptyItem,
  'unresolved-link': unresolvedLink,
  'blank-without-label': blankWithoutLabel,
  'numbering-skip': numberingSkip,
  'mixed-checkbox-style': mixedCheckboxStyle
}

/** A fresh visitor of every rule, to run in one walk over the model (see `walkWith`). */
export function lintVisitors(runbook: Runbook, context: Context): RuleVisitor[] {
  return Object.values(rules).map((rule) => rule(runbook, context))
}
