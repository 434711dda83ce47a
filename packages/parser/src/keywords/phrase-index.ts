/** A phrase to look for, and what finding it means. */
export interface PhraseEntry<T> {
  phrase: string
  value: T
}

interface Phrase<T> {
  length: number
  /** Latin phrases match whole words, an `s` plural included (`contact` is not in `contactless`). */
  wholeWord: boolean
  order: number
  value: T
}

interface TrieNode<T> {
  /** By UTF-16 code unit: a one-character string of Hangul would be a new string at each character read. */
  next: Map<number, TrieNode<T>>
  ends: Array<Phrase<T>>
}

const latin = /^[\p{Script=Latin}\d\s-]+$/u
const wordCharacter = /[\p{L}\d]/u

/**
 * The value of the longest phrase that occurs in a text (ties go to the phrase given first), found in
 * one pass over the text through a character trie: headings are read against every phrase of every
 * language, and a test per phrase made that the slowest step of reading a heading. Case-insensitive.
 */
export function phraseIndexOf<T>(entries: ReadonlyArray<PhraseEntry<T>>): (text: string) => T | undefined {
  const root: TrieNode<T> = {next: new Map(), ends: []}
  entries.forEach(({phrase, value}, order) => {
    const lower = phrase.toLowerCase()
    if (lower === '') return
    let node = root
    // By UTF-16 unit, as the search reads the text.
    for (let index = 0; index < lower.length; index++) {
      let child = node.next.get(lower.charCodeAt(index))
      if (!child) {
        child = {next: new Map(), ends: []}
        node.next.set(lower.charCodeAt(index), child)
      }
      node = child
    }
    node.ends.push({length: lower.length, wholeWord: latin.test(lower), order, value})
  })

  return (text) => {
    const lower = text.toLowerCase()
    let best: Phrase<T> | undefined
    for (let start = 0; start < lower.length; start++) {
      // Whether a word starts here is asked only when a whole-word phrase ends: most starts match nothing.
      let boundaryBefore: boolean | undefined
      let node: TrieNode<T> | undefined = root
      for (let index = start; index < lower.length; index++) {
        node = node.next.get(lower.charCodeAt(index))
        if (!node) break
        for (const phrase of node.ends) {
          if (best && (phrase.length < best.length || (phrase.length === best.length && phrase.order > best.order))) continue
          if (phrase.wholeWord) {
            boundaryBefore ??= !isWordCharacterBefore(lower, start)
            if (!(boundaryBefore && endsWord(lower, index + 1))) continue
          }
          best = phrase
        }
      }
    }
    return best?.value
  }
}

/** Whether a whole-word match may end before `index`: at a non-word character, optionally after a plural `s`. */
function endsWord(text: string, index: number): boolean {
  if (!isWordCharacterAt(text, index)) return true
  return text[index] === 's' && !isWordCharacterAt(text, index + 1)
}

function isWordCharacterAt(text: string, index: number): boolean {
  if (index >= text.length) return false
  const code = text.codePointAt(index)!
  return wordCharacter.test(String.fromCodePoint(code))
}

function isWordCharacterBefore(text: string, index: number): boolean {
  if (index === 0) return false
  const low = text.charCodeAt(index - 1)
  const at = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1
  return isWordCharacterAt(text, at)
}
