import type {Lang} from '../schema/runbook.js'

const hangul = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/u
const latinWord = /[A-Za-z]{2,}/u

/**
 * The language of prose, line by line: a line with Hangul is Korean, a line of Latin words without
 * Hangul is English. Korean prose is full of English product names, so a line counts, not a word.
 */
export function langOf(lines: readonly string[]): Lang {
  const count = new LineCount()
  for (const line of lines) count.line(line)
  return count.lang()
}

/**
 * `langOf`, counting lines as they are read, piece by piece (the texts of a paragraph): a line is Korean
 * as soon as a piece has Hangul, which no piece splits, so most lines of a Korean runbook are never
 * joined into one string. Other lines are, as a Latin word or an alert marker may span two pieces.
 */
export class LineCount {
  #korean = 0
  #english = 0
  #line = ''
  #lineIsKorean = false

  /** A whole line (no line ending in it). */
  line(text: string): void {
    this.add(text)
    this.endLine()
  }

  /** A piece of the current line (no line ending in it). */
  add(piece: string): void {
    if (this.#lineIsKorean) return
    if (hangul.test(piece)) this.#lineIsKorean = true
    else this.#line += piece
  }

  endLine(): void {
    if (this.#lineIsKorean) this.#korean++
    else {
      // Alert markers (`[!WARNING]`) are syntax in English words, not English prose.
      const line = this.#line.includes('[!') ? this.#line.replace(/\[![A-Za-z]+\]/g, '') : this.#line
      if (latinWord.test(line)) this.#english++
    }
    this.#line = ''
    this.#lineIsKorean = false
  }

  lang(): Lang {
    const total = this.#korean + this.#english
    if (total === 0) return 'en'
    const share = this.#korean / total
    if (share >= 0.75) return 'ko'
    if (share <= 0.1) return 'en'
    return 'mixed'
  }
}
