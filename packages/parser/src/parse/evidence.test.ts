import {existsSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {defaultKeywords, mergeKeywords} from '../keywords/merge.js'
import {itemsOf} from '../model/walk.js'
import type {Inline} from '../schema/inline.js'
import {read, seedPath} from '../test-util/files.js'
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
    ['Coverage (lines: 91%)', {label: 'lines', value: '91%', passed: null}],
    ['배포 (통과)', {label: null, value: null, passed: true}],
    ['Deploy (passed)', {label: null, value: null, passed: true}],
    ['보안 스캔 (Snyk: 통과)', {label: 'Snyk', passed: true}],
    ['Migration (failed: 3 of 120)', {label: 'failed', value: '3 of 120', passed: false}],
    ['Retry (FAIL - timeout)', {passed: false}]
  ])('%s', (text, expected) => {
    expect(evidenceOf(text, defaultKeywords)).toMatchObject([expected])
  })

  test.each(['버전 태그 생성됨 (v1.0.0)', '도메인 구성 (해당하는 경우)', 'Email service (if applicable)', '헬스 엔드포인트 응답 (200 OK)', '응답 시간 < 500ms (p95)', '롤백 (실패하면 즉시)'])(
    'no evidence in %j',
    (text) => {
      expect(evidenceOf(text, defaultKeywords)).toEqual([])
    }
  )

  test.each([
    ['Smoke test (passed, 12:30)', {label: null, value: '12:30', passed: true}],
    ['스모크 테스트 (통과, 12:30)', {label: null, value: '12:30', passed: true}],
    ['E2E (3/3 passed)', {value: '3/3', passed: true}],
    ['Sign-off (OK, 12:30)', {label: 'OK', value: '12:30', passed: null}]
  ])('a verdict written as one: %s', (text, expected) => {
    expect(evidenceOf(text, defaultKeywords)).toMatchObject([expected])
  })

  test.each([
    '결과: ____ (실패 시 롤백)',
    '배포 (성공 시 다음 단계로)',
    'Run the smoke tests (expect all to pass)',
    'Check the logs (grep for FAILED lines)',
    'Test failover (primary ✗ → replica ✓)',
    'Promote (✓ if green)',
    '중요 보안 취약점 없음 (Snyk/Trivy 스캔 통과)',
    'Confirm replication (You will be prompted for the password; if the update has not replicated yet, this error is displayed: psql: FATAL: password authentication failed for user)',
    'Dependencies (변경 사항에 3rd 파티 의존성이 포함된 경우 특히 중요하다는 것을 이해합니다.:)'
  ])('no verdict where a pass or fail word names a condition, an expectation or an explanation: %j', (text) => {
    expect(evidenceOf(text, defaultKeywords)).toEqual([])
  })
})

describe('evidenceOf with the inlines the text was read from', () => {
  test('a pass or fail word in inline code is quoted, not recorded', () => {
    const quoted: Inline[] = [{type: 'text', value: 'Check the logs ('}, {type: 'inlineCode', value: 'FAILED'}, {type: 'text', value: ')'}]
    expect(evidenceOf('Check the logs (FAILED)', defaultKeywords, {inlines: quoted})).toEqual([])
    expect(evidenceOf('Check the logs (FAILED)', defaultKeywords, {inlines: [{type: 'text', value: 'Check the logs (FAILED)'}]})).toMatchObject([
      {passed: false, text: '(FAILED)'}
    ])
    // Beside code, a result is read where the text has it, code and folded spaces included.
    const inlines: Inline[] = [
      {type: 'strong', children: [{type: 'text', value: 'Run '}, {type: 'inlineCode', value: 'make  test'}]},
      {type: 'text', value: ' (coverage: 91% ✓)'}
    ]
    expect(evidenceOf('Run make test (coverage: 91% ✓)', defaultKeywords, {inlines})).toEqual([
      {label: 'coverage', value: '91%', passed: true, text: '(coverage: 91% ✓)'}
    ])
  })
})

