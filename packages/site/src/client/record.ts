/**
 * The run record kept while a runbook is worked through: what was ticked, filled in and chosen, with the
 * time of each. The format is `@runsheet/parser`'s `RunRecord`, so the saved state is also the JSON export.
 * Pure functions over records: reading one back, changing one entry, merging two, matching one to a
 * changed runbook. No DOM here, so each rule is pinned by a unit test.
 */
import {emptyRecord, runRecordSchema, type RunRecord} from '@runsheet/parser'
import {partsOfFingerprint} from './fingerprint.js'

export {emptyRecord}

/** The three kinds of entries a record holds, by the name of their table. */
export const kinds = ['items', 'blanks', 'choices'] as const
export type Kind = (typeof kinds)[number]

/** One entry of a record, whatever its kind. */
export type Entry = RunRecord[Kind][string]

/** What an entry says about the step, blank or choice it was made on, apart from its id. */
export interface About {
  text: string
  key: string
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isString = (value: unknown): value is string => typeof value === 'string'
const valueChecks: Record<Kind, (value: unknown) => boolean> = {items: isBoolean, blanks: isString, choices: isString}

/** The well-formed entries of a saved table, as own properties (`__proto__` included); the rest left out. */
function entriesOf(table: unknown, check: (value: unknown) => boolean): Record<string, Entry> {
  if (!table || typeof table !== 'object' || Array.isArray(table)) return {}
  const kept: [string, Entry][] = []
  for (const [id, entry] of Object.entries(table)) {
    if (!entry || typeof entry !== 'object') continue
    const {value, at, text, key} = entry as Record<string, unknown>
    if (!check(value) || !isString(at) || Number.isNaN(Date.parse(at))) continue
    kept.push([id, {value, at, ...(isString(text) ? {text} : {}), ...(isString(key) ? {key} : {})} as Entry])
  }
  // fromEntries defines properties: an assignment to `__proto__` would set the prototype instead.
  return Object.fromEntries(kept)
}

/** One saved entry read back, or undefined when it is not a well-formed entry of `kind`. */
export function readEntry(kind: Kind, raw: string): Entry | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return undefined
  }
  return entriesOf({entry: parsed}, valueChecks[kind]).entry
}

/** Why a saved or imported record was set aside. */
export type Refusal = {reason: 'unreadable'; detail?: string} | {reason: 'foreign'; title: string}

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
  } catch (error) {
    return {refused: {reason: 'unreadable', detail: error instanceof Error ? error.message : String(error)}}
  }
  const checked = runRecordSchema.safeParse(parsed)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const detail = issue ? `${issue.path.length > 0 ? issue.path.join('.') : 'format'}: ${issue.message}` : undefined
    return {refused: {reason: 'unreadable', ...(detail ? {detail} : {})}}
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

/** Whether a record names this runbook: by its path, or by its title where neither has a path. */
function isSameRunbook(saved: Record<string, unknown>, runbook: RunRecord['runbook']): boolean {
  const path = saved.path ?? null
  if (path !== null || runbook.path !== null) return path === runbook.path
  return saved.title === runbook.title
}

function touched(record: RunRecord, at: string): RunRecord {
  return {...record, startedAt: record.startedAt ?? at, updatedAt: at}
}

/** The record with one entry set. A computed key in a literal is always an own property, even `__proto__`. */
function withEntry(record: RunRecord, kind: Kind, id: string, entry: Entry): RunRecord {
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
export function entryOf<K extends Kind>(record: RunRecord, kind: K, id: string): RunRecord[K][string] | undefined {
  const table = record[kind] as Record<string, RunRecord[K][string]>
  return Object.hasOwn(table, id) ? table[id] : undefined
}

/**
 * Which of two entries made on one step, blank or choice stands, as two tabs on one runbook settle it: the
 * newer; on the same second (times are kept to the second), the one that came second, `incoming`: another
 * tab made it after it was shown the first, or an entry saved on its own key after the record saved whole.
 */
export function newerEntry(own: Entry, incoming: Entry): Entry {
  return Date.parse(own.at) > Date.parse(incoming.at) ? own : incoming
}

/** The ids, per kind, whose entries differ between two records: the only controls to show again. */
export function changedIds(before: RunRecord, after: RunRecord): Record<Kind, Set<string>> {
  const changed = {items: new Set<string>(), blanks: new Set<string>(), choices: new Set<string>()}
  for (const kind of kinds) {
    if (before[kind] === after[kind]) continue
    for (const id of new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])])) {
      const a = entryOf(before, kind, id)
      const b = entryOf(after, kind, id)
      if (a?.value !== b?.value || a?.at !== b?.at) changed[kind].add(id)
    }
  }
  return changed
}

/** A step, blank or choice of the page as matching sees it. */
export interface Target {
  id: string
  /** Its text or label, as an entry's `text`. */
  text: string
  /** Its fingerprint, as an entry's `key`. */
  key: string
  /** A choice's option labels: an entry choosing another is not the same choice's. */
  options?: readonly string[]
}

