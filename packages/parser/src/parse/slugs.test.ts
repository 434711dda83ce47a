import fc from 'fast-check'
import GithubSlugger, {slug} from 'github-slugger'
import {expect, test} from 'vitest'
import {AnchorSlugger, githubSlug, readableSlug} from './slugs.js'

test('githubSlug is github-slugger’s slug, on the plain texts it shortcuts and on any other', () => {
  const character = fc.oneof(
    fc.constantFrom('a', 'Z', '0', '9', ' ', '-', '_', '가', '힣', '배', 'ㄱ', 'é', 'İ', '.', ':', '✓', '🚀', '中', '\t', '\u00a0'),
    fc.string({unit: 'binary-ascii', maxLength: 1}),
    fc.string({unit: 'grapheme', maxLength: 1}),
    // Any code point, and surrogates that pair with nothing (or with what comes next by chance).
    fc.string({unit: 'binary', maxLength: 1}),
    fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))
  )
  fc.assert(
    fc.property(fc.array(character, {maxLength: 30}), (characters) => {
      const text = characters.join('')
      expect(githubSlug(text)).toBe(slug(text))
    }),
    {numRuns: 2000}
  )
})

test('githubSlug keeps or drops every code point as github-slugger does, each lone surrogate too', () => {
  const differ: string[] = []
  for (let code = 0; code <= 0x10ffff; code++) {
    const text = `a${String.fromCodePoint(code)}b`
    if (githubSlug(text) !== slug(text)) differ.push(code.toString(16))
  }
  expect(differ).toEqual([])
})

test('AnchorSlugger counts repeated anchors as GithubSlugger does', () => {
  const text = fc.constantFrom('a', 'A', 'a-1', 'a 1', 'a-2', '배포', '🚀 배포', '배포-1', '', '!', 'é', '__proto__', 'constructor', 'hasOwnProperty')
  fc.assert(
    fc.property(fc.array(text, {maxLength: 40}), (texts) => {
      const ours = new AnchorSlugger()
      const theirs = new GithubSlugger()
      expect(texts.map((each) => ours.slug(each))).toEqual(texts.map((each) => theirs.slug(each)))
    }),
    {numRuns: 1000}
  )
})

test('readableSlug never cuts a character in two', () => {
  // U+20000, a CJK ideograph that slugs keep: two UTF-16 units, the first of them the 48th.
  expect(readableSlug(`${'a'.repeat(47)}\u{20000}b`, 'x', 48)).toBe('a'.repeat(47))
  expect(readableSlug(`${'a'.repeat(46)}\u{20000}b`, 'x', 48)).toBe(`${'a'.repeat(46)}\u{20000}`)
})

test('readableSlug keeps Hangul, folds dashes, trims them and blanks, and is never empty', () => {
  expect(readableSlug('배포 전 체크리스트', 'x')).toBe('배포-전-체크리스트')
  expect(readableSlug('Deploy -- now!', 'x')).toBe('deploy-now')
  expect(readableSlug('담당자: ________', 'x')).toBe('담당자')
  expect(readableSlug('!!!', 'fallback')).toBe('fallback')
})

/** `readableSlug` as it was before plain texts were slugged in one pass: slug, fold, trim, cut. */
function readableSlugInSteps(value: string, fallback: string, maxLength: number): string {
  let result = githubSlug(value.includes('___') ? value.replace(/_{3,}/g, ' ') : value)
  if (result.includes('--')) result = result.replace(/-+/g, '-')
  if (result.startsWith('-') || result.endsWith('-')) result = result.replace(/^-|-$/g, '')
  if (result.length > maxLength) {
    const cut = result.lastIndexOf('-', maxLength)
    const code = result.charCodeAt(maxLength - 1)
    const end = cut > maxLength / 2 ? cut : code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength
    result = result.slice(0, end)
  }
  return result || fallback
}

test('readableSlug slugs, folds, trims and cuts in one pass what it did in steps', () => {
  const character = fc.oneof(
    fc.constantFrom('a', 'Z', '0', ' ', ' ', '-', '--', '_', '__', '___', '가', '힣', 'é', 'İ', 'Σ', '.', '✓', '🚀', '\t'),
    fc.string({unit: 'grapheme', maxLength: 1})
  )
  fc.assert(
    fc.property(fc.array(character, {maxLength: 60}), fc.integer({min: 1, max: 70}), (characters, maxLength) => {
      const text = characters.join('')
      expect(readableSlug(text, 'x', maxLength)).toBe(readableSlugInSteps(text, 'x', maxLength))
    }),
    {numRuns: 5000}
  )
})
