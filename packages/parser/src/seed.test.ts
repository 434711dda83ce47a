import {existsSync} from 'node:fs'
import {beforeAll, describe, expect, test} from 'vitest'
import {walk} from './model/walk.js'
import {parseRunbook} from './parse/parse-runbook.js'
import type {Blank, Choice, Criterion, Item, Runbook, Signature, Table} from './index.js'
import {examplesFolder, optionsFor, read, seedPath} from './test-util/files.js'

/** The reference input, asserted structurally: every construct in it reaches the model. */
describe.skipIf(!existsSync(seedPath))('the seed runbook', () => {
  // Parsed when the tests run (beforeAll), never while a skipped suite is collected.
  let runbook: Runbook
  let messages: ReturnType<typeof parseRunbook>['messages']
  const nodes = {items: [] as Item[], blanks: [] as Blank[], choices: [] as Choice[], signatures: [] as Signature[], tables: [] as Table[], commands: 0}
  beforeAll(() => {
    ;({runbook, messages} = parseRunbook(read(seedPath), {path: 'production-deploy.ko.md'}))
    walk(runbook, (node) => {
    if (node.type === 'item') nodes.items.push(node)
    else if (node.type === 'blank') nodes.blanks.push(node)
    else if (node.type === 'choice') nodes.choices.push(node)
    else if (node.type === 'signature') nodes.signatures.push(node)
    else if (node.type === 'table') nodes.tables.push(node)
    else if (node.type === 'command') nodes.commands++
    })
  })

  test('header: title, subtitle, language, version, update date and fields', () => {
    expect(runbook.title).toBe('프로덕션 배포 체크리스트')
    expect(runbook.subtitle).toBe('🚀 Knowledge Database - 프로덕션 배포 체크리스트')
    expect(runbook.lang).toBe('ko')
    expect(runbook.version).toBe('1.0.0')
    expect(runbook.updated).toBe('2025-08-21')
    expect(runbook.meta.map((field) => [field.key, field.label])).toEqual([
      ['project', '프로젝트'],
      ['version', '버전'],
      ['date', '배포 날짜'],
      ['owner', '배포 담당자'],
      ['environment', '환경']
    ])
    expect(runbook.footer).toHaveLength(1)
  })

  test('116 items, 9 commands', () => {
    expect(nodes.items).toHaveLength(116)
    expect(nodes.items.every((item) => item.checked === false)).toBe(true)
    expect(nodes.commands).toBe(9)
    const withCommands = nodes.items.filter((item) => item.commands.length > 0)
    expect(withCommands.map((item) => item.text)).toContain('롤백 실행:')
  })

  test('a contacts table of 5 typed rows', () => {
    expect(nodes.tables).toHaveLength(1)
    const [table] = nodes.tables
    expect(table?.kind).toBe('contacts')
    expect(table?.rows.map((row) => row.contact)).toEqual([
      {role: 'DevOps 리드', name: '', contact: '', escalation: '1차'},
      {role: '백엔드 리드', name: '', contact: '', escalation: '1차'},
      {role: '데이터베이스 관리자', name: '', contact: '', escalation: '2차'},
      {role: '보안 리드', name: '', contact: '', escalation: '필요시'},
      {role: '제품 책임자', name: '', contact: '', escalation: '비즈니스'}
    ])
  })

  test('17 blanks, each labelled, each with a unique id', () => {
    expect(nodes.blanks).toHaveLength(17)
    expect(nodes.blanks.every((blank) => blank.label)).toBe(true)
    expect(new Set(nodes.blanks.map((blank) => blank.id)).size).toBe(17)
  })

  test('one choice of 3 options, 2 signatures', () => {
    expect(nodes.choices).toHaveLength(1)
    expect(nodes.choices[0]).toMatchObject({
      label: '배포 상태',
      key: 'status',
      options: [
        {label: '성공', checked: false},
        {label: '부분 성공', checked: false},
        {label: '실패', checked: false}
      ]
    })
    expect(nodes.signatures.map((signature) => signature.fields.map((field) => field.key))).toEqual([
      ['deployer', 'date'],
      ['approver', 'date']
    ])
  })

  test('4 criteria and 2 optional items', () => {
    const criteria = nodes.items.map((item) => item.criterion).filter((criterion): criterion is Criterion => criterion !== null)
    expect(criteria.map(({metric, op, value, unit, qualifier}) => ({metric, op, value, unit, qualifier}))).toEqual([
      {metric: '응답 시간', op: '<', value: 500, unit: 'ms', qualifier: 'p95'},
      {metric: 'CPU 사용률', op: '<', value: 70, unit: '%', qualifier: null},
      {metric: '메모리 사용률', op: '<', value: 80, unit: '%', qualifier: null},
      {metric: '캐시 적중률', op: '>', value: 80, unit: '%', qualifier: null}
    ])
    expect(nodes.items.filter((item) => item.optional).map((item) => item.text)).toEqual([
      '도메인 이름 구성됨 (해당하는 경우)',
      '이메일 서비스 확인 (해당하는 경우)'
    ])
  })

  test('every section kind', () => {
    const kinds = new Set<string>()
    walk(runbook, (node) => {
      if (node.type === 'section') kinds.add(node.kind)
    })
    expect([...kinds].sort()).toEqual(
      ['contacts', 'followup', 'golive', 'prerequisites', 'procedure', 'quickref', 'references', 'rollback', 'signoff', 'verification'].sort()
    )
  })

  test('a trigger, timeframes and ordinals', () => {
    const sections: Array<{text: string; trigger: string | null; timeframe: unknown; ordinal: number | null}> = []
    walk(runbook, (node) => {
      if (node.type === 'section') sections.push({text: node.titleText, trigger: node.trigger, timeframe: node.timeframe, ordinal: node.ordinal})
    })
    expect(sections.find((section) => section.text === '문제 발견 시:')?.trigger).toBe('문제 발견 시')
    expect(sections.filter((section) => section.timeframe).map((section) => section.text)).toEqual(['1일차', '1주차', '1개월차'])
    expect(sections.filter((section) => /단계:/.test(section.text)).map((section) => section.ordinal)).toEqual([1, 2, 3, 4, 5])
  })

  test('no warnings on the seed: it has no problem to report', () => {
    expect(messages.map(String)).toEqual([])
    const inExamples = `${examplesFolder}/production-deploy.ko.md`
    const resolved = parseRunbook(read(inExamples), optionsFor(inExamples, examplesFolder))
    expect(resolved.messages.map(String)).toEqual([])
    expect(resolved.runbook.translations).toEqual([{lang: 'en', path: 'production-deploy.md'}])
  })
})
