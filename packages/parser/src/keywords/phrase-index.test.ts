import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {phraseIndexOf} from './phrase-index.js'

const find = phraseIndexOf([
  {phrase: 'Deploy', value: 'short'},
  {phrase: 'deployment steps', value: 'long'},
  {phrase: 'contact', value: 'contact'},
  {phrase: 'rollback', value: 'first'},
  {phrase: 'ROLLBACK', value: 'second'},
  {phrase: '배포', value: 'ko'},
  {phrase: '배포 후 검증', value: 'ko-long'}
])

describe('phraseIndexOf', () => {
  test('the longest phrase anywhere in the text wins', () => {
    expect(find('Final deployment steps')).toBe('long')
    expect(find('🔍 배포 후 검증')).toBe('ko-long')
    expect(find('배포 단계')).toBe('ko')
  })

  test('a tie goes to the phrase given first', () => {
    expect(find('Rollback plan')).toBe('first')
  })

  test('Latin phrases match whole words, with a plural s', () => {
    expect(find('Contactless payments')).toBeUndefined()
    expect(find('On-call contacts')).toBe('contact')
    expect(find('Contact: ops')).toBe('contact')
    expect(find('Redeploy')).toBeUndefined()
    expect(find('Deploys')).toBe('short')
    expect(find('Deployed')).toBeUndefined()
  })

  test('a letter outside the Basic Multilingual Plane is a word character too', () => {
    expect(find('𝐀contact')).toBeUndefined()
    expect(find('🚀 contact')).toBe('contact')
  })

  test('Hangul phrases match inside words', () => {
    expect(find('재배포')).toBe('ko')
  })

  test('agrees with a test of each phrase on its own', () => {
    const phrases = ['go', 'go live', 'live', '검증', '후 검증', 'check', 'checks', 'a-b']
    const index = phraseIndexOf(phrases.map((phrase, order) => ({phrase, value: order})))
    const naive = (text: string) => {
      const lower = text.toLowerCase()
      let best: number | undefined
      phrases.forEach((phrase, order) => {
        const latin = /^[\p{Script=Latin}\d\s-]+$/u.test(phrase)
        const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        const found = latin
          ? new RegExp(`(?:^|[^\\p{L}\\d])${escaped}(?:s)?(?:$|[^\\p{L}\\d])`, 'u').test(lower)
          : lower.includes(phrase)
        if (found && (best === undefined || phrase.length > phrases[best]!.length)) best = order
      })
      return best
    }
    const word = fc.constantFrom('go', 'live', 'Live', 's', '검증', '후', 'check', 'checks', 'a', 'b', '-', ' ', 'x', '1')
    fc.assert(
      fc.property(fc.array(word, {maxLength: 8}), (words) => {
        const text = words.join('')
        expect(index(text)).toBe(naive(text))
      })
    )
  })
})