/** The page's steps, blanks or choices of one kind, looked up by id or by the parts of their fingerprints. */
export interface Targets {
  /** The target with this id, or undefined. */
  byId(id: string): Target | undefined
  /** Every target whose text has this hash. */
  byText(text: string): readonly Target[]
  /** Every target whose text between its neighbours' has this hash. */
  byContext(context: string): readonly Target[]
}

/** Targets over a list, for tests and for small pages. */
export function targetsOf(list: readonly Target[]): Targets {
  const ids = new Map(list.map((target) => [target.id, target]))
  let texts: Map<string, Target[]> | undefined
  let contexts: Map<string, Target[]> | undefined
  const index = () => {
    texts = new Map()
    contexts = new Map()
    for (const target of list) {
      const parts = partsOfFingerprint(target.key)
      if (!parts) continue
      texts.set(parts.text, [...(texts.get(parts.text) ?? []), target])
      contexts.set(parts.context, [...(contexts.get(parts.context) ?? []), target])
    }
    return {texts, contexts}
  }
  return {
    byId: (id) => ids.get(id),
    byText: (text) => (texts ?? index().texts).get(text) ?? [],
    byContext: (context) => (contexts ?? index().contexts).get(context) ?? []
  }
}

/** An entry a record holds that the page no longer has a place for. */
export interface Dropped {
  kind: Kind
  id: string
  /** What the entry was made on, in words: its text when it kept one. */
  text: string | undefined
  entry: Entry
}

export interface Matched {
  record: RunRecord
  dropped: Dropped[]
  /** How many entries moved to another id. */
  moved: number
}

/**
 * A record matched to the page as it is now. Where the runbook is unchanged (`sameSource`), ids decide.
 * Else an entry made on a step whose text was the only one of its kind goes to the one step with that
 * text (a renamed section, an edited neighbour), or, where the text now repeats, to the one of them with
 * the same neighbours; an entry made on a repeated step stays on its id, or moves to another, only where
 * the neighbours agree too. Anything else is dropped: an entry is never put on a step it may not have been
 * made on, which is why a repeated step whose neighbours changed, two entries after one step, and entries
 * of old records without a fingerprint are dropped once the runbook changed. Kept entries take the page's
 * text and fingerprint.
 */
export function matchRecord(record: RunRecord, targets: Record<Kind, Targets>, sameSource: boolean): Matched {
  const dropped: Dropped[] = []
  let moved = 0
  const matched: RunRecord = {...record}
  for (const kind of kinds) {
    const index = targets[kind]
    const kept = new Map<string, Entry>()
    const moving: [string, Entry, Target][] = []
    const lost: [string, Entry][] = []
    for (const [id, entry] of Object.entries(record[kind])) {
      const target = targetOf(index, id, entry, sameSource)
      if (!target) lost.push([id, entry])
      else if (target.id === id) kept.set(id, refreshed(entry, target))
      else moving.push([id, entry, target])
    }
    // Two entries after one step, or an entry after a step another entry stayed on: none of them is sure.
    const claims = new Map<string, number>()
    for (const [, , target] of moving) claims.set(target.id, (claims.get(target.id) ?? 0) + 1)
    for (const [id, entry, target] of moving) {
      if (claims.get(target.id) === 1 && !kept.has(target.id)) {
        kept.set(target.id, refreshed(entry, target))
        moved++
      } else lost.push([id, entry])
    }
    for (const [id, entry] of lost) dropped.push({kind, id, text: entry.text, entry})
    ;(matched as Record<Kind, Record<string, Entry>>)[kind] = Object.fromEntries(kept)
  }
  return {record: matched, dropped, moved}
}

/** The one target an entry was made on, by the rules of `matchRecord`, or undefined when none is sure. */
function targetOf(index: Targets, id: string, entry: Entry, sameSource: boolean): Target | undefined {
  const here = index.byId(id)
  if (here && sameSource) return accepts(here, entry) ? here : undefined
  const parts = entry.key === undefined ? undefined : partsOfFingerprint(entry.key)
  if (!parts) return undefined
  const sameContext = (target: Target) => partsOfFingerprint(target.key)?.context === parts.context
  if (parts.unique) {
    const sameText = index.byText(parts.text).filter((target) => accepts(target, entry))
    return sameText.length === 1 ? sameText[0] : only(sameText.filter(sameContext))
  }
  if (here && sameContext(here)) return accepts(here, entry) ? here : undefined
  return only(index.byContext(parts.context).filter((target) => accepts(target, entry)))
}

function only<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined
}

function accepts(target: Target, entry: Entry): boolean {
  return !target.options || typeof entry.value !== 'string' || entry.value === '' || target.options.includes(entry.value)
}

function refreshed(entry: Entry, target: Target): Entry {
  return {...entry, text: target.text, key: target.key}
}

/** A record without its entries: what a run says about itself. */
export function headerOf(record: RunRecord): RunRecord {
  return {...record, items: {}, blanks: {}, choices: {}}
}

/** Whether a record holds anything the operator did: a started run. */
export function isStarted(record: RunRecord): boolean {
  return record.startedAt !== null || kinds.some((kind) => Object.keys(record[kind]).length > 0)
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
