/**
 * Matching a run record to a runbook that may have changed since the run began: one rule for run mode in
 * the browser and for `runsheet format --record` / `pdf --record`, so that no tick lands on another step.
 */
import type {RunRecord} from '../schema/record.js'
import {partsOfFingerprint, recordKinds, type RecordKind, type RecordTarget} from './fingerprint.js'

/** One entry of a record, whatever its kind. */
export type RecordEntry = RunRecord[RecordKind][string]

/** The steps, blanks or choices of one kind, looked up by id or by the parts of their fingerprints. */
export interface RecordTargets {
  /** The target with this id, or undefined. */
  byId(id: string): RecordTarget | undefined
  /** Every target whose text has this hash. */
  byText(text: string): readonly RecordTarget[]
  /** Every target whose text between its neighbours' has this hash. */
  byContext(context: string): readonly RecordTarget[]
}

/** Targets over a list (in document order), indexed on first use. */
export function recordTargetsFrom(list: readonly RecordTarget[]): RecordTargets {
  const ids = new Map(list.map((target) => [target.id, target]))
  let texts: Map<string, RecordTarget[]> | undefined
  let contexts: Map<string, RecordTarget[]> | undefined
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

/** An entry a record holds that the runbook no longer has a place for. */
export interface DroppedEntry {
  kind: RecordKind
  id: string
  /** What the entry was made on, in words: its text when it kept one. */
  text: string | undefined
  entry: RecordEntry
}

export interface MatchedRecord {
  record: RunRecord
  dropped: DroppedEntry[]
  /** How many entries moved to another id. */
  moved: number
}

/**
 * A record matched to the runbook as it is now. Where the runbook is unchanged (`sameSource`), ids decide.
 * Else an entry made on a step whose text was the only one of its kind goes to the one step with that
 * text (a renamed section, an edited neighbour), or, where the text now repeats, to the one of them with
 * the same neighbours; an entry made on a repeated step stays on its id, or moves to another, only where
 * the neighbours agree too. Anything else is dropped: an entry is never put on a step it may not have been
 * made on, which is why a repeated step whose neighbours changed, two entries after one step, and entries
 * of old records without a fingerprint are dropped once the runbook changed. Kept entries take the
 * target's text and fingerprint.
 */
export function matchRecord(record: RunRecord, targets: Record<RecordKind, RecordTargets>, sameSource: boolean): MatchedRecord {
  const dropped: DroppedEntry[] = []
  let moved = 0
  const matched: RunRecord = {...record}
  for (const kind of recordKinds) {
    const index = targets[kind]
    const kept = new Map<string, RecordEntry>()
    const moving: [string, RecordEntry, RecordTarget][] = []
    const lost: [string, RecordEntry][] = []
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
    // fromEntries defines properties: an id named `__proto__` stays an entry, not the prototype.
    ;(matched as Record<RecordKind, Record<string, RecordEntry>>)[kind] = Object.fromEntries(kept)
  }
  return {record: matched, dropped, moved}
}

/** The one target an entry was made on, by the rules of `matchRecord`, or undefined when none is sure. */
function targetOf(index: RecordTargets, id: string, entry: RecordEntry, sameSource: boolean): RecordTarget | undefined {
  const here = index.byId(id)
  if (here && sameSource) return accepts(here, entry) ? here : undefined
  const parts = entry.key === undefined ? undefined : partsOfFingerprint(entry.key)
  if (!parts) return undefined
  const sameContext = (target: RecordTarget) => partsOfFingerprint(target.key)?.context === parts.context
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

function accepts(target: RecordTarget, entry: RecordEntry): boolean {
  return !target.options || typeof entry.value !== 'string' || entry.value === '' || target.options.includes(entry.value)
}

function refreshed(entry: RecordEntry, target: RecordTarget): RecordEntry {
  return {...entry, text: target.text, key: target.key}
}
