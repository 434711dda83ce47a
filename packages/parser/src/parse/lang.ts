import type {Lang} from '../schema/runbook.js'

const hangul = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/u
const latinWord = /[A-Za-z]{2,}/u

/**
 * The language of prose, line by line: a line with Hangul is Korean, a line of Latin words without
 * Hangul is English. Korean prose is full of English product names, so a line counts, not a word.
 */
export function langOf(lines: readonly string[]): Lang {
  let korean = 0
  let english = 0
  for (const raw of lines) {
    // Alert markers (`[!WARNING]`) are syntax in English words, not English prose.
    const line = raw.includes('[!') ? raw.replace(/\[![A-Za-z]+\]/g, '') : raw
    if (hangul.test(line)) korean++
    else if (latinWord.test(line)) english++
  }
  const total = korean + english
  if (total === 0) return 'en'
  const share = korean / total
  if (share >= 0.75) return 'ko'
  if (share <= 0.1) return 'en'
  return 'mixed'
}
