import {emptyRecord, parseRunbook, recordTargetsFrom, type RecordKind, type RecordTarget} from '@runsheet/parser'
import {afterEach, beforeEach, expect, test} from 'vitest'
import {openRunStore, type RunTargets} from './run-store.js'
import type {TargetList} from './run-targets.js'

/** localStorage as a browser keeps it, for one origin; `events` are what other tabs would be told. */
class MemoryStorage {
  readonly items = new Map<string, string>()
  events: [string, string | null][] = []
  /** A full quota: every write is refused, as browsers refuse it. */
  full = false
  get length() {
    return this.items.size
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  /** A quota of so many characters, keys and values together: a write past it is refused. */
  budget = Infinity
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [each, held]) => sum + (each === key ? 0 : each.length + held.length), 0)
    if (this.full || used + key.length + String(value).length > this.budget) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, String(value))
    this.events.push([key, String(value)])
  }
  removeItem(key: string) {
    this.items.delete(key)
    this.events.push([key, null])
  }
}

let local: MemoryStorage
beforeEach(() => {
  local = new MemoryStorage()
  ;(globalThis as {window?: unknown}).window = {localStorage: local}
})
afterEach(() => {
  delete (globalThis as {window?: unknown}).window
})

const {runbook} = parseRunbook('# Ops\n\n- [ ] Drain\n- [ ] Restart\n- [ ] Check\n', {path: 'ops.md'})
const empty = emptyRecord(runbook)
const key = 'runsheet:run:/ops.md'
const at = '2026-01-02T03:04:05+09:00'
const later = '2026-01-02T03:05:00+09:00'

function listOf(targets: RecordTarget[]): TargetList {
  const index = recordTargetsFrom(targets)
  return {...index, about: (id) => targets.find((each) => each.id === id) && {text: index.byId(id)!.text, key: index.byId(id)!.key}}
}
const steps = ['drain', 'restart', 'check'].map((id) => ({id, text: id, key: `k-${id}`}))
const page: RunTargets = {empty, targets: {items: listOf(steps), blanks: listOf([]), choices: listOf([])}}
const tick = (value: boolean, when = at) => ({value, at: when, text: 'x', key: 'k-x'})
const ticked = (kind: RecordKind, store: {record: Record<RecordKind, Record<string, {value: unknown}>>}) =>
  Object.entries(store.record[kind]).flatMap(([id, entry]) => (entry.value === true ? [id] : []))

test('a tick writes its own entry and the small header, and reads back in the next visit', () => {
  const {store} = openRunStore(key, page)
  store.set('items', 'restart', {value: true, at, text: 'restart', key: 'k-restart'})
  expect([...local.items.keys()].sort()).toEqual([key, `${key}\u001fitems\u001frestart`])
  expect(JSON.parse(local.getItem(key)!)).toMatchObject({format: 'runsheet-record/1', startedAt: at, items: {}})
  const again = openRunStore(key, page)
  expect(ticked('items', again.store)).toEqual(['restart'])
  expect(again.found).toEqual({dropped: []})
})

test('a record saved whole, as run mode saved it before, is read, and written entry by entry at the first change', () => {
  local.setItem(key, JSON.stringify({...empty, startedAt: at, updatedAt: at, items: {drain: {value: true, at}}}))
  const {store} = openRunStore(key, page)
  expect(ticked('items', store)).toEqual(['drain'])
  store.set('items', 'check', {value: true, at: later, text: 'check', key: 'k-check'})
  expect(JSON.parse(local.getItem(key)!).items).toEqual({})
  expect(ticked('items', openRunStore(key, page).store).sort()).toEqual(['check', 'drain'])
})

test('a record saved whole, whose first change the quota refuses, stays saved whole: its header is not written over', () => {
  local.setItem(key, JSON.stringify({...empty, startedAt: at, updatedAt: at, items: {drain: {value: true, at}, restart: {value: true, at}}}))
  const {store} = openRunStore(key, page)
  local.budget = [...local.items].reduce((sum, [each, held]) => sum + each.length + held.length, 0) + 40
  store.set('items', 'check', {value: true, at: later, text: 'check', key: 'k-check'})
  expect(store.saved).toBe(false)
  expect(ticked('items', openRunStore(key, page).store).sort()).toEqual(['drain', 'restart'])
})

