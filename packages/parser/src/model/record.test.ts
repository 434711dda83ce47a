import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {runRecordSchema} from '../schema/record.js'
import type {RunRecord} from '../schema/record.js'
import type {Runbook} from '../schema/runbook.js'
import {recordTargetsOf} from './fingerprint.js'
import {applyRecord, emptyRecord} from './record.js'
import {itemsOf, walk} from './walk.js'

const at = '2025-08-21T10:00:00+09:00'
const source = '## 배포\n\n- [ ] 빌드\n- [x] 푸시\n\n**배포 상태**: [ ] 성공 [ ] 실패\n\n**비고**: ____\n'

describe('emptyRecord', () => {
  test('names the runbook it was made for and holds nothing yet', () => {
    const {runbook} = parseRunbook('# 배포\n\n**버전**: 1.2.0\n', {path: 'deploy.ko.md'})
    const record = emptyRecord(runbook)
    expect(record).toEqual({
      format: 'runsheet-record/1',
      runbook: {title: '배포', path: 'deploy.ko.md', sha256: runbook.source.sha256, version: '1.2.0'},
      startedAt: null,
      updatedAt: null,
      items: {},
      blanks: {},
      choices: {}
    })
    expect(runRecordSchema.safeParse(record).success).toBe(true)
  })
})

describe('applyRecord', () => {
  const {runbook} = parseRunbook(source)

  test('ticks and unticks steps, fills blanks, chooses options', () => {
    const record = {
      ...emptyRecord(runbook),
      items: {'배포--빌드': {value: true, at}, '배포--푸시': {value: false, at}},
      blanks: {'배포--비고': {value: '이상 없음', at}},
      choices: {'배포--배포-상태': {value: '성공', at}}
    }
    const result = applyRecord(runbook, record)
    expect(result.unmatched).toEqual([])
    expect(itemsOf(result.runbook).map((item) => item.checked)).toEqual([true, false])
    const found: unknown[] = []
    walk(result.runbook, (node) => {
      if (node.type === 'blank') found.push(node.value)
      if (node.type === 'choice') found.push(node.options.map((option) => option.checked))
    })
    expect(found).toEqual([[true, false], '이상 없음'])
  })

  test('an empty value leaves the blank blank', () => {
    const result = applyRecord(runbook, {...emptyRecord(runbook), blanks: {'배포--비고': {value: '', at}}})
    const values: unknown[] = []
    walk(result.runbook, (node) => {
      if (node.type === 'blank') values.push(node.value)
    })
    expect(values).toEqual([undefined])
    expect(result.unmatched).toEqual([])
  })

  test('ids the runbook no longer has are returned as unmatched', () => {
    const record = {
      ...emptyRecord(runbook),
      items: {'배포--빌드': {value: true, at}, '배포--삭제된-단계': {value: true, at}},
      blanks: {'배포--없는-칸': {value: 'x', at}},
      choices: {'배포--없는-선택': {value: '성공', at}, '배포--배포-상태': {value: '실패', at}}
    }
    expect(applyRecord(runbook, record).unmatched.sort()).toEqual(['배포--삭제된-단계', '배포--없는-선택', '배포--없는-칸'].sort())
  })

  test('a record of the same edition without fingerprints applies by id', () => {
    const record = {...emptyRecord(runbook), items: {'배포--푸시': {value: true, at}}}
    const result = applyRecord(runbook, record)
    expect(result.dropped).toEqual([])
    expect(itemsOf(result.runbook).map((item) => item.checked)).toEqual([false, true])
  })

  test('a record of another edition without fingerprints is dropped, not guessed by id', () => {
    const record = {...emptyRecord(runbook), items: {'배포--푸시': {value: true, at}}}
    const edited = parseRunbook('## 새 섹션\n\n- [ ] 새 단계\n\n## 배포\n\n- [ ] 준비\n- [ ] 푸시\n').runbook
    const result = applyRecord(edited, record)
    expect(result.unmatched).toEqual(['배포--푸시'])
    expect(itemsOf(result.runbook).every((item) => item.checked === false)).toBe(true)
  })
  test('the runbook given is not changed', () => {
    const before = structuredClone(runbook)
    applyRecord(runbook, {...emptyRecord(runbook), items: {'배포--빌드': {value: true, at}}})
    expect(runbook).toEqual(before)
  })
})

