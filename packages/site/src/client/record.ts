/**
 * The run record kept while a runbook is worked through: what was ticked, filled in and chosen, with the
 * time of each. The format is `@runsheet/parser`'s `RunRecord`, so the saved state is also the JSON export.
 * Pure functions over records: reading one back, changing one entry, merging two; matching one to a
 * changed runbook is the parser's. No DOM here, so each rule is pinned by a unit test.
 */
import {
  isRecordOf,
  recordKinds,
  runRecordSchema,
  type RecordEntry,
  type RecordKind,
  type RunRecord
} from '@runsheet/parser'

/** What an entry says about the step, blank or choice it was made on, apart from its id. */
export interface About {
  text: string
  /** Absent on a page built without fingerprints: such an entry is matched by its id alone. */
  key?: string
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isString = (value: unknown): value is string => typeof value === 'string'
const valueChecks: Record<RecordKind, (value: unknown) => boolean> = {items: isBoolean, blanks: isString, choices: isString}

/** The well-formed entries of a saved table, as own properties (`__proto__` included); the rest left out. */
function entriesOf(table: unknown, check: (value: unknown) => boolean): Record<string, RecordEntry> {
  if (!table || typeof table !== 'object' || Array.isArray(table)) return {}
  const kept: [string, RecordEntry][] = []
  for (const [id, entry] of Object.entries(table)) {
    if (!entry || typeof entry !== 'object') continue
    const {value, at, text, key} = entry as Record<string, unknown>
    if (!check(value) || !isString(at) || Number.isNaN(Date.parse(at))) continue
    kept.push([id, {value, at, ...(isString(text) ? {text} : {}), ...(isString(key) ? {key} : {})} as RecordEntry])
  }
  // fromEntries defines properties: an assignment to `__proto__` would set the prototype instead.
  return Object.fromEntries(kept)
}

/** One saved entry read back, or undefined when it is not a well-formed entry of `kind`. */
export function readEntry(kind: RecordKind, raw: string): RecordEntry | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return undefined
  }
  return entriesOf({entry: parsed}, valueChecks[kind]).entry
}

/**
 * Why a record is not read: not JSON, or a field that does not fit the record format (its path, as
 * `items.a.at`). The page words it in its own language: the JSON engine's and zod's messages are English.
 */
export type RecordProblem = {kind: 'json'} | {kind: 'field'; field: string}

/** Why a saved or imported record was set aside. */
export type Refusal = {reason: 'unreadable'; problem?: RecordProblem} | {reason: 'foreign'; title: string}

export type ReadResult = {record: RunRecord; refused?: undefined} | {record?: undefined; refused: Refusal}

/**
 * A saved record read back, keeping every well-formed entry (each is matched to the page later). One that
 * is not JSON, not a run record, or the record of another runbook is refused, saying why.
 */
export function readRecord(raw: string, empty: RunRecord): ReadResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return {refused: {reason: 'unreadable'}}
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as {format?: unknown}).format !== 'runsheet-record/1') return {refused: {reason: 'unreadable'}}
  return recordOf(parsed as Record<string, unknown>, empty)
}

/**
 * An exported record read for import: checked against the record format as `runsheet` checks one, so a
 * file the CLI refuses is refused here too, with the first problem named.
 */
export function readImportedRecord(text: string, empty: RunRecord): ReadResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {refused: {reason: 'unreadable', problem: {kind: 'json'}}}
  }
  const checked = runRecordSchema.safeParse(parsed)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    return {refused: {reason: 'unreadable', problem: {kind: 'field', field: issue && issue.path.length > 0 ? issue.path.join('.') : 'format'}}}
  }
  // The entries are read from the parsed JSON, not zod's output, which may not keep an id named `__proto__`.
  return recordOf(parsed as Record<string, unknown>, empty)
}

function recordOf(value: Record<string, unknown>, empty: RunRecord): ReadResult {
  const saved = value.runbook && typeof value.runbook === 'object' ? (value.runbook as Record<string, unknown>) : {}
  if (!isString(saved.sha256)) return {refused: {reason: 'unreadable'}}
  if (!isSameRunbook(saved, empty.runbook)) return {refused: {reason: 'foreign', title: isString(saved.title) ? saved.title : ''}}
  return {
    record: {
      ...empty,
      runbook: {...empty.runbook, sha256: saved.sha256},
      startedAt: isString(value.startedAt) ? value.startedAt : null,
      updatedAt: isString(value.updatedAt) ? value.updatedAt : null,
      items: entriesOf(value.items, valueChecks.items) as RunRecord['items'],
      blanks: entriesOf(value.blanks, valueChecks.blanks) as RunRecord['blanks'],
      choices: entriesOf(value.choices, valueChecks.choices) as RunRecord['choices']
    }
  }
}

