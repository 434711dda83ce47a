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
  return isFolded(value) ? value : value.replace(/\s+/g, ' ').trim()
}

/**
 * Whether no whitespace is at either end or next to other whitespace, and all of it is spaces: read a
 * character at a time, as the pattern that said so (`/^\s|\s$|\s\s|[^\S ]/`) tried four ways at each one.
 */
function isFolded(value: string): boolean {
  let previous = true
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const white = isWhitespace(code)
    if (white && (previous || code !== 0x20)) return false
    previous = white
  }
  return !previous || value.length === 0
}

/** JavaScript's `\s`: what `trim` removes. */
function isWhitespace(code: number): boolean {
  if (code > 0x20 && code < 0xa0) return false
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
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
