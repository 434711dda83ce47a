import fc from 'fast-check'
import {expect, test} from 'vitest'
import {taskMarkerAt} from './mixed-checkbox-style.js'

/** The pattern the scanner stands in for. */
const taskMarker = /([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/y

function byPattern(source: string, offset: number): [string, string] | undefined {
  taskMarker.lastIndex = offset
  const match = taskMarker.exec(source)
  return match ? [match[1]!, match[2]!] : undefined
}

test('taskMarkerAt reads a task marker as the pattern does, at any offset', () => {
  const piece = fc.constantFrom('-', '*', '+', '1', '9', '0', '.', ')', ' ', '\t', '[', ']', 'x', 'X', 'o', '>', '\n', '12345678', '9.', '- [ ]', '1) [x]')
  fc.assert(
    fc.property(fc.array(piece, {maxLength: 12}), fc.nat(40), (pieces, at) => {
      const source = pieces.join('')
      const offset = Math.min(at, source.length)
      expect(taskMarkerAt(source, offset)).toEqual(byPattern(source, offset))
    }),
    {numRuns: 3000}
  )
  expect(taskMarkerAt('123456789. [X] a', 0)).toEqual(['123456789.', 'X'])
  expect(taskMarkerAt('1234567890. [X] a', 0)).toBeUndefined()
  expect(taskMarkerAt('  - [x] a', 2)).toEqual(['-', 'x'])
})
