import type {Context} from '../parse/context.js'
import type {Runbook} from '../schema/runbook.js'
import {blankWithoutLabel} from './rules/blank-without-label.js'
import {duplicateId} from './rules/duplicate-id.js'
import {emptyItem} from './rules/empty-item.js'
import {emptySection} from './rules/empty-section.js'
import {mixedCheckboxStyle} from './rules/mixed-checkbox-style.js'
import {numberingSkip} from './rules/numbering-skip.js'
import {unresolvedLink} from './rules/unresolved-link.js'
import type {Rule, RuleVisitor} from './rule.js'

/** Every rule, by id, in the order their messages come for one node. */
export const rules: Record<string, Rule> = Object.fromEntries(
  [duplicateId, emptySection, emptyItem, unresolvedLink, blankWithoutLabel, numberingSkip, mixedCheckboxStyle].map((rule) => [rule.id, rule])
)

/** A fresh visitor of every rule, to run in one walk over the model (see `walkWith`). */
export function lintVisitors(runbook: Runbook, context: Context): RuleVisitor[] {
  return Object.values(rules).map((rule) => rule(runbook, context))
}
