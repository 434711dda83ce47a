import {describe, expect, test} from 'vitest'
import {resultsShown} from './search-order.js'

const ids = (...list: string[]) => list.map((id) => ({id}))
const none = new Set<string>()

describe('resultsShown', () => {
  test('puts the preferred language first however far down it was ranked, keeping rank order within each language', () => {
    const results = ids('ko1', 'en1', 'ko2', 'ko3', 'ko4', 'ko5', 'ko6', 'ko7', 'ko8', 'ko9', 'en2', 'en3')
    const shown = resultsShown(results, {hidden: none, once: none, preferred: new Set(['en1', 'en2', 'en3'])})
    expect(shown.map(({id}) => id)).toEqual(['en1', 'en2', 'en3', 'ko1', 'ko2', 'ko3', 'ko4', 'ko5', 'ko6', 'ko7', 'ko8', 'ko9'])
  })

  test('leaves out hidden results and shows a result an overlay has again only once', () => {
    const results = ids('a', 'stale', 'b', 'a', 'c')
    const shown = resultsShown(results, {hidden: new Set(['stale']), once: new Set(['a']), preferred: new Set(['c'])})
    expect(shown.map(({id}) => id)).toEqual(['c', 'a', 'b'])
  })

  test('keeps rank order when no result is in the preferred language (an index built before the filter)', () => {
    expect(resultsShown(ids('x', 'y', 'z'), {hidden: none, once: none, preferred: none}).map(({id}) => id)).toEqual(['x', 'y', 'z'])
  })
})
