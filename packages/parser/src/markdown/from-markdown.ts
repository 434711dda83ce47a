import type {Root} from 'mdast'
import {type Options as FromMarkdownOptions, fromMarkdown} from 'mdast-util-from-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {remarkAutolinkLiteralsWhereFound} from './autolink-literals.js'
import {mdastInChunks} from './chunks.js'
import {remarkStrayTaskChecks} from './stray-task-checks.js'

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).use(remarkAutolinkLiteralsWhereFound).freeze()
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkStrayTaskChecks)
  .use(remarkAutolinkLiteralsWhereFound)
  .use(remarkFrontmatter, ['yaml'])
  .freeze()

/**
 * The mdast tree of a markdown text: CommonMark, GFM and YAML front matter. Long documents are parsed in
 * chunks, as micromark's time grows faster than the text; the tree is the same (see `mdastInChunks`).
 */
export function mdastFromMarkdown(source: string): Root {
  const whole = wholeParseOf(source)
  return mdastInChunks(source, whole.parse, {frontmatter: whole.frontmatter})
}

/** How `mdastFromMarkdown` parses a document in one piece, and whether it reads front matter there. */
export function wholeParseOf(source: string): {parse: (text: string) => Root; frontmatter: boolean} {
  // An opening fence that is never closed is no front matter, but micromark-extension-frontmatter then
  // misreads what follows it (`---`, a blank line, `- ` and `- a` come out as one paragraph).
  const frontmatter = hasClosedFrontmatter(source)
  const chosen = frontmatter ? processor : fragmentProcessor
  return {parse: (text) => chosen.parse(text), frontmatter}
}

/** A first line `---` (after a byte order mark, which micromark skips) and a later one. */
function hasClosedFrontmatter(source: string): boolean {
  return frontmatterClosingAt(source) !== undefined
}

/**
 * Where the `---` that closes front matter starts in a text, as remark reads it: the first later line
 * `---` after a first line `---`; undefined where remark reads no front matter.
 */
export function frontmatterClosingAt(source: string): number | undefined {
  const open = openingFence.exec(source)
  if (!open) return undefined
  closingFence.lastIndex = open[0].length - 1
  const close = closingFence.exec(source)
  return close ? close.index + 1 : undefined
}

const openingFence = /^\uFEFF?---[ \t]*(?:\r\n?|\n)/
/** From the line ending before it: a search, no backtracking over the lines in between. */
const closingFence = /[\r\n]---[ \t]*(?:[\r\n]|$)/g

/**
 * What remark-parse hands `fromMarkdown` for that processor. A document has several fragments, and a
 * processor's parse makes a file and settings per call, which cost as much as a small fragment's parse.
 */
const fragmentOptions: FromMarkdownOptions = {
  extensions: fragmentProcessor.data('micromarkExtensions') ?? [],
  mdastExtensions: fragmentProcessor.data('fromMarkdownExtensions') ?? []
}

/** The mdast tree of a fragment inside a document (an admonition's body): no front matter there. */
export function mdastFromFragment(source: string): Root {
  return fromMarkdown(source, fragmentOptions)
}