describe('evidence of items', () => {
  test('recorded results stay in the text and are read out of it', () => {
    const [first, second] = itemsOf(parseRunbook('## 테스트\n\n- [x] 단위 테스트 통과 (커버리지: 84.9% ✓)\n- [ ] Load test passed (p95: 820ms ✗)\n').runbook)
    expect(first?.text).toBe('단위 테스트 통과 (커버리지: 84.9% ✓)')
    expect(first?.evidence).toMatchObject([{label: '커버리지', passed: true}])
    expect(second?.evidence).toMatchObject([{label: 'p95', value: '820ms', passed: false}])
  })

  test('steps that state a condition or an expectation record nothing', () => {
    const source = [
      '## Steps',
      '',
      '- [ ] 결과: ____ (실패 시 롤백)',
      '- [ ] 배포 (성공 시 다음 단계로)',
      '- [ ] Run the smoke tests (expect all to pass)',
      '- [ ] Check the logs (grep for `FAILED` lines)',
      '- [ ] Test failover (primary ✗ → replica ✓)',
      '- [ ] 중요 보안 취약점 없음 (Snyk/Trivy 스캔 통과)',
      '- [x] 보안 스캔 (통과)',
      ''
    ].join('\n')
    expect(itemsOf(parseRunbook(source).runbook).map((item) => item.evidence.map((each) => each.passed))).toEqual([[], [], [], [], [], [], [true]])
  })

  test.skipIf(!existsSync(seedPath))('the seed records its two measured results, not the scan it asks for', () => {
    const recorded = itemsOf(parseRunbook(read(seedPath)).runbook).flatMap((item) => item.evidence.map((each) => each.text))
    expect(recorded).toEqual(['(커버리지: 84.9% ✓)', '(96.9% 성공률 ✓)'])
  })
})

test('condition words are keywords: a team adds its own', () => {
  const keywords = mergeKeywords(defaultKeywords, {evidenceMarks: {passed: [], failed: [], conditions: ['barring']}})
  expect(evidenceOf('Deploy (passed barring rain)', defaultKeywords).map((each) => each.passed)).toEqual([true])
  expect(evidenceOf('Deploy (passed barring rain)', keywords)).toEqual([])
})

test('a step’s words in code are shown, not said: no verdict from them', () => {
  const {runbook} = parseRunbook('# T\n\n- [ ] Check the logs (`FAILED`)\n- [x] Smoke test (`make smoke`: passed)\n')
  expect(itemsOf(runbook).map((item) => item.evidence.map((each) => each.passed))).toEqual([[], [true]])
})

describe('what a group records, on a ticked step and on one not yet done', () => {
  const verdicts = (source: string) => itemsOf(parseRunbook(source).runbook).map((item) => item.evidence.map((each) => each.passed))

  test('a verdict after a name is a result on a ticked step, and names what should pass on one not yet done', () => {
    const steps = ['단위 테스트 (테스트 통과)', '빌드 (빌드 성공)', 'Unit tests (42 tests passed)', 'Smoke (Result - PASS)', '중요 보안 취약점 없음 (Snyk/Trivy 스캔 통과)']
    expect(verdicts(`# T\n\n${steps.map((step) => `- [x] ${step}`).join('\n')}\n`)).toEqual([[true], [true], [true], [true], [true]])
    expect(verdicts(`# T\n\n${steps.map((step) => `- [ ] ${step}`).join('\n')}\n`)).toEqual([[], [], [], [], []])
  })

  test('a mark is a result at any length and beside any word, but a condition is none', () => {
    expect(verdicts('# T\n\n- [ ] 점검 (추가 조치 필요 없음 ✓)\n- [ ] Smoke (OK once restarted ✓)\n- [ ] Coverage (lines 91%, branches 78%, functions 90%, statements 88% ✓)\n- [ ] Promote (✓ if green)\n')).toEqual([[true], [true], [true], []])
  })

  test('GitHub shortcodes of the marks are marks', () => {
    expect(evidenceOf('Latency (p95: 820ms :x:)', defaultKeywords)).toMatchObject([{label: 'p95', value: '820ms', passed: false}])
    expect(evidenceOf('Smoke (:white_check_mark:)', defaultKeywords)).toMatchObject([{passed: true}])
  })

  test('a criterion, an example or a prompt to fill in is no result', () => {
    for (const text of ['배포 (통과 기준: p95 < 500ms)', '확인 (예: 통과)', '확인 (통과 여부: ____)', '분석 (실패 사유: ____)', 'Gate (pass criteria: 95%)', 'Check (e.g. passed)', 'Canary (fail rate: 0.1%)']) {
      expect(evidenceOf(text, defaultKeywords, {ticked: true}).filter((each) => each.passed !== null), text).toEqual([])
    }
  })
})
