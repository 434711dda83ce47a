import {emptyRecord, fingerprintOf, matchRecord, parseRunbook, recordTargetsFrom, recordTargetsOf, runRecordSchema, toMarkdown, walk, type RecordKind, type RecordTarget, type RecordTargets, type Runbook, type RunRecord} from '@runsheet/parser'
import {describe, expect, test} from 'vitest'
import {changedIds, isChecked, newerEntry, progressOf, readImportedRecord, readRecord, setBlank, setChoice, setItem, type About} from './record.js'

const {runbook} = parseRunbook(
  ['# Deploy', '', '**Owner**: ______', '', '## Steps', '', '- [ ] First', '- [x] Second', '', '## Sign-off', '', '**Status**: [ ] Done [ ] Failed', ''].join('\n'),
  {path: 'deploy.md'}
)
const at = '2026-01-02T03:04:05+09:00'
const later = '2026-01-02T03:05:00+09:00'
const empty = emptyRecord(runbook)

/** The record `readRecord` gives, or a failure naming why it refused. */
function read(raw: string, into: RunRecord = empty): RunRecord {
  const result = readRecord(raw, into)
  if (!result.record) throw new Error(`refused: ${JSON.stringify(result.refused)}`)
  return result.record
}

/** The steps as the page shows them: each task with the sections it is in. */
function stepsOf(model: Runbook) {
  const steps: {id: string; checked: boolean; sections: string[]; text: string}[] = []
  walk(model, (node, ancestors) => {
    if (node.type !== 'item' || node.checked === null) return
    steps.push({id: node.id, checked: node.checked, text: node.text, sections: ancestors.flatMap((each) => (each.type === 'section' ? [each.id] : []))})
  })
  return steps
}

/** A runbook's steps, blanks and choices as the page gets them: fingerprinted by the parser. */
function targetsOfRunbook(model: Runbook): Record<RecordKind, RecordTargets> & {items: RecordTargets; list: readonly RecordTarget[]} {
  const found = recordTargetsOf(model)
  return {items: recordTargetsFrom(found.items), blanks: recordTargetsFrom(found.blanks), choices: recordTargetsFrom(found.choices), list: found.items}
}

/** The record of a run on `model` with the steps whose texts are given ticked. */
function ticked(model: Runbook, ...texts: string[]): RunRecord {
  const targets = targetsOfRunbook(model)
  let record = emptyRecord(model)
  for (const text of texts) {
    const target = targets.list.find((each) => each.text === text && !Object.hasOwn(record.items, each.id))!
    record = setItem(record, target.id, true, at, {text: target.text, key: target.key} satisfies About)
  }
  return record
}

/** The texts of the steps a record ticks on `model`. */
function tickedTexts(model: Runbook, record: RunRecord): string[] {
  return stepsOf(model)
    .filter((step) => isChecked({id: step.id, checked: false}, record))
    .map((step) => step.text)
}

/** Which positions of `model`'s steps a record ticks. */
function tickedPositions(model: Runbook, record: RunRecord): number[] {
  return stepsOf(model).flatMap((step, index) => (isChecked({id: step.id, checked: false}, record) ? [index] : []))
}

const parse = (lines: string[]) => parseRunbook(lines.join('\n'), {path: 'ops.md'}).runbook

test('ticks, values and choices are recorded with their time and written by toMarkdown', () => {
  const first = runbook.children.flatMap((block) => (block.type === 'section' ? block.children : [])).find((block) => block.type === 'checklist')
  const id = first?.type === 'checklist' ? first.items[0]!.id : ''
  let record = setItem(empty, id, true, at, {text: 'First', key: 'k'})
  record = setBlank(record, 'header--owner', 'Kim', at)
  record = setChoice(record, 'sign-off--status', 'Done', at)
  expect(record.items[id]).toEqual({value: true, at, text: 'First', key: 'k'})
  expect(record.startedAt).toBe(at)
  expect(runRecordSchema.safeParse(record).success).toBe(true)
  const markdown = toMarkdown(runbook, {record})
  expect(markdown).toContain('- [x] First')
  expect(markdown).toContain('**Owner**: Kim')
  expect(markdown).toMatch(/\[x\] Done/)
})

test('progress counts source ticks and the run, per section', () => {
  const steps = stepsOf(runbook)
  const progress = progressOf(steps, empty)
  expect([progress.done, progress.total]).toEqual([1, 2])
  expect(progress.sections.get('steps')).toEqual({done: 1, total: 2})
  const run = progressOf(steps, setItem(setItem(empty, steps[0]!.id, true, at), steps[1]!.id, false, at))
  expect([run.done, run.total]).toEqual([1, 2])
  expect(progressOf(steps, setItem(empty, steps[0]!.id, true, at)).sections.get('steps')).toEqual({done: 2, total: 2})
})