test('two tabs: each one’s entries reach the other, the newer winning where both wrote', () => {
  const first = openRunStore(key, page).store
  const second = openRunStore(key, page).store
  const deliver = (to: typeof first) => {
    for (const [changed, value] of local.events.splice(0)) to.receive(changed, value)
  }
  first.set('items', 'drain', {...tick(true), text: 'drain', key: 'k-drain'})
  deliver(second)
  second.set('items', 'check', {...tick(true), text: 'check', key: 'k-check'})
  second.set('items', 'drain', {...tick(false, later), text: 'drain', key: 'k-drain'})
  deliver(first)
  expect(ticked('items', first)).toEqual(['check'])
  expect(ticked('items', second)).toEqual(['check'])
  // An older write arriving late does not undo a newer one.
  expect(first.receive(`${key}\u001fitems\u001fdrain`, JSON.stringify({...tick(true), text: 'drain', key: 'k-drain'})).items.size).toBe(0)
  expect(ticked('items', openRunStore(key, page).store)).toEqual(['check'])
  // The other tab reset the run.
  first.clear()
  deliver(second)
  expect(second.record.items).toEqual({})
})

test('broken saved state is refused, and the first change starts over', () => {
  local.setItem(key, '{"format":')
  local.setItem(`${key}\u001fitems\u001fdrain`, JSON.stringify(tick(true)))
  const {store, found} = openRunStore(key, page)
  expect(found.refused).toEqual({reason: 'unreadable'})
  expect(store.record.items).toEqual({})
  store.set('items', 'check', {...tick(true), text: 'check', key: 'k-check'})
  expect([...local.items.keys()].sort()).toEqual([key, `${key}\u001fitems\u001fcheck`])
})

test('entries under ids named __proto__ or constructor are stored and read as any other', () => {
  const odd = {...page, targets: {...page.targets, items: listOf([{id: '__proto__', text: 'a', key: 'k-a'}, {id: 'constructor', text: 'b', key: 'k-b'}])}}
  const {store} = openRunStore(key, odd)
  store.set('items', '__proto__', {value: true, at, text: 'a', key: 'k-a'})
  store.set('items', 'constructor', {value: true, at, text: 'b', key: 'k-b'})
  const again = openRunStore(key, odd).store
  expect(Object.getPrototypeOf(again.record.items)).toBe(Object.prototype)
  expect(ticked('items', again).sort()).toEqual(['__proto__', 'constructor'])
})

test('a full quota: the run goes on in memory, the store says it is not saved, and the next write that goes through writes it whole', () => {
  const {store} = openRunStore(key, page)
  store.set('items', 'drain', {...tick(true), text: 'drain', key: 'k-drain'})
  expect(store.saved).toBe(true)
  local.full = true
  store.set('items', 'restart', {...tick(true, later), text: 'restart', key: 'k-restart'})
  expect(store.saved).toBe(false)
  expect(ticked('items', store)).toEqual(['drain', 'restart'])
  expect(ticked('items', openRunStore(key, page).store)).toEqual(['drain'])
  local.full = false
  store.set('items', 'check', {...tick(true, later), text: 'check', key: 'k-check'})
  expect(store.saved).toBe(true)
  expect(ticked('items', openRunStore(key, page).store).sort()).toEqual(['check', 'drain', 'restart'])
})

test('an import the quota cannot hold whole leaves the saved run as it was, not a part of either', () => {
  const {store} = openRunStore(key, page)
  store.set('items', 'drain', {...tick(true), text: 'drain', key: 'k-drain'})
  // Room for the run as it is (a header and one entry), not for a header and two entries.
  local.budget = [...local.items].reduce((sum, [each, held]) => sum + each.length + held.length, 0) + 10
  store.replace({...empty, startedAt: later, updatedAt: later, items: {restart: {value: true, at: later, text: 'restart', key: 'k-restart'}, check: {value: true, at: later, text: 'check', key: 'k-check'}}})
  expect(store.saved).toBe(false)
  expect(ticked('items', store).sort()).toEqual(['check', 'restart'])
  const reloaded = openRunStore(key, page).store
  expect(ticked('items', reloaded)).toEqual(['drain'])
  expect(reloaded.record.startedAt).toBe(at)
})

test('storage the page may not touch: ticks and imports last the visit, never saved; a reset leaves nothing to lose', () => {
  Object.defineProperty(globalThis.window, 'localStorage', {
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
  })
  const {store, found} = openRunStore(key, page)
  expect(found).toEqual({dropped: []})
  store.set('items', 'drain', {...tick(true), text: 'drain', key: 'k-drain'})
  expect(store.saved).toBe(false)
  expect(ticked('items', store)).toEqual(['drain'])
  store.set('items', 'check', {...tick(true, later), text: 'check', key: 'k-check'})
  expect(store.saved).toBe(false)
  expect(ticked('items', store)).toEqual(['drain', 'check'])
  store.clear()
  expect(store.saved).toBe(true)
  store.replace({...empty, startedAt: at, updatedAt: at, items: {restart: {value: true, at, text: 'restart', key: 'k-restart'}}})
  expect(store.saved).toBe(false)
  expect(ticked('items', store)).toEqual(['restart'])
})
