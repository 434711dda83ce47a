import fc from 'fast-check'
import {slug} from 'github-slugger'
import {expect, test} from 'vitest'
import {githubSlug, readableSlug, squash} from './text.js'

test('githubSlug is github-slugger’s slug, on the plain texts it shortcuts and on any other', () => {
  const character = fc.oneof(
    fc.constantFrom('a', 'Z', '0', '9', ' ', '-', '_', '가', '힣', '배', 'ㄱ', 'é', 'İ', '.', ':', '✓', '🚀', '中', '\t', '\u00a0'),
    fc.string({unit: 'binary-ascii', maxLength: 1}),
    fc.string({unit: 'grapheme', maxLength: 1})
  )
  fc.assert(
    fc.property(fc.array(character, {maxLength: 30}), (characters) => {
      const text = characters.join('')
      expect(githubSlug(text)).toBe(slug(text))
    }),
    {numRuns: 2000}
  )
})

test('readableSlug keeps Hangul, folds dashes, trims them and blanks, and is never empty', () => {
  expect(readableSlug('배포 전 체크리스트', 'x')).toBe('배포-전-체크리스트')
  expect(readableSlug('Deploy -- now!', 'x')).toBe('deploy-now')
  expect(readableSlug('담당자: ________', 'x')).toBe('담당자')
  expect(readableSlug('!!!', 'fallback')).toBe('fallback')
})

test('squash folds every run of whitespace to one space and trims, and keeps folded texts as they are', () => {
  expect(squash('  a \t b\n\nc  ')).toBe('a b c')
  expect(squash('a\u00a0b')).toBe('a b')
  expect(squash('a b c')).toBe('a b c')
  fc.assert(
    fc.property(fc.string({unit: fc.constantFrom('a', ' ', '\t', '\n', '\u00a0', '\u3000', '가')}), (text) => {
      expect(squash(text)).toBe(text.replace(/\s+/g, ' ').trim())
    })
  )
})
