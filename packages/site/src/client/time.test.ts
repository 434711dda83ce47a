import {describe, expect, test} from 'vitest'
import {fileStamp, isoNow, shortTime} from './time.js'

test('isoNow is ISO 8601 with the local offset', () => {
  expect(isoNow(new Date())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  expect(new Date(isoNow(new Date(0))).getTime()).toBe(0)
})

test('fileStamp', () => {
  expect(fileStamp(new Date(2026, 0, 2, 3, 4))).toBe('20260102-0304')
})

describe('shortTime across time zones', () => {
  test('a recorded time reads in the offset it was written with, not the machine\'s zone', () => {
    const now = new Date('2025-08-25T00:00:00Z')
    expect(shortTime('2025-08-21T14:00:00+09:00', 'en', now)).toBe('21 Aug, 14:00')
    expect(shortTime('2025-08-21T14:00:00-05:00', 'en', now)).toBe('21 Aug, 14:00')
  })

  test('today shows the time alone, in the page\'s language', () => {
    const now = new Date('2025-08-21T20:00:00+09:00')
    expect(shortTime('2025-08-21T14:05:00+09:00', 'en', now)).toBe('14:05')
    expect(shortTime('2025-08-20T14:05:00+09:00', 'ko', now)).toMatch(/^8월 20일 14:05$/)
    expect(shortTime('not a time', 'en', now)).toBe('not a time')
  })
})
