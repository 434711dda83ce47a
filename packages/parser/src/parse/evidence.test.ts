import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {itemsOf} from '../model/walk.js'
import {evidenceOf} from './evidence.js'
import {parseRunbook} from './parse-runbook.js'

describe('evidenceOf', () => {
  test('`(커버리지: 84.9% ✓)`: a label, a value and a pass mark', () => {
    expect(evidenceOf('단위 테스트 통과 (커버리지: 84.9% ✓)', defaultKeywords)).toEqual([
      {label: '커버리지', value: '84.9%', passed: true, text: '(커버리지: 84.9% ✓)'}
    ])
  })

  test('`(96.9% 성공률 ✓)`: a number before the words that name it', () => {
    expect(evidenceOf('통합 테스트 통과 (96.9% 성공률 ✓)', defaultKeywords)).toEqual([
      {label: '성공률', value: '96.9%', passed: true, text: '(96.9% 성공률 ✓)'}
    ])
  })

  test.each([
    ['Load test (p95: 820ms ✗)', {label: 'p95', value: '820ms', passed: false}],
    ['Scan (critical: 2 ❌)', {label: 'critical', value: '2', passed: false}],
    ['Smoke test (result: FAIL)', {label: 'result', passed: false}],
    ['보안 스캔 (실패)', {label: null, value: null, passed: false}],
    ['Smoke test (result: PASS)', {label: 'result', passed: true}],
    ['Coverage (lines: 91% ✅)', {label: 'lines', value: '91%', passed: true}],
    ['Coverage (lines: 91%)', {label: 'lines', value: '91%', passed: null}]
  ])('%s', (text, expected) => {
    expect(evidenceOf(text, defaultKeywords)).toMatchObject([expected])
  })

  test.each(['버전 태그 생성됨 (v1.0.0)', '도메인 구성 (해당하는 경우)', 'Email service (if applicable)', '헬스 엔드포인트 응답 (200 OK)', '응답 시간 < 500ms (p95)'])(
    'no evidence in %j',
    (text) => {
      expect(evidenceOf(text, defaultKeywords)).toEqual([])
    }
  )
})

describe('evidence of items', () => {
  test('recorded results stay in the text and are read out of it', () => {
    const [first, second] = itemsOf(parseRunbook('## 테스트\n\n- [x] 단위 테스트 통과 (커버리지: 84.9% ✓)\n- [ ] Load test passed (p95: 820ms ✗)\n').runbook)
    expect(first?.text).toBe('단위 테스트 통과 (커버리지: 84.9% ✓)')
    expect(first?.evidence).toMatchObject([{label: '커버리지', passed: true}])
    expect(second?.evidence).toMatchObject([{label: 'p95', value: '820ms', passed: false}])
  })
})
