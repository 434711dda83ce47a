import type {Root} from 'mdast'
import {type Options as FromMarkdownOptions, fromMarkdown} from 'mdast-util-from-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {remarkStrayTaskChecks} from './stray-task-checks.js'

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).freeze()
const processor = fragmentProcessor().use(remarkFrontmatter, ['yaml']).freeze()

/** The mdast tree of a markdown text: CommonMark, GFM and YAML front matter. */
export function mdastFromMarkdown(source: string): Root {
  // An opening fence that is never closed is no front matter, but micromark-extension-frontmatter then
  // misreads what follows it (`---`, a blank line, `- ` and `- a` come out as one paragraph).
  return (closedFrontmatter.test(source) ? processor : fragmentProcessor).parse(source)
}

/** A first line `---` and a later one, as micromark-extension-frontmatter reads fences. */
const closedFrontmatter = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/

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
