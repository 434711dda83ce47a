import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {type Handle, type Options, defaultHandlers, toMarkdown as mdastToMarkdown} from 'mdast-util-to-markdown'
import type {Nodes, Parents} from 'mdast'
import stringWidth from 'string-width'
import {type RunRecord} from '../schema/record.js'
import type {Block} from '../schema/blocks.js'
import type {Runbook} from '../schema/runbook.js'
import {applyRecord} from '../model/record.js'
import {type Raw, type WwwLiteral, mdastFromBlocks, mdastFromRunbook} from './to-mdast.js'

export interface ToMarkdownOptions {
  /** A run record to write in: its ticks, filled values and choices. */
  record?: RunRecord
  /**
   * The front matter's YAML as its author wrote it, comments and layout kept, written back instead of the
   * data written anew: `writtenFrontmatter(source, runbook.frontmatter)`, which gives it only when it still
   * reads as the runbook's. Given here rather than read here, so that writing markdown (run mode's export,
   * in browsers) does not load a markdown and YAML parser.
   */
  frontmatter?: string | undefined
}

const settings: Options = {
  bullet: '-',
  listItemIndent: 'one',
  fences: true,
  rule: '-',
  emphasis: '*',
  strong: '*',
  // Table columns are aligned by the columns text takes in a monospace font: Hangul and other wide
  // characters take two (as remark-gfm documents it).
  extensions: [gfmToMarkdown({stringLength: stringWidth}), frontmatterToMarkdown(['yaml'])],
  // Written verbatim: the syntax of blanks, choice boxes and alert markers must not be escaped.
  handlers: {
    runsheetRaw: (node: Raw) => node.value,
    runsheetWwwLiteral: (node: WwwLiteral) => node.value,
    break: breakAfterLiteral
  } as unknown as Options['handlers'],
  join: [apartFromLazyLines]
}

/**
 * A hard break, written with spaces right after a `www.` literal or raw syntax: a backslash would run on
 * into the literal's URL, and right after a blank (`____\`) it makes the underscores a run that opens
 * emphasis with the next blank (`____\` and `:____` read as `__` in bold).
 */
function breakAfterLiteral(...[node, parent, state, info]: Parameters<Handle>): string {
  const siblings = (parent as Parents | undefined)?.children as Nodes[] | undefined
  const previous = siblings?.[siblings.indexOf(node as Nodes) - 1] as unknown as WwwLiteral | Raw | undefined
  const written = defaultHandlers.break(node as never, parent as never, state, info)
  const literal = previous?.type === 'runsheetWwwLiteral' || previous?.type === 'runsheetRaw'
  return literal && written === '\\\n' ? '  \n' : written
}

/**
 * A blank line where a block would otherwise run on as lines of the block before it (a paragraph, a table
 * row, HTML) at the end of a tight entry: before an admonition's marker line or a table (whose header row
 * cannot interrupt a paragraph), or after an admonition, whose body would take the lines that follow. Where
 * these were read as blocks of their own, something closed the one before; only fences, headings and
 * rules close themselves.
 */
function apartFromLazyLines(left: Nodes, right: Nodes): number | undefined {
  if (isAdmonition(left)) return 1
  if (!isAdmonition(right) && right.type !== 'table') return undefined
  let tail = left
  while ((tail.type === 'blockquote' || tail.type === 'list' || tail.type === 'listItem') && tail.children.length > 0) tail = tail.children.at(-1)!
  return tail.type === 'code' || tail.type === 'heading' || tail.type === 'thematicBreak' ? undefined : 1
}

/** An admonition as to-mdast writes it: its marker line and body, verbatim. */
function isAdmonition(node: Nodes): boolean {
  const raw = node as unknown as Raw
  return raw.type === 'runsheetRaw' && /^(?:!!!|\?\?\?)/.test(raw.value)
}

/**
 * Writes a runbook back as markdown: checked states and filled blanks included. Parsing the result gives
 * the same model, apart from positions.
 */
export function toMarkdown(runbook: Runbook, options: ToMarkdownOptions = {}): string {
  const model = options.record ? applyRecord(runbook, options.record).runbook : runbook
  const yaml = model.frontmatter ? options.frontmatter : undefined
  return withOneLineEnding(mdastToMarkdown(mdastFromRunbook(model, blocksToMarkdown, yaml) as Nodes, settings))
}

/** Writes blocks as markdown, as they would stand in a runbook: how an admonition's body is written. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return withOneLineEnding(mdastToMarkdown(mdastFromBlocks(blocks, blocksToMarkdown) as Nodes, settings))
}

/**
 * The markdown with the file's own line ending throughout. mdast-util-to-markdown ends the lines it
 * writes with `\n`, while code, HTML and text keep the line endings of the file they were read from
 * (`command.code` of a CRLF file holds `\r\n`): writing those as `\n` would change the model, so a
 * `\r\n` found there says the file's lines end with it, and every `\n` line ending becomes one. A `\r`
 * alone stays: where a text ends with `\r\n`, it is written as `\r` and `&#xA;`, which read back as that.
 * (Files of `\r` alone, old Mac files, are left as written.)
 */
function withOneLineEnding(markdown: string): string {
  return markdown.includes('\r\n') ? markdown.replace(/(?<!\r)\n/g, '\r\n') : markdown
}
