import {expect, test} from 'vitest'
import {IdRegistry} from './ids.js'

test('a taken id gets the first free suffix, counting on from the last one given for that base', () => {
  const ids = new IdRegistry()
  expect(['a', 'a', 'a-3', 'a', 'a', 'b', 'a'].map((base) => ids.claim(base))).toEqual([
    ['a', false],
    ['a-2', true],
    ['a-3', false],
    ['a-4', true],
    ['a-5', true],
    ['b', false],
    ['a-6', true]
  ])
})

test('a suffixed id claimed as a base before its turn is skipped', () => {
  const ids = new IdRegistry()
  ids.claim('a')
  ids.claim('a-2')
  ids.claim('a-3')
  expect(ids.claim('a')).toEqual(['a-4', true])
  expect(ids.has('a-4')).toBe(true)
})
