import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {runRecordSchema} from '../schema/record.js'
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

  test('a record still applies after unrelated edits', () => {
    const record = {...emptyRecord(runbook), items: {'배포--푸시': {value: true, at}}}
    const edited = parseRunbook('## 새 섹션\n\n- [ ] 새 단계\n\n## 배포\n\n- [ ] 준비\n- [ ] 푸시\n').runbook
    const result = applyRecord(edited, record)
    expect(result.unmatched).toEqual([])
    expect(itemsOf(result.runbook).map((item) => [item.text, item.checked])).toEqual([
      ['새 단계', false],
      ['준비', false],
      ['푸시', true]
    ])
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
