/**
 * The run record kept while a runbook is worked through: what was ticked, filled in and chosen, with the
 * time of each. The format is `@runsheet/parser`'s `RunRecord`, so the saved state is also the JSON export.
 */
import {emptyRecord, type RunRecord} from '@runsheet/parser'

export {emptyRecord}

type Timed<T> = {value: T; at: string}

function isTimed<T>(value: unknown, check: (inner: unknown) => inner is T): value is Timed<T> {
  if (!value || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  return check(entry.value) && typeof entry.at === 'string'
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isString = (value: unknown): value is string => typeof value === 'string'

function entries<T>(value: unknown, check: (inner: unknown) => inner is T): Record<string, Timed<T>> {
  const out: Record<string, Timed<T>> = {}
  if (!value || typeof value !== 'object') return out
  for (const [key, entry] of Object.entries(value)) if (isTimed(entry, check)) out[key] = {value: entry.value, at: entry.at}
  return out
}

/**
 * A saved record read back, keeping every well-formed entry: a record from an older edition of the runbook
 * still applies to the steps that kept their ids. Anything unreadable gives `empty`, the runbook's empty
 * record (`emptyRecord(runbook)`).
 */
export function readRecord(raw: string | null, empty: RunRecord): RunRecord {
  if (!raw) return empty
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return empty
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as {format?: unknown}).format !== 'runsheet-record/1') return empty
  const value = parsed as Record<string, unknown>
  const saved = (value.runbook && typeof value.runbook === 'object' ? value.runbook : {}) as Record<string, unknown>
  return {
    ...empty,
    runbook: {...empty.runbook, sha256: isString(saved.sha256) ? saved.sha256 : empty.runbook.sha256},
    startedAt: isString(value.startedAt) ? value.startedAt : null,
    updatedAt: isString(value.updatedAt) ? value.updatedAt : null,
    items: entries(value.items, isBoolean),
    blanks: entries(value.blanks, isString),
    choices: entries(value.choices, isString)
  }
}

function touched(record: RunRecord, at: string): RunRecord {
  return {...record, startedAt: record.startedAt ?? at, updatedAt: at}
}

/** The record with a step ticked or unticked at `at`. */
export function setItem(record: RunRecord, id: string, checked: boolean, at: string): RunRecord {
  return touched({...record, items: {...record.items, [id]: {value: checked, at}}}, at)
}

/** The record with a blank filled at `at`; an emptied blank is taken out of the record. */
export function setBlank(record: RunRecord, id: string, value: string, at: string): RunRecord {
  // A computed key in a literal is always an own property, even `__proto__`; an assignment would not be.
  const blanks = {...record.blanks, [id]: {value, at}}
  if (value === '') delete blanks[id]
  return touched({...record, blanks}, at)
}

/** The record with an option chosen at `at`. */
export function setChoice(record: RunRecord, id: string, label: string, at: string): RunRecord {
  return touched({...record, choices: {...record.choices, [id]: {value: label, at}}}, at)
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
  return (Object.hasOwn(record.items, step.id) ? record.items[step.id]?.value : undefined) ?? step.checked
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
      const counts = sections.get(id) ?? {done: 0, total: 0}
      counts.total++
      if (checked) counts.done++
      sections.set(id, counts)
    }
  }
  return {done, total: steps.length, sections}
}
