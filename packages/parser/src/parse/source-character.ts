import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'

/** What a text node's value holds for a run of source characters, and where that run ends. */
export interface SourceCharacter {
  value: string
  end: number
}

/**
 * A character reference as micromark reads one: a known name of up to 31 letters and digits, `#` and up
 * to 7 decimal digits, or `#x` and up to 6 hexadecimal ones, between `&` and `;`.
 */
const reference = /&(?:#[xX]([\dA-Fa-f]{1,6})|#(\d{1,7})|([\dA-Za-z]{1,31}));/y

const asciiPunctuation = /[!-/:-@[-`{-~]/

/**
 * What markdown makes of the source at `at` in text, up to `end`: a backslash escape (`\&` is `&`), a
 * character reference (`&nbsp;` is U+00A0, decoded as mdast-util-from-markdown does), a NUL (U+FFFD, as
 * CommonMark says), or else the character itself.
 */
export function sourceCharacterAt(source: string, at: number, end: number): SourceCharacter {
  const character = source.charAt(at)
  if (character === '\\' && at + 1 < end && asciiPunctuation.test(source.charAt(at + 1))) {
    return {value: source.charAt(at + 1), end: at + 2}
  }
  if (character === '&') {
    reference.lastIndex = at
    const match = reference.exec(source)
    if (match && reference.lastIndex <= end) {
      const [, hex, decimal, name] = match
      const value =
        hex !== undefined
          ? decodeNumericCharacterReference(hex, 16)
          : decimal !== undefined
            ? decodeNumericCharacterReference(decimal, 10)
            : decodeNamedCharacterReference(name!)
      if (value !== false) return {value, end: reference.lastIndex}
    }
  }
  if (character === '\u0000') return {value: '\uFFFD', end: at + 1}
  return {value: character, end: at + 1}
}
