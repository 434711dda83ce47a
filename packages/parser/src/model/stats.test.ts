import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {applyRecord, emptyRecord} from './record.js'
import {stats} from './stats.js'

const source = [
  '# T',
  '',
  '**배포 날짜**: ____',
  '',
  '## 배포 전',
  '',
  '### 1. 코드',
  '',
  '- [x] 리뷰',
  '- [ ] 태그',
  '  - [x] 확인',
  '- 그냥 항목',
  '',
  '### 2. 테스트',
  '',
  '1. [ ] 단위 테스트',
  '   ```sh',
  '   npm test',
  '   ```',
  '',
  '## 🚨 비상 연락처',
  '',
  '| 역할 | 이름 | 연락처 |',
  '|---|---|---|',
  '| 리드 | ____ | ____ |',
  '',
  '```bash',
  'echo reference',
  '```',
  ''
].join('\n')

describe('stats', () => {
  const {runbook} = parseRunbook(source)

  test('totals for the runbook: task items (not plain entries), checked, blanks, commands', () => {
    const {sections, ...totals} = stats(runbook)
    expect(totals).toEqual({total: 4, checked: 2, blanks: 3, filled: 0, commands: 2})
    expect(sections).toHaveLength(4)
  })

  test('per section, in document order; a section counts its subsections', () => {
    expect(stats(runbook).sections).toEqual([
      {id: '배포-전', title: '배포 전', kind: 'prerequisites', depth: 2, total: 4, checked: 2, blanks: 0, filled: 0, commands: 1},
      {id: '1-코드', title: '1. 코드', kind: 'prerequisites', depth: 3, total: 3, checked: 2, blanks: 0, filled: 0, commands: 0},
      {id: '2-테스트', title: '2. 테스트', kind: 'prerequisites', depth: 3, total: 1, checked: 0, blanks: 0, filled: 0, commands: 1},
      {id: '비상-연락처', title: '비상 연락처', kind: 'contacts', depth: 2, total: 0, checked: 0, blanks: 2, filled: 0, commands: 1}
    ])
  })

  test('filled blanks and ticks of a record are counted', () => {
    const at = '2025-08-21T10:00:00Z'
    const record = {
      ...emptyRecord(runbook),
      items: {'1-코드--태그': {value: true, at}},
      blanks: {'header--배포-날짜': {value: '2025-08-21', at}, '비상-연락처--리드-이름': {value: '김', at}}
    }
    const {sections, ...totals} = stats(applyRecord(runbook, record).runbook)
    expect(totals).toEqual({total: 4, checked: 3, blanks: 3, filled: 2, commands: 2})
    expect(sections[3]).toMatchObject({blanks: 2, filled: 1})
  })

  test('an empty runbook counts nothing', () => {
    expect(stats(parseRunbook('').runbook)).toEqual({total: 0, checked: 0, blanks: 0, filled: 0, commands: 0, sections: []})
  })
})
