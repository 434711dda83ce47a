import type {RunRecord} from '../schema/record.js'
import type {Runbook} from '../schema/runbook.js'
import {recordKinds, recordTargetsOf} from './fingerprint.js'
import {matchRecord, recordTargetsFrom, type DroppedEntry} from './record-match.js'
import {walk} from './walk.js'

export interface ApplyResult {
  runbook: Runbook
  /** The entries the runbook has no sure place for, with their text where the record kept one. */
  dropped: DroppedEntry[]
  /** Ids of the dropped entries (steps, blanks or choices). */
  unmatched: string[]
}

/**
 * The runbook as the record left it: steps ticked, blanks filled, options chosen. The input is not changed.
 * A record of another edition (another source hash) is first matched by `matchRecord`, as run mode
 * matches it: an entry goes only where it surely was made, else it is dropped and reported.
 */
export function applyRecord(runbook: Runbook, given: RunRecord): ApplyResult {
  const found = recordTargetsOf(runbook)
  const targets = Object.fromEntries(recordKinds.map((kind) => [kind, recordTargetsFrom(found[kind])])) as Parameters<typeof matchRecord>[1]
  const {record, dropped} = matchRecord(given, targets, given.runbook.sha256 === runbook.source.sha256)
  const copy = structuredClone(runbook)
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
    }
  })
  return {runbook: copy, dropped, unmatched: dropped.map((each) => each.id)}
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
    // Tables without a prototype: a step's id may be `__proto__`, which `items[id] = entry` would take for
    // the object's prototype on a plain object, and the tick would be lost.
    items: Object.create(null) as RunRecord['items'],
    blanks: Object.create(null) as RunRecord['blanks'],
    choices: Object.create(null) as RunRecord['choices']
  }
}
