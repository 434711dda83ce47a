import type {Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'

export interface ChunkOptions {
  /**
   * Characters a chunk holds at least (default 2 000). micromark's time grows faster than the text: one
   * file of 100 copies of a 7 KB runbook takes about 2.5 times as long as 100 files of one, and chunks of
   * a few KB take that back to about one.
   */
  chunkSize?: number
  /** Documents shorter than this many characters are parsed whole (default 8 000): no time to win there. */
  wholeBelow?: number
  /** Whether `parse` reads the whole document's front matter: the first chunk must then hold all of it. */
  frontmatter?: boolean
}

/**
 * The mdast tree of a document, parsed in chunks that start at top-level ATX headings and joined, with
 * positions in the document: the same tree as `parse(source)` (see `chunks.test.ts`).
 *
 * Why it is the same. Block structure is read line by line: the blocks before a line do not depend on
 * what follows it, except through lookahead of one line (setext underlines, table delimiter rows), and
 * an ATX heading is nobody's underline or header row. So each chunk is parsed together with the heading
 * line that starts the next one (the probe): when that line comes out as a heading at the top level,
 * every block before it was closed there (an open fence or HTML block would have taken it in, a list or
 * blockquote would have held it), the blocks before it are as in the whole parse, and the rest of the
 * document reads from that line as from the start of a document. The one thing a document start adds,
 * front matter, cannot open with `#`. Where a probe fails (the chunk scan below guesses, micromark
 * decides) the rest is parsed in one piece.
 *
 * What crosses chunks is the definitions: a reference (`[a][b]`, `[b]`, `[^b]`) is one only when the
 * document defines its label, anywhere. Chunks that lack a label defined elsewhere, and may use it, are
 * parsed again with a stub definition of each such label (before the chunk, or after the probe of the
 * first, whose start may be front matter), and the stubs are taken off again.
 */
export function mdastInChunks(source: string, parse: (text: string) => Root, options: ChunkOptions = {}): Root {
  if (source.length < (options.wholeBelow ?? 8_000)) return parse(source)
  const starts = chunkStartsOf(source, options.chunkSize ?? 2_000, options.frontmatter ?? false)
  if (starts.length === 0) return parse(source)

  // micromark skips a byte order mark, and counts offsets from after it.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0
  const chunks: Chunk[] = []
  let from: Start = {offset: 0, line: 1}
  for (const start of starts) {
    const chunk: Chunk = {from, probe: start, end: lineEndAt(source, start.offset), first: chunks.length === 0, bom, tree: undefined}
    const tree = treeOf(source, chunk, parse, [])
    if (!tree || (chunk.first && options.frontmatter && tree.children[0]?.type !== 'yaml')) break
    chunks.push({...chunk, tree})
    from = start
  }
  if (chunks.length === 0) return parse(source)
  const last: Chunk = {from, probe: undefined, end: source.length, first: false, bom, tree: undefined}
  last.tree = treeOf(source, last, parse, [])
  chunks.push(last)

  if (!withDefinitionsOfOthers(source, chunks, parse)) return parse(source)
  const children: RootContent[] = []
  for (const chunk of chunks) {
    const tree = chunk.tree!
    if (!chunk.first) shift(tree, chunk.from.line - 1, chunk.from.offset - bom)
    children.push(...tree.children)
  }
  const head = chunks[0]!.tree!.position
  const tail = last.tree!.position
  return {type: 'root', children, ...(head && tail ? {position: {start: head.start, end: tail.end}} : {})}
}

/** Where a chunk starts: the offset of its first line in the source, and that line's number. */
interface Start {
  offset: number
  line: number
}

interface Chunk {
  from: Start
  /** The start of the next chunk, whose heading line is parsed with this one (none for the last). */
  probe: Start | undefined
  /** Where the text parsed ends: after the probe's line (without its line ending), or the source's end. */
  end: number
  first: boolean
  bom: number
  /** Its tree, in its own coordinates (line 1 at `from`), without probe or stubs. */
  tree: Root | undefined
}

/**
 * A definition some chunk holds: its kind and its identifier (its label as written, white space
 * collapsed, case folded), which a stub is written with: read again, it gives the same identifier.
 * micromark matches references by the upper case of that fold, mdast keeps its lower case: the same
 * labels either way.
 */
interface Label {
  footnote: boolean
  identifier: string
}

/**
 * A chunk's tree, in its own coordinates, with `stubs` defined: undefined when the probe is no
 * top-level heading, or a stub was not read as the definition it stands for.
 */
function treeOf(source: string, chunk: Chunk, parse: (text: string) => Root, stubs: readonly Label[]): Root | undefined {
  // A link label may start with `^` after a line ending: the space keeps it from reading as a footnote.
  const written = stubs.map((stub) => `[${stub.footnote ? '^' : ' '}${stub.identifier}]: x`)
  // The first chunk may open with front matter: its stubs go after its probe, where a block starts anew.
  const before = written.length > 0 && !chunk.first ? `${written.join('\n\n')}\n\n` : ''
  const after = written.length > 0 && chunk.first ? `\n\n${written.join('\n\n')}` : ''
  const tree = parse(before + source.slice(chunk.from.offset, chunk.end) + after)
  const nodes = tree.children
  const stubNodes = chunk.first ? nodes.splice(nodes.length - stubs.length, stubs.length) : nodes.splice(0, stubs.length)
  if (stubNodes.length !== stubs.length || !stubNodes.every((node, index) => isDefinitionOf(node, stubs[index]!))) return undefined
  if (chunk.probe) {
    const probe = nodes.pop()
    const lead = chunk.first ? chunk.bom : 0
    const line = chunk.probe.line - chunk.from.line + 1 + lineCount(before)
    const offset = chunk.probe.offset - chunk.from.offset - lead + before.length
    const start = probe?.position?.start
    if (probe?.type !== 'heading' || start?.line !== line || start.column !== 1 || start.offset !== offset) return undefined
  }
  if (before) shift(tree, -lineCount(before), -before.length)
  return tree
}

function isDefinitionOf(node: RootContent, stub: Label): boolean {
  return node.type === (stub.footnote ? 'footnoteDefinition' : 'definition') && 'identifier' in node && node.identifier === stub.identifier
}

/**
 * Parses again, with stubs, the chunks that lack a label another chunk defines and may use it: false
 * when a stub was not read as meant, or when the stubs would cost more than the chunks (more than
 * `maxLabels` labels, or more stub text than source), as then the document is better parsed whole.
 */
function withDefinitionsOfOthers(source: string, chunks: Chunk[], parse: (text: string) => Root): boolean {
  const own = chunks.map((chunk) => definitionsIn(chunk.tree!))
  const all = new Map<string, Label>()
  for (const labels of own) for (const [key, label] of labels) if (!all.has(key)) all.set(key, label)
  if (all.size === 0) return true
  if (all.size > maxLabels) return false
  const plans: Array<[Chunk, Label[]]> = []
  let stubText = 0
  for (const [index, chunk] of chunks.entries()) {
    // A reference's label is the definition's but for case and white space: its first word, folded as
    // labels are compared, is in the chunk's folded text wherever the chunk may use it.
    const folded = foldCase(source.slice(chunk.from.offset, chunk.end))
    const stubs = [...all].filter(([key, label]) => !own[index]!.has(key) && folded.includes(firstWordOf(label))).map(([, label]) => label)
    if (stubs.length === 0) continue
    plans.push([chunk, stubs])
    for (const stub of stubs) stubText += stub.identifier.length + 8
  }
  if (stubText > source.length) return false
  for (const [chunk, stubs] of plans) {
    const tree = treeOf(source, chunk, parse, stubs)
    if (!tree) return false
    chunk.tree = tree
  }
  return true
}

/** Above this many labels, looking for each in every chunk costs about what parsing in one piece saves. */
const maxLabels = 1000

/** The definitions a tree holds, anywhere, keyed by kind and label as micromark matches references. */
function definitionsIn(tree: Root): Map<string, Label> {
  const out = new Map<string, Label>()
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const footnote = node.type === 'footnoteDefinition'
      const key = `${footnote ? '^' : '['}${node.identifier}`
      if (!out.has(key)) out.set(key, {footnote, identifier: node.identifier})
    }
    // Definitions are blocks (a footnote's may hold more): none stands in a paragraph, a heading or a table.
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      for (const child of node.children) stack.push(child)
    }
  }
  return out
}

