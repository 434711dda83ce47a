import {expect, test} from 'vitest'
import {editionStem, isMarkdownPath, joinPath, languageOfFileName, withoutMarkdownExtension} from './paths.js'

test('runbook files are .md and .markdown, in any case; .mdx is JSX, not a runbook', () => {
  expect(['a.md', 'a.MD', 'docs/a.markdown', 'a.ko.md'].map(isMarkdownPath)).toEqual([true, true, true, true])
  expect(['a.mdx', 'a.txt', 'md', 'a.md.bak'].map(isMarkdownPath)).toEqual([false, false, false, false])
  expect(withoutMarkdownExtension('docs/guide.ko.markdown')).toBe('docs/guide.ko')
  expect(withoutMarkdownExtension('notes.mdx')).toBe('notes.mdx')
})

test('editions: the language suffix and the stem shared by every edition', () => {
  expect(languageOfFileName('docs/a.ko.md')).toBe('ko')
  expect(languageOfFileName('docs/a.pt-BR.markdown')).toBe('pt-br')
  expect(languageOfFileName('docs/a.md')).toBeUndefined()
  expect(editionStem('docs/a.ko.md')).toBe('docs/a')
  expect(editionStem('docs/a.md')).toBe('docs/a')
})

test('joins normalise, and keep the .. that climbs out of the start', () => {
  expect(joinPath('docs/a', '../b.md')).toBe('docs/b.md')
  expect(joinPath('', '../x.md')).toBe('../x.md')
  expect(joinPath('/docs', '../../x.md')).toBe('/x.md')
})