describe('reading a saved record', () => {
  test('a saved record is read back, every malformed entry left out', () => {
    const record = setBlank(empty, 'header--owner', 'Lee', at)
    expect(read(JSON.stringify(record)).blanks).toEqual(record.blanks)
    const partly = JSON.stringify({...record, items: {a: {value: 'yes', at}, b: {value: true, at}, c: {value: true, at: 'soon'}, d: null}})
    expect(read(partly).items).toEqual({b: {value: true, at}})
  })

  test('corrupted state is refused as unreadable, never thrown', () => {
    for (const raw of ['{not json', 'null', '[]', '"text"', JSON.stringify({format: 'other'}), JSON.stringify({format: 'runsheet-record/1'}), JSON.stringify({format: 'runsheet-record/1', runbook: 5})]) {
      expect(readRecord(raw, empty), raw).toEqual({refused: {reason: 'unreadable'}})
    }
    expect(read(JSON.stringify({...empty, items: 'x', blanks: [1], choices: null})).items).toEqual({})
  })

  test("another runbook's record (another sha256, path and title) is refused as foreign, naming it", () => {
    const other = {...empty, runbook: {...empty.runbook, path: 'rollback.md', title: 'Rollback', sha256: 'f'.repeat(64)}}
    const raw = JSON.stringify(setItem(other, 'steps--first', true, at))
    expect(readRecord(raw, empty)).toEqual({refused: {reason: 'foreign', title: 'Rollback'}})
    expect(readImportedRecord(raw, empty)).toEqual({refused: {reason: 'foreign', title: 'Rollback'}})
  })

  describe('a record is of this runbook as `runsheet format --record` decides', () => {
    const id = 'steps--first'
    /** A record of a run with one tick, its runbook named by `runbook`, read and imported. */
    const both = (runbook: Partial<RunRecord['runbook']>) => {
      const raw = JSON.stringify(setItem({...empty, runbook: {...empty.runbook, ...runbook}}, id, true, at))
      return [readRecord(raw, empty), readImportedRecord(raw, empty)]
    }

    test('the same edition (sha256) under another path and title: a site built from another root', () => {
      for (const result of both({path: 'deploy.ko.md', title: 'Old title'})) {
        expect(result.refused).toBeUndefined()
        expect(result.record?.runbook).toEqual(empty.runbook)
        expect(result.record?.items[id]?.value).toBe(true)
      }
    })

    test('the same title under another path and sha256: another edition, moved', () => {
      for (const result of both({path: 'ops/deploy.md', sha256: 'f'.repeat(64)})) {
        expect(result.refused).toBeUndefined()
        expect(result.record?.runbook).toEqual({...empty.runbook, sha256: 'f'.repeat(64)})
      }
    })

    test('the same path under another title and sha256: another edition, retitled', () => {
      for (const result of both({title: 'Deploy v2', sha256: 'f'.repeat(64)})) expect(result.refused).toBeUndefined()
    })

    test('an empty title or a missing path names no runbook', () => {
      const page = {...empty, runbook: {...empty.runbook, title: '', path: null}}
      const raw = JSON.stringify({...page, runbook: {...page.runbook, sha256: 'f'.repeat(64)}})
      expect(readRecord(raw, page).refused).toEqual({reason: 'foreign', title: ''})
    })
  })

  test('ids named __proto__ or constructor are read as entries, and set no prototype', () => {
    const raw = `{"format":"runsheet-record/1","runbook":${JSON.stringify(empty.runbook)},"startedAt":null,"updatedAt":null,"items":{"__proto__":{"value":true,"at":"${at}"},"constructor":{"value":true,"at":"${at}"}},"blanks":{},"choices":{}}`
    const record = read(raw)
    expect(Object.hasOwn(record.items, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(record.items)).toBe(Object.prototype)
    expect(isChecked({id: '__proto__', checked: false}, record)).toBe(true)
    expect(isChecked({id: 'constructor', checked: false}, record)).toBe(true)
    expect(isChecked({id: 'toString', checked: false}, record)).toBe(false)
    const imported = readImportedRecord(raw, empty).record!
    expect(Object.hasOwn(imported.items, '__proto__')).toBe(true)
    expect(isChecked({id: '__proto__', checked: false}, imported)).toBe(true)
  })

  test('an import is checked against the record format, naming the first problem', () => {
    const refused = readImportedRecord(JSON.stringify({...empty, items: {a: {value: true, at: 'yesterday'}}}), empty).refused
    expect(refused).toMatchObject({reason: 'unreadable'})
    expect(refused).toEqual({reason: 'unreadable', problem: {kind: 'field', field: 'items.a.at'}})
    expect(readImportedRecord('{', empty).refused).toEqual({reason: 'unreadable', problem: {kind: 'json'}})
    // A record exported before entries carried their text and fingerprint still imports.
    const old = {...empty, startedAt: at, updatedAt: at, items: {'steps--first': {value: true, at}}}
    expect(readImportedRecord(JSON.stringify(old), empty).record?.items).toEqual(old.items)
  })
})

test('an emptied blank keeps an empty entry, so that it wins over an older value', () => {
  const record = setBlank(setBlank(empty, 'x', 'a', at), 'x', '', later)
  expect(record.blanks).toEqual({x: {value: '', at: later}})
  expect(newerEntry(record.blanks.x!, {value: 'a', at}).value).toBe('')
})

test("record lookups and writes use own properties: ids named constructor or __proto__ are steps like any other", () => {
  let record = emptyRecord(parseRunbook('- [ ] constructor\n').runbook)
  expect(isChecked({id: 'constructor', checked: false}, record)).toBe(false)
  record = setBlank(record, '__proto__', 'x', '2025-01-01T00:00:00Z')
  expect(Object.hasOwn(record.blanks, '__proto__')).toBe(true)
  expect(Object.getPrototypeOf(record.blanks)).toBe(Object.prototype)
})

describe('two tabs', () => {
  test('settle an entry both made on the newer one; on the same second, on the one that came second', () => {
    const older = {value: true, at}
    const newer = {value: false, at: later}
    expect(newerEntry(older, newer)).toBe(newer)
    expect(newerEntry(newer, older)).toBe(newer)
    // Ticked in one tab, unticked in the other within the second: the untick, made after, stands.
    const tie = {value: true, at: later}
    expect(newerEntry(tie, newer)).toBe(newer)
  })

  test('what changed between two records is named per kind, and only that', () => {
    const before = setItem(setBlank(empty, 'x', 'a', at), 'a', true, at)
    const after = setItem(setItem(before, 'b', true, later), 'a', false, later)
    expect(changedIds(before, after)).toEqual({items: new Set(['a', 'b']), blanks: new Set(), choices: new Set()})
  })
})

describe('a record matched to a changed runbook', () => {
  const v1 = parse(['# Ops', '', '## Web', '', '- [ ] Drain traffic', '- [ ] Restart nginx', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Migrate', ''])

  test('the same runbook: ids decide, old records without fingerprints included', () => {
    const record = ticked(v1, 'Restart nginx')
    const old = {...record, items: Object.fromEntries(Object.entries(record.items).map(([id, {value, at}]) => [id, {value, at}]))}
    for (const each of [record, old]) {
      const {record: matched, dropped} = matchRecord(each, targetsOfRunbook(v1), true)
      expect(tickedTexts(v1, matched)).toEqual(['Restart nginx'])
      expect(dropped).toEqual([])
    }
  })

  test('a renamed section keeps its steps’ ticks, under their new ids', () => {
    const v2 = parse(['# Ops', '', '## Web servers', '', '- [ ] Drain traffic', '- [ ] Restart nginx', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Migrate', ''])
    const record = ticked(v1, 'Restart nginx', 'Migrate')
    expect(Object.keys(record.items)).toContain('web--restart-nginx')
    const {record: matched, dropped} = matchRecord(record, targetsOfRunbook(v2), false)
    expect(tickedTexts(v2, matched)).toEqual(['Restart nginx', 'Migrate'])
    expect(Object.keys(matched.items).sort()).toEqual(['database--migrate', 'web-servers--restart-nginx'])
    expect(dropped).toEqual([])
  })

  test('an inserted step repeating an earlier text never takes a tick; a tick it makes unsure is dropped and named', () => {
    const steps = ['# Ops', '', '## Deploy', '', '- [ ] Restart', '- [ ] Smoke test', '- [ ] Restart', '- [ ] Verify', '']
    const before = parse(steps)
    const record = ticked(before, 'Restart', 'Restart')
    // A third `Restart` inserted first: every suffixed id moves down one `Restart`.
    const after = parse(['# Ops', '', '## Deploy', '', '- [ ] Restart', '- [ ] Restart', '- [ ] Smoke test', '- [ ] Restart', '- [ ] Verify', ''])
    const {record: matched, dropped} = matchRecord(record, targetsOfRunbook(after), false)
    const positions = tickedPositions(after, matched)
    // The old first Restart (before Smoke test) and the old second one (before Verify) are positions 1 and 3,
    // or, where they cannot be told apart from the new one, dropped: never position 0, the inserted step.
    expect(positions).not.toContain(0)
    expect(positions).toContain(3)
    for (const position of positions) expect([1, 3]).toContain(position)
    expect(positions.length + dropped.length).toBe(2)
    for (const each of dropped) expect(each.text).toBe('Restart')
  })

  test('a step that is gone is dropped and named in words; the rest are kept', () => {
    const v2 = parse(['# Ops', '', '## Web', '', '- [ ] Drain traffic', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Migrate', ''])
    const {record: matched, dropped} = matchRecord(ticked(v1, 'Restart nginx', 'Back up'), targetsOfRunbook(v2), false)
    expect(tickedTexts(v2, matched)).toEqual(['Back up'])
    expect(dropped.map((each) => [each.kind, each.id, each.text])).toEqual([['items', 'web--restart-nginx', 'Restart nginx']])
  })

  test('a step whose text is its own keeps its tick when its neighbours change or go', () => {
    const v2 = parse(['# Ops', '', '## Web', '', '- [ ] Drain all traffic', '- [ ] Restart nginx', '', '## Database', '', '- [ ] Migrate', ''])
    const {record: matched, dropped} = matchRecord(ticked(v1, 'Restart nginx', 'Migrate', 'Back up'), targetsOfRunbook(v2), false)
    expect(tickedTexts(v2, matched)).toEqual(['Restart nginx', 'Migrate'])
    expect(dropped.map((each) => each.text)).toEqual(['Back up'])
  })

  test('a step whose text was its own and now repeats keeps its tick only where its neighbours tell which', () => {
    const record = ticked(v1, 'Migrate')
    const apart = parse(['# Ops', '', '## Web', '', '- [ ] Migrate', '- [ ] Drain traffic', '- [ ] Restart nginx', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Migrate', ''])
    expect(tickedPositions(apart, matchRecord(record, targetsOfRunbook(apart), false).record)).toEqual([5])
    const beside = parse(['# Ops', '', '## Web', '', '- [ ] Drain traffic', '- [ ] Restart nginx', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Migrate', '- [ ] Migrate', ''])
    const {record: matched, dropped} = matchRecord(record, targetsOfRunbook(beside), false)
    expect(tickedPositions(beside, matched)).toEqual([])
    expect(dropped.map((each) => each.text)).toEqual(['Migrate'])
  })

  test('two steps with the same text and neighbours in two sections: a renamed section’s tick is dropped, not guessed', () => {
    const twice = (a: string) => parse(['# Ops', '', `## ${a}`, '', '- [ ] Stop', '- [ ] Restart', '- [ ] Start', '', '## Beta', '', '- [ ] Stop', '- [ ] Restart', '- [ ] Start', ''])
    const record = ticked(twice('Alpha'), 'Restart')
    const {record: matched, dropped} = matchRecord(record, targetsOfRunbook(twice('Gamma')), false)
    expect(tickedPositions(twice('Gamma'), matched)).toEqual([])
    expect(dropped).toHaveLength(1)
    // Where the id and fingerprint agree, the tick stays.
    expect(tickedPositions(twice('Alpha'), matchRecord(record, targetsOfRunbook(twice('Alpha')), false).record)).toEqual([1])
  })

  test('an old record without fingerprints is dropped, not guessed, once the runbook changed', () => {
    const record = setItem(emptyRecord(v1), 'web--restart-nginx', true, at)
    const v2 = parse(['# Ops', '', '## Web', '', '- [ ] Restart nginx', '- [ ] Restart nginx', ''])
    const {record: matched, dropped} = matchRecord(record, targetsOfRunbook(v2), false)
    expect(matched.items).toEqual({})
    expect(dropped.map((each) => [each.id, each.text])).toEqual([['web--restart-nginx', undefined]])
  })

  test('a choice whose option is gone is dropped', () => {
    const key = fingerprintOf('', 'Status', '', true)
    const choices = recordTargetsFrom([{id: 'x--status', text: 'Status', key, options: ['Done', 'Failed']}])
    const record = setChoice(setChoice(empty, 'x--status', 'Skipped', at, {text: 'Status', key}), 'y--status', 'Done', at, {text: 'Status', key})
    const {record: matched, dropped} = matchRecord(record, {items: recordTargetsFrom([]), blanks: recordTargetsFrom([]), choices}, false)
    // The other choice's entry, made on a choice with the same fingerprint, moves to the one that is left.
    expect(matched.choices).toEqual({'x--status': {value: 'Done', at, text: 'Status', key}})
    expect(dropped.map((each) => each.id)).toEqual(['x--status'])
  })
})
