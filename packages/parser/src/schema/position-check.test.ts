import fc from 'fast-check'
import {expect, test} from 'vitest'
import {isPosition} from './position-check.js'
import {positionSchema} from './position.js'

const number = fc.oneof(
  fc.integer({min: -2, max: 5}),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -0),
  fc.anything()
)
const point = fc.oneof(fc.record({line: number, column: number, offset: number}, {requiredKeys: []}), fc.anything(), fc.array(number))
const position = fc.oneof(fc.record({start: point, end: point}, {requiredKeys: []}), fc.anything())

test('isPosition gives positionSchema’s answer on any value, positions of every near miss included', () => {
  fc.assert(
    fc.property(position, (value) => {
      expect(isPosition(value)).toBe(positionSchema.safeParse(value).success)
    }),
    {numRuns: 5000}
  )
  expect(isPosition({start: {line: 1, column: 1, offset: 0}, end: {line: 2, column: 3, offset: 9, extra: true}})).toBe(true)
})
