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
    if (node.type === 'item') {
      const entry = ownEntry(record.items, node.id)
      if (!entry) return
      node.checked = entry.value
    } else if (node.type === 'blank') {
      const entry = ownEntry(record.blanks, node.id)
      if (!entry) return
      if (entry.value !== '') node.value = entry.value
    } else if (node.type === 'choice') {
      const entry = ownEntry(record.choices, node.id)
      if (!entry) return
      for (const option of node.options) option.checked = option.label === entry.value
    } else return
    pending.delete(node.id)
  })
  return {runbook: copy, unmatched: [...pending]}
}

/**
 * The record's entry for an id: own properties only, so that a step whose id is `constructor` or
 * `__proto__` finds its own entry or none, never one of Object's.
 */
function ownEntry<Entry>(entries: Record<string, Entry>, id: string): Entry | undefined {
  return Object.hasOwn(entries, id) ? entries[id] : undefined
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
