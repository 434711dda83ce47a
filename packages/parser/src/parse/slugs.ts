import {slug} from 'github-slugger'

/** A readable slug that keeps Hangul (GitHub's heading rules), never empty. */
export function readableSlug(value: string, fallback: string, maxLength = 64): string {
  const plain = plainReadableSlug(value, maxLength)
  if (plain !== undefined) return plain || fallback
  let result = githubSlug(value.includes('___') ? value.replace(/_{3,}/g, ' ') : value)
  if (result.includes('--')) result = result.replace(/-+/g, '-')
  if (result.startsWith('-') || result.endsWith('-')) result = result.replace(/^-|-$/g, '')
  if (result.length > maxLength) {
    const cut = result.lastIndexOf('-', maxLength)
    // Not between the two halves of a character beyond the first 65 536 (CJK extensions, say).
    const end = cut > maxLength / 2 ? cut : isHighSurrogate(result.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength
    result = result.slice(0, end)
  }
  return result || fallback
}

/**
 * `readableSlug` of a text of ASCII letters, digits, `_`, `-`, spaces and Hangul syllables (most steps and
 * titles), in one pass and one new string: blanks and spaces become dashes, capitals lower case, runs of
 * dashes one, and the ends and the cut are as `readableSlug` makes them. Undefined for a text with any
 * other character before the cut. Lowering, replacing and folding in turn made a string each, and each
 * took longer than this whole pass. The slug is built as it will read, so the text is read only as far
 * as the cut needs: the slug's first `maxLength + 1` characters and whether there are more.
 */
function plainReadableSlug(value: string, maxLength: number): string | undefined {
  let length = 0
  for (let index = 0; index < value.length && length < maxLength + 2; index++) {
    const code = value.charCodeAt(index)
    if (code === underscore) {
      let end = index + 1
      while (end < value.length && value.charCodeAt(end) === underscore) end++
      // Three or more are a blank, read as a space; one or two are kept.
      if (end - index < 3) {
        while (index < end) codes[length++] = value.charCodeAt(index++)
        index--
        continue
      }
      index = end - 1
    }
    if (code === underscore || code === space || code === dash) {
      if (length > 0 && codes[length - 1] !== dash) codes[length++] = dash
    } else if (code >= 0x41 && code <= 0x5a) codes[length++] = code + 0x20
    else if (keptAscii(code) || (code >= hangulFirst && code <= hangulLast)) codes[length++] = code
    else return undefined
  }
  if (length > 0 && codes[length - 1] === dash) length--
  if (length > maxLength) {
    let cut = maxLength
    while (cut >= 0 && codes[cut] !== dash) cut--
    length = cut > maxLength / 2 ? cut : maxLength
  }
  codes.length = length
  return String.fromCharCode.apply(null, codes)
}

/** The code units of the slug `plainReadableSlug` builds, one array for all (a typed array's view cost more). */
const codes: number[] = []
const [underscore, dash] = [0x5f, 0x2d]

/**
 * github-slugger's `slug`, in one pass over the text. github-slugger drops or keeps each code point on its
 * own, with a very large pattern that no match of spans two code points and that looks neither back nor
 * ahead: ASCII and Hangul syllables (most of a runbook's text) are told apart here, and any other code point
 * is asked of `slug` once and remembered. Three times faster on a step, ten on a heading with an emoji.
 */
export function githubSlug(value: string): string {
  // Most texts hold nothing to lower nor to drop: one new string (none without spaces), where lowering
  // and building one piece by piece gave two and a rope to flatten. (A capital is a character to drop to
  // the pattern: a text that passes it is its own lower case.)
  if (!dropped.test(value)) return dashed(value)
  const lower = value.toLowerCase()
  if (!dropped.test(lower)) return dashed(lower)
  let out = ''
  let from = 0
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index)
    if (code === space) {
      out += `${lower.slice(from, index)}-`
      from = index + 1
    } else if (code < 0x80) {
      if (keptAscii(code)) continue
      out += lower.slice(from, index)
      from = index + 1
    } else if (code < hangulFirst || code > hangulLast) {
      // A surrogate pair is one code point: the pattern keeps or drops both halves together.
      const width = lower.codePointAt(index)! > 0xffff ? 2 : 1
      if (!keptOf(lower.slice(index, index + width))) {
        out += lower.slice(from, index)
        from = index + width
      }
      index += width - 1
    }
  }
  return from === 0 ? lower : out + lower.slice(from)
}

const space = 0x20
/** A character that is not surely kept: anything but spaces, kept ASCII and Hangul syllables. */
const dropped = /[^ a-z0-9_\-\uac00-\ud7a3]/
const [hangulFirst, hangulLast] = [0xac00, 0xd7a3]

/** Spaces as dashes: a plain text's slug. */
function dashed(value: string): string {
  return value.includes(' ') ? value.replaceAll(' ', '-') : value
}

/** Lower-case letters, digits, `_` and `-` (capitals are lowered by then). */
function keptAscii(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

const keptOther = new Map<string, boolean>()

/** Whether `slug` keeps a code point that is neither ASCII nor a Hangul syllable. */
function keptOf(character: string): boolean {
  let kept = keptOther.get(character)
  if (kept === undefined) {
    // Bounded: a text may hold any of a million code points.
    if (keptOther.size >= 4096) keptOther.clear()
    keptOther.set(character, (kept = slug(character, true) !== ''))
  }
  return kept
}

/**
 * Anchors as GitHub gives them to headings, counted as github-slugger's `GithubSlugger` counts them (`a`,
 * `a-1`, `a-2`), over `githubSlug`: its own counting keeps them as keys of a plain object, slow to look up
 * once a long runbook has thousands.
 */
export class AnchorSlugger {
  readonly #occurrences = new Map<string, number>()

  slug(value: string): string {
    const original = githubSlug(value)
    let result = original
    while (this.#occurrences.has(result)) {
      const count = this.#occurrences.get(original)! + 1
      this.#occurrences.set(original, count)
      result = `${original}-${count}`
    }
    this.#occurrences.set(result, 0)
    return result
  }
}
