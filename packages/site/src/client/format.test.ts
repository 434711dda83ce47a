import {describe, expect, test} from 'vitest'
import {fileStamp, fill, isoNow, shortTime} from './format.js'

test('isoNow is ISO 8601 with the local offset', () => {
  expect(isoNow(new Date())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  expect(new Date(isoNow(new Date(0))).getTime()).toBe(0)
})

test('fill and fileStamp', () => {
  expect(fill('{a} / {b} {c}', {a: 1, b: 2})).toBe('1 / 2 {c}')
  expect(fileStamp(new Date(2026, 0, 2, 3, 4))).toBe('20260102-0304')
})

describe('shortTime across time zones', () => {
  test('a recorded time reads in the offset it was written with, not the machine\'s zone', () => {
    const now = new Date('2025-08-25T00:00:00Z')
    expect(shortTime('2025-08-21T14:00:00+09:00', 'en', now)).toBe('21 Aug, 14:00')
    expect(shortTime('2025-08-21T14:00:00-05:00', 'en', now)).toBe('21 Aug, 14:00')
  })
})
