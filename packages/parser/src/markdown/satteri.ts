import type {Code, ListItem, Nodes, Root, Yaml} from 'mdast'
import type {FrontEnd} from './front-end.js'
import {frontmatterClosingAt, mdastFromMarkdown} from './from-markdown.js'

/** The part of the `satteri` module this front end calls; pass the module itself. */
export interface SatteriModule {
  markdownToMdast(source: string, options?: {features?: Record<string, unknown>; position?: boolean}): unknown
}

/**
 * A front end over satteri, the native markdown parser (an optional peer dependency, so it is handed in,
 * never imported here). Its mdast is the same as remark's, positions included, once task paragraphs start
 * where remark starts them; documents where it differs otherwise are read by remark (see `needsRemark` and
 * `readAlike`). Its points list their keys in another order (`offset` first): compare trees and models as
 * values, or write them with the `positionsInOrder` replacer, not as JSON text.
 */
export function satteriFrontEnd(satteri: SatteriModule): FrontEnd {
  return {
    name: 'satteri',
    parse(source) {
      // Offsets count from after a byte order mark, in remark's tree and satteri's; the checks read the
      // source at those offsets, so they read it without the mark.
      const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
      if (needsRemark(text)) return mdastFromMarkdown(source)
      const tree = satteri.markdownToMdast(text, {features}) as Root
      return readAlike(tree, text) ? tree : mdastFromMarkdown(source)
    }
  }
}

/** remark's settings: GFM and front matter (satteri reads TOML too, which `needsRemark` keeps from it). */
const features = {gfm: true, frontmatter: true}

/**
 * What satteri reads differently from remark, with no way to mend the tree afterwards: such documents go
 * to remark.
 *
 * - Front matter that remark does not take for it: `+++` (TOML, which remark leaves as text) and an
 *   opening `---` that is never closed (see `mdastFromMarkdown`).
 * - A NUL character, which CommonMark has replaced with U+FFFD, as remark does; satteri keeps it.
 * - A lone surrogate (half a UTF-16 pair): remark keeps it, satteri (handed the text as UTF-8) gets a
 *   U+FFFD instead, and ids and text then differ.
 * - A character the two class apart next to emphasis (`*`, `_`) or strikethrough (`~`), whose opening
 *   and closing depend on whether the characters around are whitespace or punctuation: see
 *   `spaceApart` and `punctuationApart`.
 * - `www.` after punctuation other than `(`, `*`, `_`, `[`, `]` and `~` (`"www.a.b"`) or after a no-break
 *   space, and an address after a `/` that is no http(s) URL's (`/ops@a.b`, `ssh://git@a.b`): micromark leaves these, and remark-gfm links them
 *   afterwards, with no positions; satteri links the first with positions and not the second. And `www.`
 *   after a character classed apart (an emoji), which satteri links and remark does not.
 */
function needsRemark(source: string): boolean {
  return tomlFence.test(source) || source.includes('\u0000') || !isWellFormed(source) || readApart.some((shape) => shape.test(source))
}

/**
 * Characters remark and satteri class apart, found by reading every code point next to `**`, `_` and `~~`
 * with both (Node 24, satteri 0.10):
 *
 * - U+FEFF is whitespace to remark (JavaScript's `\s`), not to satteri; U+0085 the other way round. Next
 *   to a delimiter run, either decides whether the run can open or close.
 * - Past U+FFFF: micromark reads UTF-16 units, so to remark a symbol or punctuation there (an emoji) is
 *   neither; satteri reads code points, and takes them for punctuation. Punctuation and symbols of recent
 *   Unicode versions (U+1B4E, U+20C1, …), which satteri's tables lack, the other way round; and `_` next
 *   to `*`, which remark takes for punctuation (`**a_**b` is text) and satteri does not. Punctuation or
 *   not only matters when the run's other side is no whitespace (`**🚀 배포**` reads alike).
 */
