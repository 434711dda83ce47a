import fc from 'fast-check'
import {expect, test} from 'vitest'
import {squash} from './text.js'

test('squash folds every run of whitespace to one space and trims, and keeps folded texts as they are', () => {
  expect(squash('  a \t b\n\nc  ')).toBe('a b c')
  expect(squash('a\u00a0b')).toBe('a b')
  expect(squash('a b c')).toBe('a b c')
  fc.assert(
    fc.property(fc.string({unit: fc.constantFrom('a', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u001f', '!', '가')}), (text) => {
      expect(squash(text)).toBe(text.replace(/\s+/g, ' ').trim())
    }),
    {numRuns: 3000}
  )
})
