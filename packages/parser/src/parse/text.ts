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