test("a step named constructor finds its own entry or none, never one of Object's", () => {
  const {runbook} = parseRunbook('- [ ] constructor\n- [ ] hasOwnProperty\n- [x] toString\n')
  expect(itemsOf(runbook).map((item) => item.id)).toEqual(['constructor', 'hasownproperty', 'tostring'])
  const empty = emptyRecord(runbook)
  const applied = applyRecord(runbook, empty)
  expect(applied.unmatched).toEqual([])
  expect(itemsOf(applied.runbook).map((item) => item.checked)).toEqual([false, false, true])
  const ticked = {...empty, items: {constructor: {value: true, at}}}
  expect(itemsOf(applyRecord(runbook, ticked).runbook).map((item) => item.checked)).toEqual([true, false, true])
})

/** A record made on `runbook` as run mode makes one: each entry with its target's text and fingerprint. */
function recordOn(runbook: Runbook, ticks: Record<string, boolean>, blanks: Record<string, string> = {}): RunRecord {
  const targets = recordTargetsOf(runbook)
  const about = (kind: 'items' | 'blanks', id: string) => {
    const target = targets[kind].find((each) => each.id === id)
    if (!target) throw new Error(`no ${kind} ${id}`)
    return {text: target.text, key: target.key}
  }
  const entries = <V>(kind: 'items' | 'blanks', values: Record<string, V>) =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [id, {value, at, ...about(kind, id)}]))
  return {...emptyRecord(runbook), items: entries('items', ticks), blanks: entries('blanks', blanks)}
}

const ticked = (runbook: Runbook) => itemsOf(runbook).map((item) => `${item.checked ? 'x' : ' '} ${item.id}`)

