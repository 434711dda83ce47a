import type {RunRecord} from '../schema/record.js'
import type {Runbook} from '../schema/runbook.js'
import {walk} from './walk.js'

/** What a record did not find in the runbook: ids of steps, blanks or choices that are gone. */
export interface ApplyResult {
  runbook: Runbook
  unmatched: string[]
}

/**
 * The runbook as the record left it: steps ticked, blanks filled, options chosen. The input is not changed.
 */
export function applyRecord(runbook: Runbook, record: RunRecord): ApplyResult {
  const copy = structuredClone(runbook)
  const pending = new Set([
    ...Object.keys(record.items),
    ...Object.keys(record.blanks),
    ...Object.keys(record.choices)
  ])
  walk(copy, (node) => {
    if (node.type === 'item' && record.items[node.id]) {
      node.checked = record.items[node.id]!.value
      pending.delete(node.id)
    } else if (node.type === 'blank' && record.blanks[node.id]) {
      const value = record.blanks[node.id]!.value
      if (value !== '') node.value = value
      pending.delete(node.id)
    } else if (node.type === 'choice' && record.choices[node.id]) {
      const chosen = record.choices[node.id]!.value
      for (const option of node.options) option.checked = option.label === chosen
      pending.delete(node.id)
    }
  })
  return {runbook: copy, unmatched: [...pending]}
}

/** An empty record for a runbook. */
export function emptyRecord(runbook: Runbook): RunRecord {
  return {
    format: 'runsheet-record/1',
    runbook: {title: runbook.title, path: runbook.source.path, sha256: runbook.source.sha256, version: runbook.version},
    startedAt: null,
    updatedAt: null,
    items: {},
    blanks: {},
    choices: {}
  }
}