const spaceApart = '\\x85\\uFEFF'
const punctuationApart = '\\uD800-\\uDFFF\\u1B4E\\u1B4F\\u1B7F\\u20C1\\u2427-\\u2429\\u2B96\\u31E4\\u31E5\\uFBC3-\\uFBD2\\uFD90\\uFD91\\uFDC8-\\uFDCE'
/**
 * The shapes above, as searches. Apart they cost less than one search with alternatives, and a character
 * before a run is matched, not looked behind for (only whether a match exists is asked): V8 tries a
 * lookbehind at every character. About 5 ms on 1 MB together, a few percent of satteri's parse.
 */
const readApart: RegExp[] = [
  new RegExp(`[${spaceApart}][*_~]|[*_~][${spaceApart}]`),
  new RegExp(`[${punctuationApart}_]\\*+[^\\s*]|[^\\s*]\\*+[${punctuationApart}_]`),
  new RegExp(`[${punctuationApart}](?:_+[^\\s_]|~+[^\\s~])|[^\\s_]_+[${punctuationApart}]|[^\\s~]~+[${punctuationApart}]`),
  // Not after `//`: there `www.` is inside a URL (`https://www.a.b`, `ftp://www.a.b`) that both read alike.
  // After whitespace other than spaces, tabs and line endings (U+00A0) too: micromark links only after those.
  new RegExp(`(?:[^\\t\\n\\r \\w(*_[\\]~/]|(?<!\\/)\\/)[wW]{3}\\.`),
  // An address as GFM links one (a domain with a dot, its last label not ending in a digit, `-` or `_`:
  // approximated by a letter in it), after a `/` that is no http(s) URL's, which micromark links whole
  // (`ssh://git@github.com` is linked by remark-gfm afterwards): `actions/checkout@v4` and `pkg@1.2.3` are
  // no addresses, and stay with satteri.
  /(?<!https?:\/)\/[-.+\w]+@[-\w]+(?:\.[-\w]+)*\.[-\w]*[A-Za-z]/
]

const tomlFence = /^\+\+\+/
/**
 * Whether a text has no lone surrogate: `String.prototype.isWellFormed` (Node 20, ES2024, which TypeScript's
 * ES2023 lib does not declare), several times faster than a `/\p{Surrogate}/u` search on a large text.
 */
function isWellFormed(text: string): boolean {
  return (text as string & {isWellFormed(): boolean}).isWellFormed()
}

/**
 * Whether satteri read the document as remark does, found in one walk (a walk over a large tree costs more
 * in reaching its nodes than in what is done at each); then its task paragraphs are put where remark
 * starts them (see `normaliseTaskParagraph`), once every check has read satteri's own positions. What satteri reads differently was found by comparing the two on
 * generated documents (see `satteri.test.ts`):
 *
 * - An indented code block with a blank line in it, after an HTML block that ended a blockquote, comes
 *   out as two code blocks. CommonMark has no two indented code blocks with only blank lines between
 *   them, so any two code blocks in a row, one of them indented, send the document to remark.
 * - A table right under a line of text: satteri lets it interrupt the paragraph, remark (like
 *   cmark-gfm before 0.29) reads the header row into the paragraph. Any table whose line before is not
 *   blank sends the document to remark.
 * - A box with nothing after it on its line (`- [ ]`, then the text on the next line, or in a blockquote,
 *   or after `\r\n`): each reads some of these as a task where the other does not. An item that satteri
 *   does not tick but whose text begins with a box, and a task item whose box ends its line, send the
 *   document to remark.
 * - Two paragraphs with no blank line between them: satteri ends a paragraph at a line that could open a
 *   table (`a | b`) even when the next line is no delimiter row; remark, as CommonMark, never does.
 * - Where containers end inside others: remark ends a list closed by the next line of a blockquote
 *   after that line's `> `, satteri after its `>`; remark ends an empty item, and items in a footnote
 *   definition, on the next line. A node that ends among the markers that open its line, a container
 *   in a blockquote with a sibling on the next line, an empty item and a footnote definition of more than
 *   one line send the document to remark.
 * - An empty item inside an item (`* *`): satteri reads the inner `*` as the text of a paragraph. A
 *   paragraph that begins with a list marker sends the document to remark.
 * - A box on a line underlined as a heading (`- [ ] Title`, then `  ---`): remark reads a heading
 *   `[ ] Title` in a plain item, satteri a task item with a heading `Title`; over a delimiter row
 *   (`- [ ] a | b`, then `  -|-`), a table whose first cell is `[ ] a` to remark, `a` to satteri. A task
 *   item that does not begin with a paragraph, and an item that begins with something else after a box,
 *   send the document to remark.
 * - Labels: satteri trims whitespace other than spaces, tabs and line endings (U+00A0, U+3000) from
 *   the ends of a label's identifier, remark keeps it; and satteri references no definition labelled
 *   `^…` (`[^a b]`, which is no footnote, as it has a space), remark does. A label that begins or ends with
 *   such whitespace, and a definition labelled `^…`, send the document to remark.
 * - Where front matter closes: satteri closes it at `...` too (YAML's end of document), remark
 *   (remark-frontmatter) only at `---`, and satteri passes over a `---` with a tab after it. Front matter
 *   that satteri does not close on the line remark does, or that only remark reads, sends the document to
 *   remark.
 */