describe('applyRecord on another edition of the runbook', () => {
  const v1 = parseRunbook(
    ['# Restart', '', '## Web', '', '- [ ] Drain traffic', '- [ ] Restart nginx', '- [ ] Check logs', '', '## Database', '', '- [ ] Back up', '- [ ] Restart', '- [ ] Smoke test', '- [ ] Restart', '- [ ] Verify ___', ''].join('\n')
  ).runbook
  // `Web` renamed, `Check logs` gone, a third `Restart` inserted before the first.
  const v2 = parseRunbook(
    ['# Restart', '', '## Web servers', '', '- [ ] Drain traffic', '- [ ] Restart nginx', '', '## Database', '', '- [ ] Back up', '- [ ] Restart', '- [ ] Restart', '- [ ] Smoke test', '- [ ] Restart', '- [ ] Verify ___', ''].join('\n')
  ).runbook
  const ids = itemsOf(v1).map((item) => item.id)

  test('a renamed section keeps its steps\' ticks', () => {
    expect(ids.slice(0, 2)).toEqual(['web--drain-traffic', 'web--restart-nginx'])
    const result = applyRecord(v2, recordOn(v1, {'web--drain-traffic': true, 'web--restart-nginx': true}))
    expect(result.dropped).toEqual([])
    expect(ticked(result.runbook).slice(0, 2)).toEqual(['x web-servers--drain-traffic', 'x web-servers--restart-nginx'])
  })

  test('an inserted repeated step takes no tick; a repeated step whose neighbours stayed keeps its own', () => {
    const restarts = itemsOf(v1).filter((item) => item.text === 'Restart').map((item) => item.id)
    expect(restarts).toHaveLength(2)
    const result = applyRecord(v2, recordOn(v1, {[restarts[0]!]: true, [restarts[1]!]: true}))
    // v1's first Restart sat between Back up and Smoke test: in v2 none does (an inserted one came between),
    // so it is dropped; the second sat between Smoke test and Verify, as v2's last one still does.
    expect(ticked(result.runbook).filter((line) => line.includes('restart') && !line.includes('nginx'))).toEqual([
      '  database--restart',
      '  database--restart-2',
      'x database--restart-3'
    ])
    expect(result.dropped.map((each) => [each.id, each.text])).toEqual([[restarts[0], 'Restart']])
  })

  test('an entry whose step is gone is dropped and named by its text; the blank of a kept step keeps its value', () => {
    const verify = itemsOf(v1).at(-1)!
    let blank = ''
    walk(v1, (node) => {
      if (node.type === 'blank') blank = node.id
    })
    const result = applyRecord(v2, recordOn(v1, {'web--check-logs': true, [verify.id]: true}, {[blank]: 'ok'}))
    expect(result.dropped.map((each) => [each.kind, each.id, each.text])).toEqual([['items', 'web--check-logs', 'Check logs']])
    expect(ticked(result.runbook).at(-1)).toBe(`x ${verify.id}`)
    const values: unknown[] = []
    walk(result.runbook, (node) => {
      if (node.type === 'blank') values.push(node.value)
    })
    expect(values).toEqual(['ok'])
  })

  test('a timeline with a row added keeps each time and owner on its event', () => {
    const timeline = (rows: string[]) => parseRunbook(['## 타임라인', '', '| 시각 | 이벤트 | 담당 |', '|---|---|---|', ...rows.map((event) => `| ____ | ${event} | ____ |`), ''].join('\n')).runbook
    const before = timeline(['감지', '선언', '종료'])
    const after = timeline(['경보 수신', '감지', '선언', '종료'])
    const blanks: Record<string, string> = {}
    const values = ['09:02', '김철수', '09:10', '이영희', '10:30', '박민수']
    walk(before, (node) => {
      if (node.type === 'blank') blanks[node.id] = values[Object.keys(blanks).length]!
    })
    const result = applyRecord(after, recordOn(before, {}, blanks))
    const filled: unknown[] = []
    walk(result.runbook, (node) => {
      if (node.type === 'blank') filled.push(node.value ?? '')
    })
    expect(filled).toEqual(['', '', ...values])
    expect(result.dropped).toEqual([])
  })

  test('a fingerprint never lands on a step that only shares an id', () => {
    // v3 repeats Check logs, with other neighbours (the first keeps the id): which one was ticked is not sure.
    const v3 = parseRunbook(['# Restart', '', '## Web', '', '- [ ] Check logs', '- [ ] Check logs', ''].join('\n')).runbook
    const result = applyRecord(v3, recordOn(v1, {'web--check-logs': true}))
    expect(itemsOf(v3).map((item) => item.id)).toContain('web--check-logs')
    expect(result.dropped.map((each) => each.id)).toEqual(['web--check-logs'])
    expect(itemsOf(result.runbook).every((item) => !item.checked)).toBe(true)
  })

  test('`__proto__` and `constructor` are ids like any other', () => {
    const before = parseRunbook('- [ ] `__proto__`\n- [ ] constructor\n- [ ] done\n').runbook
    const after = parseRunbook('## Added\n\n- [ ] first\n\n## Old\n\n- [ ] `__proto__`\n- [ ] constructor\n- [ ] done\n').runbook
    const [proto, ctor] = itemsOf(before).map((item) => item.id)
    expect([proto, ctor]).toEqual(['__proto__', 'constructor'])
    const record = recordOn(before, {})
    // Defined, not assigned: an assignment to `__proto__` would set the prototype.
    Object.defineProperty(record.items, proto!, {value: {value: true, at, ...recordTargetsOf(before).items[0]}, enumerable: true})
    record.items[ctor!] = {value: true, at, text: recordTargetsOf(before).items[1]!.text, key: recordTargetsOf(before).items[1]!.key}
    const result = applyRecord(after, record)
    expect(result.dropped).toEqual([])
    expect(itemsOf(result.runbook).map((item) => item.checked)).toEqual([false, true, true, false])
    expect(Object.getPrototypeOf(result.runbook)).toBe(Object.prototype)
  })
})

test('an empty record takes an entry under any id, __proto__ included, as the README writes entries', () => {
  const {runbook} = parseRunbook('# T\n\n- [ ] \\_\\_proto\\_\\_\n- [ ] constructor\n')
  const record = emptyRecord(runbook)
  const at = '2026-01-02T03:04:05Z'
  for (const id of ['__proto__', 'constructor']) record.items[id] = {value: true, at}
  expect(Object.keys(record.items)).toEqual(['__proto__', 'constructor'])
  expect(JSON.stringify(record.items)).toBe(`{"__proto__":{"value":true,"at":"${at}"},"constructor":{"value":true,"at":"${at}"}}`)
})
