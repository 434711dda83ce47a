import type {Root} from 'mdast'
import {type Options as FromMarkdownOptions, fromMarkdown} from 'mdast-util-from-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {remarkStrayTaskChecks} from './stray-task-checks.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).use(remarkFrontmatter, ['yaml']).freeze()

/** The mdast tree of a markdown text: CommonMark, GFM and YAML front matter. */
export function mdastFromMarkdown(source: string): Root {
  return processor.parse(source)
}

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).freeze()

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