function readAlike(tree: Root, source: string): boolean {
  const head = tree.children[0]
  if ((head?.type === 'yaml' ? closingLineOf(head) : undefined) !== frontmatterClosingAt(source)) return false
  const stack: Nodes[] = [tree]
  const tasks: ListItem[] = []
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'root' && endsInPrefix(node, source)) return false
    switch (node.type) {
      case 'listItem':
        if (node.children.length === 0 || !taskReadAlike(node, source)) return false
        if (typeof node.checked === 'boolean') tasks.push(node)
        break
      case 'paragraph':
        if (opensLikeAList(source, node.position?.start.offset ?? 0)) return false
        break
      case 'footnoteDefinition':
        if (node.position && node.position.end.line > node.position.start.line) return false
      // Falls through: labelled too.
      case 'definition':
      case 'linkReference':
      case 'imageReference':
      case 'footnoteReference':
        // The nodes with a label (mdast's association): asked by type, not of every node.
        if (typeof node.label === 'string' && !labelReadAlike(node.label, node.type)) return false
        break
      default:
        break
    }
    if (!('children' in node)) continue
    const children: Nodes[] = node.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      const next = children[index + 1]
      if (child.type === 'code' && next?.type === 'code' && (isIndented(child, source) || isIndented(next, source))) return false
      if (child.type === 'table' && !afterBlankLine(child, source)) return false
      if (child.type === 'paragraph' && next?.type === 'paragraph' && !afterBlankLine(next, source)) return false
      if (node.type === 'blockquote' && next && 'children' in child && !afterBlankLine(next, source)) return false
      stack.push(child)
    }
  }
  for (const item of tasks) normaliseTaskParagraph(item, source)
  return true
}

/**
 * Whether a node ends among the markers that open its line (`> `, indentation), past its first column.
 * Read back from the end, without a copy: most nodes end after text, and the first character says so.
 */
function endsInPrefix(node: Nodes, source: string): boolean {
  const end = node.position?.end
  if (!end || end.offset === undefined || end.column === 1) return false
  let at = end.offset
  while (at > 0) {
    const char = source.charCodeAt(at - 1)
    if (char === newline || char === carriageReturn) return true
    if (char !== space && char !== tab && char !== greaterThan) return false
    at--
  }
  return true
}

const [newline, carriageReturn, space, tab, greaterThan] = ['\n', '\r', ' ', '\t', '>'].map((char) => char.charCodeAt(0)) as [number, number, number, number, number]

/** Whether remark reads a label (of a definition, reference or footnote) as satteri did (see `readAlike`). */
function labelReadAlike(label: string, type: Nodes['type']): boolean {
  return !(type === 'definition' && label.startsWith('^')) && !labelEndsInUnicodeSpace.test(label)
}

