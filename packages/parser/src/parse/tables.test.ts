import {describe, expect, test} from 'vitest'
import type {Table} from '../schema/blocks.js'
import {walk} from '../model/walk.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

function tableOf(markdown: string): Table {
  let found: Table | undefined
  walk(parseRunbook(`## S\n\n${markdown}\n`).runbook, (node) => {
    if (node.type === 'table' && !found) found = node
  })
  if (!found) throw new Error('expected a table')
  return withoutPositions(found)
}

const texts = (table: Table) => [table.header, ...table.rows].map((row) => row.cells.map((cell) => cell.text))

describe('tables', () => {
  test('header, rows and alignment; cells are rich with their plain text', () => {
    const table = tableOf('| 항목 | **값** | 비고 | 끝 |\n|:-----|:-----:|-----:|----|\n| `a` | 1 | [링크](https://x.io) | |')
    expect(table.kind).toBe('generic')
    expect(table.align).toEqual(['left', 'center', 'right', null])
    expect(table.columns).toEqual([null, null, null, null])
    expect(texts(table)).toEqual([
      ['항목', '값', '비고', '끝'],
      ['a', '1', '링크', '']
    ])
    expect(table.header.cells[1]).toEqual({
      type: 'tableCell',
      children: [{type: 'strong', children: [{type: 'text', value: '값'}]}],
      text: '값'
    })
    expect(table.rows[0]?.cells[2]?.children[0]).toMatchObject({type: 'link', href: 'https://x.io', target: {kind: 'external'}})
  })

  test('a Korean contacts table: columns typed, rows read as contacts, blanks read as empty', () => {
    const table = tableOf(
      '| 역할 | 이름 | 연락처 | 에스컬레이션 |\n|------|------|---------|--------------|\n| DevOps 리드 | _______ | _______ | 1차 |\n| 보안 리드 | 김보안 | 010-1234-5678 | 필요시 |'
    )
    expect(table.kind).toBe('contacts')
    expect(table.columns).toEqual(['role', 'name', 'contact', 'escalation'])
    expect(table.rows.map((row) => row.contact)).toEqual([
      {role: 'DevOps 리드', name: '', contact: '', escalation: '1차'},
      {role: '보안 리드', name: '김보안', contact: '010-1234-5678', escalation: '필요시'}
    ])
  })

  test('an English contacts table, columns in another order and without escalation', () => {
    const table = tableOf('| Name | Role | Phone | Notes |\n|---|---|---|---|\n| Kim | On-call lead | +82 10 1234 | pager |')
    expect(table.kind).toBe('contacts')
    expect(table.columns).toEqual(['name', 'role', 'contact', null])
    expect(table.rows[0]?.contact).toEqual({role: 'On-call lead', name: 'Kim', contact: '+82 10 1234', escalation: null})
  })

  test('English headers with escalation level', () => {
    const table = tableOf('| Role | Name | Contact | Escalation |\n|---|---|---|---|\n| DBA | Lee | lee@example.com | L2 |')
    expect(table.rows[0]?.contact).toEqual({role: 'DBA', name: 'Lee', contact: 'lee@example.com', escalation: 'L2'})
  })

  test('role and name without a contact column is not a contacts table; its rows have no contact', () => {
    const table = tableOf('| 역할 | 이름 |\n|---|---|\n| 리드 | 김 |')
    expect(table.kind).toBe('generic')
    expect(table.rows[0]?.contact).toBeUndefined()
  })

  test('a table used as a checklist keeps every cell, boxes and marks included', () => {
    const table = tableOf('| 단계 | 작업 | 완료 |\n|---|---|---|\n| 1 | 백업 | [ ] |\n| 2 | | ✓ |\n| 3 | 배포 | [x] |')
    expect(texts(table)).toEqual([
      ['단계', '작업', '완료'],
      ['1', '백업', '[ ]'],
      ['2', '', '✓'],
      ['3', '배포', '[x]']
    ])
  })

  test("a blank is labelled by its column and its row's name, the first cell with words besides blanks", () => {
    const table = tableOf('| 시각 | 이벤트 | 담당 |\n|---|---|---|\n| ____ | 감지 | ____ |\n| ____ | **선언** | ____ |\n| 비고: ____ | 종료 | |\n| ____ | | ____ |')
    const labels = table.rows.map((row) => row.cells.flatMap((cell) => cell.children.flatMap((node) => (node.type === 'blank' ? [node.label] : []))))
    expect(labels).toEqual([['감지 · 시각', '감지 · 담당'], ['선언 · 시각', '선언 · 담당'], ['시각'], ['시각', '담당']])
  })

  test('rows shorter than the header keep the cells they have', () => {
    expect(texts(tableOf('| a | b | c |\n|---|---|---|\n| 1 |'))).toEqual([['a', 'b', 'c'], ['1']])
  })
})
