import type {Nodes} from 'mdast'

/**
 * The text of a heading as GitHub slugs it: its rendered text, where a code span's line endings are
 * spaces (CommonMark), unlike mdast-util-to-string, which gives the span's value with them as written.
 * A code span across lines is written back on one line, so its anchor would change on a round trip.
 */
export function anchorTextOf(node: Nodes): string {
  if (node.type === 'inlineCode') return node.value.replace(/\r\n|\r|\n/g, ' ')
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  // GitHub slugs the heading as rendered: tags and comments are no text there (`<kbd>Ctrl</kbd>` → `ctrl`).
  if (node.type === 'html') return ''
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map((child) => anchorTextOf(child as Nodes)).join('') : ''
}
