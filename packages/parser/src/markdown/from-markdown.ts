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
