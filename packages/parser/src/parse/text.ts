import {slug} from 'github-slugger'
import type {Inline} from '../schema/inline.js'

/** The plain text of inline content (blanks read as their value or as underscores). */
export function textOfInlines(nodes: readonly Inline[]): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value
        break
      case 'break':
        out += '\n'
        break
      case 'blank':
        out += node.value ?? '_'.repeat(node.width)
        break
      case 'image':
        out += node.alt
        break
      case 'html':
      case 'footnoteReference':
        break
      default:
        out += textOfInlines(node.children)
    }
  }
  return out
}

/** Whitespace folded and trimmed. */
export function squash(value: string): string {
  // Most texts are already folded: checking costs no new string.
  return foldable.test(value) ? value.replace(/\s+/g, ' ').trim() : value
}

const foldable = /^\s|\s$|\s\s|[^\S ]/

/** A readable slug that keeps Hangul (GitHub's heading rules), never empty. */
export function readableSlug(value: string, fallback: string, maxLength = 64): string {
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
 * github-slugger's `slug`, in one pass over the text. github-slugger drops or keeps each code point on its
 * own, with a very large pattern that no match of spans two code points and that looks neither back nor
 * ahead: ASCII and Hangul syllables (most of a runbook's text) are told apart here, and any other code point
 * is asked of `slug` once and remembered. Three times faster on a step, ten on a heading with an emoji.
 */
export function githubSlug(value: string): string {
  const lower = value.toLowerCase()
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
      const width = isPair(lower, index) ? 2 : 1
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
const [hangulFirst, hangulLast] = [0xac00, 0xd7a3]

/** Lower-case letters, digits, `_` and `-` (capitals are lowered by then). */
function keptAscii(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d
}

function isPair(text: string, index: number): boolean {
  const low = text.charCodeAt(index + 1)
  return isHighSurrogate(text.charCodeAt(index)) && low >= 0xdc00 && low <= 0xdfff
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

const leadingEmoji = /^((?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})*) ?/u

/**
 * Splits a leading emoji and the one space after it off a title: `🚀 Deploy` → [`🚀`, `Deploy`]. Any
 * further space, or a tab or line ending, stays with the title, since GitHub's anchor of the heading
 * counts it (a space is `-` there, the others nothing).
 */
export function splitLeadingEmoji(value: string): [icon: string | null, rest: string] {
  const match = leadingEmoji.exec(value)
  if (!match) return [null, value]
  return [match[1] ?? null, value.slice(match[0].length)]
}
