/**
 * Where a run is kept: in memory for the page, and in localStorage for the browser, one key per entry
 * (`<run key>␟items␟<id>`) beside the run's header under the run key itself. A tick writes its own entry
 * and the small header, never the whole run: on a page of 20 000 steps it stays as quick as on a page of
 * ten, and two tabs on one runbook each write only what they changed, so their ticks add up. Another tab's
 * writes arrive as storage events and are merged in, the newer entry winning. A saved run is matched to
 * the page as it is now before it is shown. Records saved whole under the run key (before entries had keys
 * of their own) are read too, and written the new way at the first change. When the browser refuses a write
 * (storage blocked, quota full) the run lasts the visit in memory, the store says it is not saved, and the
 * next change tries to write the whole run again.
 */
import {matchRecord, recordKinds, type DroppedEntry, type RecordEntry, type RecordKind, type RunRecord} from '@runsheet/parser'
import {changedIds, headerOf, newerEntry, readEntry, readRecord, type Refusal} from './record.js'
import type {TargetList} from './run-targets.js'
import {storage} from './storage.js'

/** Ids per kind whose entries changed: the controls to show again. */
export type Changes = Record<RecordKind, Set<string>>

/** What loading or importing a record found worth telling the operator. */
export interface Found {
  refused?: Refusal
  dropped: DroppedEntry[]
}

export interface RunStore {
  /** The run as this page holds it. Read only: changes go through `set`. */
  readonly record: RunRecord
  /** Whether the browser holds the run as this page does: false from a refused write until the whole run is written. */
  readonly saved: boolean
  /** Records a tick, value or choice, here and in the browser. */
  set(kind: RecordKind, id: string, entry: RecordEntry): void
  /** Merges what another tab saved under `key` (`null`: storage was cleared), as a storage event tells. */
  receive(key: string | null, value: string | null): Changes
  /** Puts another record in place of the run (an import), matched to the page, and saves it. */
  replace(record: RunRecord): Changes & Found
  /** Forgets the run, here and in the browser. */
  clear(): Changes
  /** Reads the run again as the browser holds it, which another tab may have changed meanwhile; a run this page could not save is kept. */
  reload(): Changes
}

/** The page a run is matched to: its empty record (source hash included) and its steps, blanks, choices. */
export interface RunTargets {
  empty: RunRecord
  targets: Record<RecordKind, TargetList>
}

const separator = '\u001f'

