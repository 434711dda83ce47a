import fc from 'fast-check'
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

test('an id claimed within a scope and the same id spelled out are one id', () => {
  const ids = new IdRegistry()
  expect(ids.claim('확인', '배포')).toEqual(['배포--확인', false])
  expect(ids.claim('배포--확인')).toEqual(['배포--확인-2', true])
  expect(ids.claim('확인-2', '배포')).toEqual(['배포--확인-2-2', true])
  expect(ids.has('b--c', 'a')).toBe(false)
  ids.claim('c', 'a--b')
  expect(ids.has('b--c', 'a')).toBe(true)
})

/** The registry before ids were kept by scope: one set of whole ids. */
class WholeIds {
  readonly used = new Set<string>()
  readonly next = new Map<string, number>()
  claim(base: string): [string, boolean] {
    if (!this.used.has(base)) {
      this.used.add(base)
      return [base, false]
    }
    let n = this.next.get(base) ?? 2
    while (this.used.has(`${base}-${n}`)) n++
    this.used.add(`${base}-${n}`)
    this.next.set(base, n + 1)
    return [`${base}-${n}`, true]
  }
}

test('gives the ids one set of whole ids gives, whatever the names and scopes hold', () => {
  const part = fc.array(fc.constantFrom('a', 'b', '-', '--', '2', '-2', 'a-', '한'), {maxLength: 4}).map((parts) => parts.join(''))
  fc.assert(
    fc.property(fc.array(fc.tuple(part, part), {maxLength: 30}), (claims) => {
      const scoped = new IdRegistry()
      const whole = new WholeIds()
      for (const [name, scope] of claims) {
        expect(scoped.claim(name, scope)).toEqual(whole.claim(scope === '' ? name : `${scope}--${name}`))
      }
      for (const id of whole.used) expect(scoped.has(id)).toBe(true)
    }),
    {numRuns: 3000}
  )
})
