import {expect, test} from 'vitest'
import {uniqueName} from './unique-names.js'

test('a name repeated in one page gets its number from the second on; another page counts afresh', () => {
  const page = {}
  expect(['설정 · 권고값', '설정 · 권고값', 'Other', '설정 · 권고값'].map((name) => uniqueName(page, name))).toEqual(['설정 · 권고값', '설정 · 권고값 (2)', 'Other', '설정 · 권고값 (3)'])
  expect(uniqueName({}, '설정 · 권고값')).toBe('설정 · 권고값')
})
