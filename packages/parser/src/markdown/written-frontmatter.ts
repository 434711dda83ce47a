import {parseRunbook} from '../parse/parse-runbook.js'
import {frontmatterClosingAt, mdastFromMarkdown} from './from-markdown.js'

/**
 * The YAML of a source's front matter as its author wrote it (comments, quoting, flow lists, spacing),
 * when it reads as `frontmatter`: what toMarkdown writes back rather than the data written anew, which
 * would drop the comments. Undefined when the source has no front matter or it reads as other data (the
 * model was changed, or the source is another runbook's). What `toMarkdown`'s `frontmatter` option takes.
 */
export function writtenFrontmatter(source: string, frontmatter: Record<string, unknown> | null): string | undefined {
  if (frontmatter === null) return undefined
  const block = frontmatterBlockOf(source)
  if (block === undefined) return undefined
  const node = mdastFromMarkdown(block).children[0]
  if (node?.type !== 'yaml') return undefined
  // Read as the parser reads it (`version: 1.0` kept as text, YAML that JSON cannot hold refused): only
  // text that gives the model's front matter back keeps the round trip.
  const read = parseRunbook(block).runbook.frontmatter
  return read !== null && JSON.stringify(read) === JSON.stringify(frontmatter) ? node.value : undefined
}

/**
 * The source up to the end of its front matter's closing fence (where remark closes it), or undefined when
 * it opens none: the rest of a long document need not be parsed again to read the front matter.
 */
function frontmatterBlockOf(source: string): string | undefined {
  const close = frontmatterClosingAt(source)
  if (close === undefined) return undefined
  closingLine.lastIndex = close
  return source.slice(0, close + closingLine.exec(source)![0].length)
}

const closingLine = /---[ \t]*/y
