import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {toMarkdown} from './markdown/to-markdown.js'
import {parseRunbook} from './parse/parse-runbook.js'
import {runbookSchema} from './schema/runbook.js'
import {withoutPositions} from './test-util/files.js'

/** Pieces real runbooks are made of, in both languages, so that random documents hit every construct. */
const words = fc.constantFrom(
  '배포', '롤백 실행:', '확인', 'SSL 인증서 준비됨', 'Deploy', 'rollback', 'verify', 'Step 1', '1단계:', '1일차', 'Day 1',
  '(해당하는 경우)', '(optional)', '응답 시간 < 500ms (p95)', 'CPU >= 70%', '(커버리지: 84.9% ✓)', '`kubectl get pods`',
  '**굵게**', '*기울임*', '~~취소~~', '[문서](docs/a.ko.md)', '[link](#anchor)', '<https://example.com>', 'https://example.com/x',
  '[ref][1]', '___', '_______', '\\_\\_\\_', '🚀', '🏗️', '<b>html</b>', '&amp;', '[ ] 성공 [ ] 실패', '[!WARNING]', '|', ':', '  ', '\\'
)
const line = fc.array(words, {minLength: 1, maxLength: 6}).map((parts) => parts.join(' '))
const block = fc.oneof(
  line.map((text) => `${text}\n`),
  fc.tuple(fc.integer({min: 1, max: 6}), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}\n`),
  fc.tuple(fc.constantFrom('- [ ]', '- [x]', '* [X]', '1. [ ]', '2. [x]', '-', '1.'), line).map(([marker, text]) => `${marker} ${text}\n`),
  fc.tuple(fc.constantFrom('  - [ ]', '    - [x]', '   1. [ ]'), line).map(([marker, text]) => `${marker} ${text}\n`),
  fc.tuple(fc.constantFrom('라벨', 'Owner', '버전', 'Version', '배포자', '날짜', 'Status'), line).map(([label, text]) => `**${label}**: ${text}\n`),
  line.map((text) => `**배포자**: ____ **날짜**: ____ ${text}\n`),
  fc.tuple(line, line).map(([a, b]) => `| 역할 | 이름 | 연락처 |\n|---|---|---|\n| ${a} | ____ | ${b} |\n`),
  line.map((text) => '```bash\n# 라벨\n' + text + '\n```\n'),
  line.map((text) => '  ```sh\n  ' + text + '\n  ```\n'),
  line.map((text) => `> [!NOTE]\n> ${text}\n`),
  line.map((text) => `!!! warning "제목"\n    ${text}\n`),
  line.map((text) => `> ${text}\n`),
  fc.constant('---\n'),
  fc.constant('\n'),
  fc.constant('[1]: https://example.com "t"\n'),
  line.map((text) => `*버전: 1.0.0 | 최종 업데이트: 2025-08-21* ${text}\n`),
  line.map((text) => `<!-- ${text} -->\n`)
)
/**
 * Blocks apart or right after one another, where one may run on into the next (lazy lines, interruptions).
 * No empty entries: after indented code (an admonition body after a blank line, as toMarkdown writes it)
 * micromark reads an empty entry as text, a bug of its own.
 */
const markdownDocument = fc
  .tuple(fc.option(fc.constant('---\ntitle: 제목\nversion: 1.2.3\n---\n'), {nil: ''}), fc.array(fc.tuple(block, fc.constantFrom('\n', '')), {maxLength: 24}))
  .map(([frontmatter, blocks]) => frontmatter + blocks.map(([text, gap]) => text + gap).join(''))

describe('parseRunbook on any input', () => {
  test('never throws on arbitrary strings and always validates', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 400}), (text) => {
        const {runbook} = parseRunbook(text)
        expect(runbookSchema.safeParse(runbook).success).toBe(true)
      }),
      {numRuns: 300}
    )
  })

  test('never throws on markdown-shaped input and always validates', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const {runbook} = parseRunbook(text)
        expect(runbookSchema.safeParse(runbook).success).toBe(true)
      }),
      {numRuns: 300}
    )
  })

  test('toMarkdown round-trips markdown-shaped input', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const first = parseRunbook(text).runbook
        const again = parseRunbook(toMarkdown(first)).runbook
        expect(withoutPositions({...again, source: null})).toEqual(withoutPositions({...first, source: null}))
      }),
      {numRuns: 300}
    )
  })
})
