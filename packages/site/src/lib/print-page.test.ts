import {parseRunbook} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {cssString, emWidth, oneLine, printPageStyle, runningText} from './print-page.js'

const source = `# Deploy "prod" \\ now

**Version**: 2.1.0  
**Last updated**: 2025-08-21

- [ ] Step
`

test('a CSS string escapes quotes, backslashes, line breaks and anything that could close <style>', () => {
  expect(cssString('plain')).toBe('"plain"')
  expect(cssString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"')
  expect(cssString('two\nlines')).toBe('"two\\a lines"')
  expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "')
  expect(cssString('배포 체크리스트')).toBe('"배포 체크리스트"')
})

test('the running text holds the title, version, date, path and a 12-digit hash', () => {
  const {runbook} = parseRunbook(source, {path: 'ops/deploy.md'})
  const text = runningText(runbook, 'en')
  expect(text.title).toBe('Deploy "prod" \\ now')
  expect(text.edition).toBe('Version 2.1.0 · Updated 21 Aug 2025')
  expect(text.source).toBe(`ops/deploy.md · sha256 ${runbook.source.sha256.slice(0, 12)}`)
  expect(runningText(runbook, 'ko').edition).toBe('버전 2.1.0 · 업데이트 2025년 8월 21일')
})

test('the @page rule puts them in the margin boxes, escaped, with X / Y page numbers', () => {
  const {runbook} = parseRunbook(source, {path: 'deploy.md'})
  const css = printPageStyle(runningText(runbook, 'en'))
  expect(css).toContain('@top-left { content: "Deploy \\"prod\\" \\\\ now"; }')
  expect(css).toContain('@bottom-right { content: counter(page) " / " counter(pages); }')
  expect(css).not.toMatch(/</)
})

test('the running header is one line: a title too long for it is cut at a whole character and ends in an ellipsis', () => {
  const title = `Quarterly failover rehearsal ${Array.from({length: 50}, (_, index) => `stage${index}`).join(' ')}`
  const {runbook} = parseRunbook(`# ${title}\n\n**Version**: 2.1.0\n\n- [ ] Step\n`, {path: 'drill.md'})
  const text = runningText(runbook, 'en')
  expect(text.title).toMatch(/^Quarterly failover rehearsal stage0 .*\S…$/)
  expect(title.startsWith(text.title.slice(0, -1))).toBe(true)
  expect(emWidth(text.title) + emWidth(text.edition)).toBeLessThan(56)
  // A title that fits is left as it is.
  expect(runningText(parseRunbook(source, {path: 'deploy.md'}).runbook, 'en').title).toBe('Deploy "prod" \\ now')
})

test('Hangul counts a whole em: a Korean title is cut after fewer characters than an English one', () => {
  expect(emWidth('배포')).toBe(2)
  expect(oneLine('배포 체크리스트 '.repeat(20), 30)).toMatch(/…$/)
  expect(oneLine('배포 체크리스트 '.repeat(20), 30).length).toBeLessThan(oneLine('deploy checklist '.repeat(20), 30).length)
  expect(emWidth(oneLine('배포 체크리스트 '.repeat(20), 30))).toBeLessThanOrEqual(30)
  expect(oneLine('short', 30)).toBe('short')
})

test('the running header names the runbook as the page shows it, emoji shortcodes as emoji', () => {
  const {runbook} = parseRunbook('# :rocket: Production deploy\n\n- [ ] Ship\n', {path: 'deploy.md'})
  expect(runningText(runbook, 'en').title).toBe('🚀 Production deploy')
})