/** Whitespace that satteri trims from a label's ends and remark (`normalizeIdentifier`) does not. */
const labelEndsInUnicodeSpace = /^[\v\f\x85\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]|[\v\f\x85\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/

/** Where the line that closes front matter starts in the source: the line its end is on, found from its column. */
function closingLineOf(yaml: Yaml): number {
  const end = yaml.position?.end
  return end?.offset === undefined ? -1 : end.offset - (end.column - 1)
}

/** Whether remark reads the item as satteri did (see `readAlike`). */
function taskReadAlike(item: ListItem, source: string): boolean {
  const paragraph = item.children[0]
  // GFM reads a box only where the item's text opens a paragraph; satteri reads one before a setext
  // heading (and ticks the item) or a table (and does not), and drops it from the text.
  if (paragraph?.type !== 'paragraph') return typeof item.checked !== 'boolean' && (paragraph === undefined || !afterBox(paragraph, source))
  if (typeof item.checked !== 'boolean') return !looseBox.test(source.slice(paragraph.position?.start.offset ?? 0))
  // The text after the box, up to the end of its line.
  const start = paragraph.position?.start.offset ?? 0
  let box = start
  while (box > 0 && source[box - 1] !== ']') box--
  return source.slice(box, start).trim() === '' && !/^[ \t]*(?:\r|\n|$)/.test(source.slice(box))
}

const looseBox = /^\[[ xX]\]/

/** Whether a node starts after a box (`[ ]`, `[x]`) and spaces on its line. */
function afterBox(node: Nodes, source: string): boolean {
  let at = node.position?.start.offset ?? 0
  while (at > 0 && (source[at - 1] === ' ' || source[at - 1] === '\t')) at--
  return at >= 3 && looseBox.test(source.slice(at - 3, at))
}

/** Whether the line before a node is blank (or there is none). */
function afterBlankLine(node: Nodes, source: string): boolean {
  const start = lineStartBefore(source, node.position?.start.offset ?? 0)
  if (start === 0) return true
  const before = lineStartBefore(source, source[start - 1] === '\n' && source[start - 2] === '\r' ? start - 2 : start - 1)
  return source.slice(before, start).trim() === ''
}

/** An indented code block starts with four spaces or more, or a tab; a fenced one at (or near) its fence. */
function isIndented(code: Code, source: string): boolean {
  return !fence.test(source.slice(code.position?.start.offset ?? 0, (code.position?.start.offset ?? 0) + 16))
}

const fence = /^ {0,3}(?:`{3}|~{3})/

/**
 * Where remark starts a task item's first paragraph. The paragraph starts at the box (`[ ]`), and
 * mdast-util-gfm-task-list-item moves it when the paragraph begins with text: to one past the character
 * after the box (`]`, then a space, a tab or a line ending), on the box's line, as its text node then
 * starts. When it begins with anything else (`**`, `` ` ``, a link), the paragraph starts at the box.
 * satteri starts it at its first character after the box: put it where remark does.
 */
function normaliseTaskParagraph(item: ListItem, source: string): void {
  const paragraph = item.children[0]
  if (typeof item.checked !== 'boolean' || paragraph?.type !== 'paragraph' || !paragraph.position) return
  const start = paragraph.position.start
  if (start.offset === undefined) return
  let at = start.offset
  let lines = 0
  while (at > 0 && boxGap.test(source[at - 1]!)) {
    at--
    // A line ending is one line, `\r\n` included.
    if (source[at] === '\n' || (source[at] === '\r' && source[at + 1] !== '\n')) lines++
  }
  if (source[at - 1] !== ']' || source[at - 3] !== '[') return
  const box = at - 3
  const line = start.line - lines
  const column = box - lineStartBefore(source, box) + 1
  const head = paragraph.children[0]
  if (head?.type === 'text' && head.position) {
    const after = {line, column: column + 4, offset: box + 4}
    paragraph.position.start = after
    head.position.start = {...after}
  } else {
    paragraph.position.start = {line, column, offset: box}
  }
}

/** A list marker and what may follow it: CommonMark opens a list there, never a paragraph. */
const listMarker = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t\r\n]|$)/

/** Whether the text at `offset` begins with a list marker; most paragraphs are told apart by their first character. */
function opensLikeAList(source: string, offset: number): boolean {
  const first = source[offset]
  if (first === undefined || !'*+-0123456789'.includes(first)) return false
  return listMarker.test(source.slice(offset, offset + 12))
}

/** What may sit between a box and the paragraph text: whitespace, line endings, blockquote markers. */
const boxGap = /[ \t\r\n>]/

function lineStartBefore(source: string, offset: number): number {
  let at = offset
  while (at > 0 && source[at - 1] !== '\n' && source[at - 1] !== '\r') at--
  return at
}
