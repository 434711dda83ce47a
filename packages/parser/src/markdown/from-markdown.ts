import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** The mdast tree of a markdown text: CommonMark, GFM and YAML front matter. */
export function mdastFromMarkdown(source: string): Root {
  return processor.parse(source)
}

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).freeze()

/** The mdast tree of a fragment inside a document (an admonition's body): no front matter there. */
export function mdastFromFragment(source: string): Root {
  return fragmentProcessor.parse(source)
}