/** Whether a saved or imported record is of this runbook: `isRecordOf`, the rule `runsheet format --record` follows. */
function isSameRunbook(saved: Record<string, unknown>, runbook: RunRecord['runbook']): boolean {
  return isRecordOf({sha256: isString(saved.sha256) ? saved.sha256 : '', path: isString(saved.path) ? saved.path : null, title: isString(saved.title) ? saved.title : ''}, runbook)
}

function touched(record: RunRecord, at: string): RunRecord {
  return {...record, startedAt: record.startedAt ?? at, updatedAt: at}
}

/** The record with one entry set. A computed key in a literal is always an own property, even `__proto__`. */
function withEntry(record: RunRecord, kind: RecordKind, id: string, entry: RecordEntry): RunRecord {
  return touched({...record, [kind]: {...record[kind], [id]: entry}}, entry.at)
}

/** The record with a step ticked or unticked at `at`; `about` names the step apart from its id. */
export function setItem(record: RunRecord, id: string, checked: boolean, at: string, about?: About): RunRecord {
  return withEntry(record, 'items', id, {value: checked, at, ...about})
}

/**
 * The record with a blank filled at `at`. An emptied blank keeps its entry, with an empty value: the
 * newer emptying wins over an older value another tab still holds.
 */
export function setBlank(record: RunRecord, id: string, value: string, at: string, about?: About): RunRecord {
  return withEntry(record, 'blanks', id, {value, at, ...about})
}

/** The record with an option chosen at `at`. */
export function setChoice(record: RunRecord, id: string, label: string, at: string, about?: About): RunRecord {
  return withEntry(record, 'choices', id, {value: label, at, ...about})
}

/** The record's entry for an id: own properties only, never one of Object's (`constructor`). */
export function entryOf<K extends RecordKind>(record: RunRecord, kind: K, id: string): RunRecord[K][string] | undefined {
  const table = record[kind] as Record<string, RunRecord[K][string]>
  return Object.hasOwn(table, id) ? table[id] : undefined
}

/**
 * Which of two entries made on one step, blank or choice stands, as two tabs on one runbook settle it: the
 * newer; on the same second (times are kept to the second), the one that came second, `incoming`: another
 * tab made it after it was shown the first, or an entry saved on its own key after the record saved whole.
 */
export function newerEntry(own: RecordEntry, incoming: RecordEntry): RecordEntry {
  return Date.parse(own.at) > Date.parse(incoming.at) ? own : incoming
}

/** The ids, per kind, whose entries differ between two records: the only controls to show again. */
export function changedIds(before: RunRecord, after: RunRecord): Record<RecordKind, Set<string>> {
  const changed = {items: new Set<string>(), blanks: new Set<string>(), choices: new Set<string>()}
  for (const kind of recordKinds) {
    if (before[kind] === after[kind]) continue
    for (const id of new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])])) {
      const a = entryOf(before, kind, id)
      const b = entryOf(after, kind, id)
      if (a?.value !== b?.value || a?.at !== b?.at) changed[kind].add(id)
    }
  }
  return changed
}

/** A record without its entries: what a run says about itself. */
export function headerOf(record: RunRecord): RunRecord {
  return {...record, items: {}, blanks: {}, choices: {}}
}

/** Whether a record holds anything the operator did: a started run. */
export function isStarted(record: RunRecord): boolean {
  return record.startedAt !== null || recordKinds.some((kind) => Object.keys(record[kind]).length > 0)
}

/** A step as run mode counts it: its id, whether the source ticks it, and the ids of the sections it is in. */
export interface Step {
  id: string
  checked: boolean
  sections: readonly string[]
}

/** Whether a step is ticked: the run says so, else the source does. */
export function isChecked(step: Pick<Step, 'id' | 'checked'>, record: RunRecord): boolean {
  // Own properties only: a step whose id is `constructor` is not ticked by Object's prototype.
  return entryOf(record, 'items', step.id)?.value ?? step.checked
}

/** A blank's value: the run's, unless it emptied it, else the source's. */
export function blankValueOf(id: string, source: string, record: RunRecord): string {
  return entryOf(record, 'blanks', id)?.value || source
}

export interface Progress {
  done: number
  total: number
  /** Per section id, subsections included. */
  sections: Map<string, {done: number; total: number}>
}

/** Steps done and total, for the runbook and each section, with the record applied. */
export function progressOf(steps: readonly Step[], record: RunRecord): Progress {
  const sections = new Map<string, {done: number; total: number}>()
  let done = 0
  for (const step of steps) {
    const checked = isChecked(step, record)
    if (checked) done++
    for (const id of step.sections) {
      let counts = sections.get(id)
      if (!counts) sections.set(id, (counts = {done: 0, total: 0}))
      counts.total++
      if (checked) counts.done++
    }
  }
  return {done, total: steps.length, sections}
}