/**
 * Case folded as micromark-util-normalize-identifier folds labels to compare them: per character (a
 * final sigma's lower case is taken back up again).
 */
function foldCase(value: string): string {
  return value.toLowerCase().toUpperCase()
}

/** The first word of a label's identifier (white space collapsed, none at its ends), case folded. */
function firstWordOf(label: Label): string {
  const space = label.identifier.indexOf(' ')
  return foldCase(space === -1 ? label.identifier : label.identifier.slice(0, space))
}

/** Moves a tree's positions `lines` lines and `offset` characters on; columns stay, as chunks start lines. */
function shift(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    // New points: remark may share one between nodes, which must not move twice.
    if (node.position) node.position = shifted(node.position, lines, offset)
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

function shifted(position: Position, lines: number, offset: number): Position {
  const point = (at: Point): Point => ({...at, line: at.line + lines, ...(at.offset === undefined ? {} : {offset: at.offset + offset})})
  return {...position, start: point(position.start), end: point(position.end)}
}

function lineCount(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0
}

function lineEndAt(source: string, offset: number): number {
  lineEnding.lastIndex = offset
  return lineEnding.exec(source)?.index ?? source.length
}

const lineEnding = /\r\n|\r|\n/g

/**
 * Where chunks may start: lines that open an ATX heading at the first column after a blank line, at
 * least `size` characters apart, outside front matter and what looks like a top-level fenced code
 * block or an HTML block that ends only at its end marker (script, comment, …). A guess: each start is
 * proven by its probe (see `mdastInChunks`); a wrong guess costs time, not correctness.
 */
function chunkStartsOf(source: string, size: number, frontmatter: boolean): Start[] {
  const out: Start[] = []
  let line = 1
  let at = 0
  let last = 0
  let blankBefore = false
  let until: ((text: string) => boolean) | undefined = frontmatter ? (text) => frontmatterFence.test(text) : undefined
  // The front matter's opening line does not close it.
  let skip = frontmatter
  for (;;) {
    lineEnding.lastIndex = at
    const ending = lineEnding.exec(source)
    const end = ending?.index ?? source.length
    const text = source.slice(at, end)
    if (skip) skip = false
    else if (until) {
      if (until(text)) until = undefined
    } else {
      if (blankBefore && at - last >= size && atxHeading.test(text)) {
        out.push({offset: at, line})
        last = at
      }
      until = closerOf(text)
    }
    blankBefore = blankLine.test(text)
    if (!ending) break
    at = end + ending[0].length
    line++
  }
  return out
}

const atxHeading = /^#{1,6}(?:[ \t]|$)/
const blankLine = /^[ \t]*$/
const frontmatterFence = /^---[ \t]*$/

/** What ends the block a line opens, when it is a fenced code block or an HTML block of kinds 1 to 5. */
function closerOf(text: string): ((text: string) => boolean) | undefined {
  const fence = fenceOpening.exec(text)
  if (fence) {
    const [, marks = ''] = fence
    if (marks[0] === '`' && text.slice(fence[0].length).includes('`')) return undefined
    const closing = new RegExp(`^ {0,3}${marks[0] === '`' ? '`' : '~'}{${marks.length},}[ \\t]*$`)
    return (line) => closing.test(line)
  }
  const html = htmlOpening.exec(text)
  if (!html) return undefined
  const marker = endMarkerOf(html[1]!)
  if (marker.test(text.slice(html[0].length))) return undefined
  return (line) => marker.test(line)
}

const fenceOpening = /^ {0,3}(`{3,}|~{3,})/
const htmlOpening = /^ {0,3}(<(?:script|pre|style|textarea)(?=[ \t>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i

function endMarkerOf(opening: string): RegExp {
  if (opening.startsWith('<!--')) return /-->/
  if (opening.startsWith('<?')) return /\?>/
  if (opening.startsWith('<![')) return /\]\]>/
  if (opening.startsWith('<!')) return />/
  return /<\/(?:script|pre|style|textarea)>/i
}
