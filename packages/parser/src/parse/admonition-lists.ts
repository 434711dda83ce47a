import type {List, ListItem, Paragraph, PhrasingContent} from 'mdast'
import type {Point} from '../schema/position.js'
import type {Context} from './context.js'

/**
 * The body of an admonition written as a list — every line one entry of inline content, nested by
 * indentation — built from the paragraph CommonMark already read it into (the marker's line and the
 * indented lines under it) instead of parsing those lines a second time. The lists, entries, paragraphs
 * and positions are those the second parse gives; undefined for any body where the two could differ:
 * a line that is not an entry, or continues one, an entry that would open another block, inline content
 * that runs across lines, tabs, trailing spaces.
 *
 * `paragraph` is the admonition's paragraph, `first` the file line of the body's first line, each body
 * line indented by four spaces in the file.
 */
export function listBodyOf(paragraph: Paragraph, first: number, context: Context): List[] | undefined {
  const end = paragraph.position?.end.line
  if (end === undefined || end < first) return undefined
  const phrasing = phrasingByLine(paragraph, first, end, context)
  if (!phrasing) return undefined

  const lines = context.lines()
  const root: List[] = []
  // The bullet or delimiter each list was written with: a different one starts another list.
  const markers = new Map<List, string>()
  const open: Array<{item: ListItem; contentColumn: number}> = []
  for (let line = first; line <= end; line++) {
    const text = lines[line - 1] ?? ''
    const entry = entryLine.exec(text)
    if (!entry || unplaceable.test(text) || opensBlock.test(entry[6]!)) return undefined
    const [, indentation = '', marker = '', digits, , spaces = ''] = entry
    const indent = indentation.length
    // A rule in the entry (`* ---`), or one the marker is part of (`* **`, `- --`).
    if (thematicBreak.test(entry[6]!) || thematicBreak.test(text.slice(bodyIndent + indent))) return undefined

    while (open.length > 0 && indent < open.at(-1)!.contentColumn) open.pop()
    const container = open.at(-1)
    if (indent - (container?.contentColumn ?? 0) > 3) return undefined

    const siblings: Array<List | Paragraph> = container ? container.item.children as Array<List | Paragraph> : root
    const last = siblings.at(-1)
    const ordered = digits !== undefined
    let list = last?.type === 'list' && markers.get(last) === marker.at(-1) ? last : undefined
    if (!list) {
      // A list that starts under a paragraph line interrupts it, which an ordered list only can from 1.
      if (ordered && line > first && digits !== '1') return undefined
      list = {type: 'list', ordered, start: ordered ? Number.parseInt(digits, 10) : null, spread: false, children: []}
      markers.set(list, marker.at(-1)!)
      ;(siblings as List[]).push(list)
    }

    const lineStart = context.offsetAt(line, 1)
    const contentColumn = indent + marker.length + spaces.length
    const content = pointOn(line, lineStart, bodyIndent + contentColumn)
    const lineEnd = pointOn(line, lineStart, text.length)
    const children = entryPhrasing(phrasing[line - first]!, marker + spaces, content, lineEnd)
    if (!children) return undefined
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{type: 'paragraph', children, position: {start: content, end: lineEnd}}],
      position: {start: pointOn(line, lineStart, bodyIndent + indent), end: lineEnd}
    }
    list.children.push(item)
    open.push({item, contentColumn})
  }
  for (const list of root) closePositions(list)
  return root
}

/** Indentation, marker (number and delimiter when ordered), the spaces after it, and the content. */
const entryLine = /^ {4}( *)([*+-]|(\d{1,9})([.)]))( {1,4})(?=[^ \t])(.*)$/
const bodyIndent = 4
/** Tabs and trailing spaces: CommonMark places them in ways not worth redoing here. */
const unplaceable = /\t| $/
/** Content that would open a block of its own inside the entry: a task box, a definition, a nested list. */
const opensBlock = /^(?:[#>|<[~=]|```|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/

function pointOn(line: number, lineStart: number, index: number): Point {
  return {line, column: index + 1, offset: lineStart + index}
}

/** A piece of inline content on one line, and where it starts and ends when the node did (else: line ends). */
interface Piece {
  node: PhrasingContent
  start: Point | undefined
  end: Point | undefined
}

/**
 * The paragraph's inline content after its first line, line by line. Undefined where reading the lines
 * apart could read them otherwise: a node other than text that runs across lines or breaks one, a text
 * whose value does not have its source's line endings, a footnote call (the body alone has no footnote
 * definitions), a `[` left open (while one is, micromark links no URL written out, on any later line).
 */
function phrasingByLine(paragraph: Paragraph, first: number, end: number, context: Context): Piece[][] | undefined {
  const lines: Piece[][] = Array.from({length: end - first + 1}, () => [])
  for (const node of paragraph.children) {
    const position = node.position
    if (!position || node.type === 'break' || node.type === 'footnoteReference') return undefined
    if (node.type !== 'text') {
      if (position.start.line !== position.end.line || position.start.line < first) return undefined
      lines[position.start.line - first]!.push({node, start: position.start as Point, end: position.end as Point})
      continue
    }
    if (node.value.includes('[')) return undefined
    const parts = node.value.split('\n')
    if (parts.length - 1 !== position.end.line - position.start.line) return undefined
    parts.forEach((part, index) => {
      const line = position.start.line + index
      // Lines of a text end as in the file, `\r\n` included, which a second parse would see as `\n`; a
      // `\r` of its own (`&#13;`) is content.
      const value = index < parts.length - 1 && part.endsWith('\r') && endsInCrlf(line, context) ? part.slice(0, -1) : part
      if (line < first || value === '') return
      lines[line - first]!.push({
        node: {type: 'text', value},
        start: index === 0 ? (position.start as Point) : undefined,
        end: index === parts.length - 1 ? (position.end as Point) : undefined
      })
    })
  }
  return lines
}

function endsInCrlf(line: number, context: Context): boolean {
  return context.source[context.offsetAt(line, 1) + (context.lines()[line - 1] ?? '').length] === '\r'
}

/** The entry's inline content: the line's pieces without the marker, placed in the file. */
function entryPhrasing(pieces: readonly Piece[], prefix: string, content: Point, lineEnd: Point): PhrasingContent[] | undefined {
  const [lead, ...rest] = pieces
  if (lead?.node.type !== 'text' || !lead.node.value.startsWith(prefix)) return undefined
  const children: PhrasingContent[] = []
  const value = lead.node.value.slice(prefix.length)
  if (value !== '') children.push({type: 'text', value, position: {start: content, end: lead.end ?? lineEnd}})
  for (const piece of rest) {
    children.push(piece.node.type === 'text' ? {...piece.node, position: {start: piece.start ?? content, end: piece.end ?? lineEnd}} : piece.node)
  }
  return children.length > 0 ? children : undefined
}

/** Ends of entries and lists: where their last line ends. */
function closePositions(list: List): void {
  for (const item of list.children) {
    for (const child of item.children) if (child.type === 'list') closePositions(child)
    item.position!.end = item.children.at(-1)!.position!.end
  }
  list.position = {start: list.children[0]!.position!.start, end: list.children.at(-1)!.position!.end}
}
