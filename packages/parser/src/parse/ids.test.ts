import fc from 'fast-check'
import {expect, test} from 'vitest'
import {IdRegistry} from './ids.js'

test('a taken id gets the first free suffix, counting on from the last one given for that base', () => {
  const ids = new IdRegistry()
  expect(['a', 'a', 'a-3', 'a', 'a', 'b', 'a'].map((base) => ids.claim(base))).toEqual([
    'a',
    'a-2',
    'a-3',
    'a-4',
    'a-5',
    'b',
    'a-6'
  ])
})

test('a suffixed id claimed as a base before its turn is skipped', () => {
  const ids = new IdRegistry()
  ids.claim('a')
  ids.claim('a-2')
  ids.claim('a-3')
  expect(ids.claim('a')).toBe('a-4')
  expect(ids.has('a-4')).toBe(true)
})

test('an id claimed within a scope and the same id spelled out are one id', () => {
  const ids = new IdRegistry()
  expect(ids.claim('확인', '배포')).toBe('배포--확인')
  expect(ids.claim('배포--확인')).toBe('배포--확인-2')
  expect(ids.claim('확인-2', '배포')).toBe('배포--확인-2-2')
  expect(ids.has('b--c', 'a')).toBe(false)
  ids.claim('c', 'a--b')
  expect(ids.has('b--c', 'a')).toBe(true)
})

/** The registry before ids were kept by scope: one set of whole ids. */
class WholeIds {
  readonly used = new Set<string>()
  readonly next = new Map<string, number>()
  claim(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base)
      return base
    }
    let n = this.next.get(base) ?? 2
    while (this.used.has(`${base}-${n}`)) n++
    this.used.add(`${base}-${n}`)
    this.next.set(base, n + 1)
    return `${base}-${n}`
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
