import {VFile} from 'vfile'
import {expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {printable} from './printable.js'
import {reportOf} from './report.js'
import {UsageError} from './usage-error.js'

const hostile = 'evil\u001b]0;pwned\u0007\nfake.md:1:1  error  forged\u202e'

test('control characters, line breaks and bidi overrides are written as escapes', () => {
  expect(printable(hostile)).toBe('evil\\u001b]0;pwned\\u0007\\u000afake.md:1:1  error  forged\\u202e')
  expect(printable('배포 체크리스트 ✅ plain text')).toBe('배포 체크리스트 ✅ plain text')
  expect(printable(printable(hostile))).toBe(printable(hostile))
})

test("a runbook's link target cannot drive the terminal or forge a line of the report", () => {
  const markdown = `# Deploy\n\n- [ ] See [the guide](<missing\u001b]0;pwned\u0007.md>)\n`
  const {file} = parseRunbook(new VFile({path: 'deploy\u001b[2J.md', value: markdown}), {path: 'deploy.md', root: '', exists: () => false})
  for (const format of ['lines', 'vfile'] as const) {
    const report = reportOf([file], format)
    expect(report, format).toContain('missing')
    expect(report, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  }
  expect(reportOf([file], 'lines').split('\n')[0]).toMatch(/^deploy\\u001b\[2J\.md:3:\d+ {2}warning {2}Cannot find/)
})

test('usage errors name what the user gave, printable', () => {
  expect(new UsageError(`cannot read '${hostile}': no such file`).message).not.toMatch(/[\u0000-\u001f]/)
})