/** The run saved under `key`, matched to the page, and what was found on the way. */
export function openRunStore(key: string, page: RunTargets): {store: RunStore; found: Found} {
  const prefix = `${key}${separator}`
  const entryKey = (kind: RecordKind, id: string) => `${prefix}${kind}${separator}${id}`
  const kindAndId = (storageKey: string): [RecordKind, string] | undefined => {
    const rest = storageKey.slice(prefix.length)
    const at = rest.indexOf(separator)
    const kind = rest.slice(0, at) as RecordKind
    return at > 0 && recordKinds.includes(kind) ? [kind, rest.slice(at + 1)] : undefined
  }
  const match = (record: RunRecord) => matchRecord(record, page.targets, record.runbook.sha256 === page.empty.runbook.sha256)

  const loaded = loadRun(key, prefix, kindAndId, page.empty, match)
  let record = loaded.record
  // The saved run is not as this page would write it (an old format, moved or dropped entries): it is
  // written anew at the first change, not on load, so that a reload still tells what was dropped.
  let rewrite = loaded.rewrite
  let saved = true

  const writeHeader = (): boolean => {
    // Another tab may have begun the run earlier: the run began when the first tab began it.
    const saved = storage.get(key)
    const theirs = saved === null ? undefined : readRecord(saved, page.empty).record
    if (theirs?.startedAt && (!record.startedAt || Date.parse(theirs.startedAt) < Date.parse(record.startedAt))) {
      record = {...record, startedAt: theirs.startedAt, runbook: theirs.runbook}
    }
    return storage.set(key, JSON.stringify(headerOf(record)))
  }
  const removeAll = () => {
    for (const each of storage.keysStartingWith(prefix)) storage.remove(each)
    storage.remove(key)
  }
  /**
   * Writes the run whole, in place of what the browser held; whether every write went through. It stops at
   * the first refused (storage that is blocked or full refuses the rest too), and then puts back what the
   * browser held, which fitted: a run saved in part would come back on a reload as a run nobody made.
   */
  const writeAll = (): boolean => {
    const before = [key, ...storage.keysStartingWith(prefix)].flatMap((each) => {
      const value = storage.get(each)
      return value === null ? [] : [[each, value] as const]
    })
    removeAll()
    const written =
      storage.set(key, JSON.stringify(headerOf(record))) &&
      recordKinds.every((kind) => Object.entries(record[kind]).every(([id, entry]) => storage.set(entryKey(kind, id), JSON.stringify(entry))))
    if (!written) {
      removeAll()
      for (const [each, value] of before) storage.set(each, value)
    }
    return written
  }
  const kept = (written: boolean) => {
    saved = written
    // The browser holds part of the run, or none of it: the next change writes it whole.
    if (!written) rewrite = true
  }
  const become = (next: RunRecord): Changes => {
    const changes = changedIds(record, next)
    record = next
    return changes
  }

  const store: RunStore = {
    get record() {
      return record
    },
    get saved() {
      return saved
    },
    set(kind, id, entry) {
      define(record[kind], id, entry)
      record = {...record, startedAt: record.startedAt ?? entry.at, updatedAt: entry.at}
      if (rewrite) {
        rewrite = false
        // Refused, the whole run's write put back what the browser held: its header is not written over.
        kept(writeAll() && writeHeader())
        return
      }
      const written = storage.set(entryKey(kind, id), JSON.stringify(entry))
      // The header is written even when the entry was not: it is the run's start, which another tab reads.
      kept(writeHeader() && written)
    },
    receive(storageKey, value) {
      if (storageKey === null || (storageKey === key && value === null)) return become(emptyOf(page.empty))
      if (storageKey === key) {
        const theirs = readRecord(value!, page.empty).record
        if (theirs?.startedAt && (!record.startedAt || Date.parse(theirs.startedAt) < Date.parse(record.startedAt))) {
          record = {...record, startedAt: theirs.startedAt, runbook: theirs.runbook}
        }
        return changesOf()
      }
      const place = storageKey.startsWith(prefix) ? kindAndId(storageKey) : undefined
      if (!place) return changesOf()
      const [kind, id] = place
      if (value === null) {
        if (!Object.hasOwn(record[kind], id)) return changesOf()
        delete record[kind][id]
        return changesOf(kind, id)
      }
      const entry = readEntry(kind, value)
      if (!entry) return changesOf()
      // Another tab's entry is matched to this page like a saved one: another edition may have written it.
      const one = {...headerOf(record), [kind]: Object.fromEntries([[id, entry]])}
      const [[placed, matched] = []] = Object.entries(match(one).record[kind])
      if (placed === undefined || !matched) return changesOf()
      const own = Object.hasOwn(record[kind], placed) ? record[kind][placed] : undefined
      if (own && newerEntry(own, matched) === own) return changesOf()
      define(record[kind], placed, matched)
      record = {...record, startedAt: record.startedAt ?? matched.at, updatedAt: matched.at}
      return changesOf(kind, placed)
    },
    replace(imported) {
      const matched = match(imported)
      const changes = become(matched.record)
      rewrite = false
      kept(writeAll())
      return {...changes, dropped: matched.dropped}
    },
    clear() {
      removeAll()
      rewrite = false
      // Nothing is left to lose: an empty run is what a reload shows.
      saved = true
      return become(emptyOf(page.empty))
    },
    reload() {
      if (!saved) return changesOf()
      const again = loadRun(key, prefix, kindAndId, page.empty, match)
      rewrite = again.rewrite
      return become(again.record)
    }
  }
  return {store, found: loaded.found}
}

/** The run saved under `key` and its entries' keys, matched to the page. */
function loadRun(
  key: string,
  prefix: string,
  kindAndId: (storageKey: string) => [RecordKind, string] | undefined,
  empty: RunRecord,
  match: (record: RunRecord) => {record: RunRecord; dropped: DroppedEntry[]; moved: number}
): {record: RunRecord; found: Found; rewrite: boolean} {
  const header = storage.get(key)
  const entryKeys = storage.keysStartingWith(prefix)
  if (header === null) return {record: emptyOf(empty), found: {dropped: []}, rewrite: entryKeys.length > 0}
  const read = readRecord(header, empty)
  if (read.refused) return {record: emptyOf(empty), found: {refused: read.refused, dropped: []}, rewrite: true}
  const saved = read.record
  let rewrite = recordKinds.some((kind) => Object.keys(saved[kind]).length > 0)
  for (const storageKey of entryKeys) {
    const place = kindAndId(storageKey)
    const raw = storage.get(storageKey)
    const entry = place && raw !== null ? readEntry(place[0], raw) : undefined
    if (!place || !entry) {
      rewrite = true
      continue
    }
    const [kind, id] = place
    const whole = Object.hasOwn(saved[kind], id) ? saved[kind][id] : undefined
    define(saved[kind], id, whole ? newerEntry(whole, entry) : entry)
  }
  const matched = match(saved)
  return {record: matched.record, found: {dropped: matched.dropped}, rewrite: rewrite || matched.dropped.length > 0 || matched.moved > 0}
}

/** An own property, whatever the id: an assignment to `__proto__` would set the prototype instead. */
function define(table: Record<string, RecordEntry>, id: string, entry: RecordEntry): void {
  Object.defineProperty(table, id, {value: entry, enumerable: true, writable: true, configurable: true})
}

/** A runbook's empty record with tables of its own, which the store changes in place. */
function emptyOf(empty: RunRecord): RunRecord {
  return {...empty, items: {}, blanks: {}, choices: {}}
}

function changesOf(kind?: RecordKind, id?: string): Changes {
  const changes: Changes = {items: new Set(), blanks: new Set(), choices: new Set()}
  if (kind && id !== undefined) changes[kind].add(id)
  return changes
}
