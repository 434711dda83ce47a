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
    result = result.slice(0, cut > maxLength / 2 ? cut : maxLength)
  }
  return result || fallback
}

const asciiOrHangul = /^[\x00-\x7F\uAC00-\uD7A3]*$/

/**
 * github-slugger's `slug`. On a text of ASCII and Hangul syllables (most step texts) its very large
 * pattern keeps exactly the letters, digits, spaces, `-` and `_`, which one pass over the text does: a
 * regular expression that drops the rest, and `replaceAll` for the spaces, cost three times as much.
 */
export function githubSlug(value: string): string {
  const lower = value.toLowerCase()
  if (!asciiOrHangul.test(lower)) return slug(lower)
  let out = ''
  let from = 0
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index)
    if (code === space) {
      out += `${lower.slice(from, index)}-`
      from = index + 1
    } else if (code < 0x80 && !keptAscii(code)) {
      out += lower.slice(from, index)
      from = index + 1
    }
  }
  return from === 0 ? lower : out + lower.slice(from)
}

const space = 0x20

/** Lower-case letters, digits, `_` and `-` (capitals are lowered by then). */
function keptAscii(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d
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
