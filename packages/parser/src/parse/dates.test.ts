import {describe, expect, test} from 'vitest'
import {isoDateOf} from './dates.js'

describe('isoDateOf', () => {
  test.each([
    ['2025-08-21', '2025-08-21'],
    ['2025.08.21', '2025-08-21'],
    ['2025/8/21', '2025-08-21'],
    ['2025. 8. 21.', '2025-08-21'],
    ['2025년 8월 21일', '2025-08-21'],
    ['2025년8월21일 (목)', '2025-08-21'],
    ['August 21, 2025', '2025-08-21'],
    ['Aug 21 2025', '2025-08-21'],
    ['Sept. 1, 2025', '2025-09-01'],
    ['2025-08-21T23:30:00+09:00', '2025-08-21'],
    ['2024-02-29', '2024-02-29']
  ])('%s → %s', (text, date) => {
    expect(isoDateOf(text)).toBe(date)
  })

  test('a Date object (YAML timestamps) is read in UTC', () => {
    expect(isoDateOf(new Date(Date.UTC(2025, 7, 21)))).toBe('2025-08-21')
  })

  test.each([['2025-02-30'], ['2025-13-01'], ['Foo 21, 2025'], ['지난주'], ['___________'], [''], [42], [null], [new Date('nope')]])(
    '%o → null',
    (value) => {
      expect(isoDateOf(value)).toBeNull()
    }
  )
})
