import type {Runbook} from '../schema/runbook.js'
import type {Context} from '../parse/context.js'
import {blankWithoutLabel} from './rules/blank-without-label.js'
import {duplicateId} from './rules/duplicate-id.js'
import {emptyItem} from './rules/empty-item.js'
import {emptySection} from './rules/empty-section.js'
import {mixedCheckboxStyle} from './rules/mixed-checkbox-style.js'
import {numberingSkip} from './rules/numbering-skip.js'
import {unresolvedLink} from './rules/unresolved-link.js'

/** A lint rule reads the finished model (and the source, for how things were written) and reports. */
export type Rule = (runbook: Runbook, context: Context) => void

export const rules: Record<string, Rule> = {
  'duplicate-id': duplicateId,
  'empty-section': emptySection,
  'empty-item': emptyItem,
  'unresolved-link': unresolvedLink,
  'blank-without-label': blankWithoutLabel,
  'numbering-skip': numberingSkip,
  'mixed-checkbox-style': mixedCheckboxStyle
}

export function lintRunbook(runbook: Runbook, context: Context): void {
  for (const rule of Object.values(rules)) rule(runbook, context)
}
