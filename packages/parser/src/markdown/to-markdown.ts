import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {type Options, toMarkdown as mdastToMarkdown} from 'mdast-util-to-markdown'
import type {Nodes} from 'mdast'
import {type RunRecord} from '../schema/record.js'
import type {Block} from '../schema/blocks.js'
import type {Runbook} from '../schema/runbook.js'
import {applyRecord} from '../model/record.js'
import {type Raw, mdastFromBlocks, mdastFromRunbook} from './to-mdast.js'

export interface ToMarkdownOptions {
  /** A run record to write in: its ticks, filled values and choices. */
  record?: RunRecord
}

/** Columns a string takes in a monospace font: Hangul and other wide characters take two. */
function displayWidth(value: string): number {
  let width = 0
  for (const character of value) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}/u.test(character) ? 2 : 1
  return width
}

const settings: Options = {
  bullet: '-',
  listItemIndent: 'one',
  fences: true,
  rule: '-',
  emphasis: '*',
  strong: '*',
  extensions: [gfmToMarkdown({stringLength: displayWidth}), frontmatterToMarkdown(['yaml'])],
  // Written verbatim: the syntax of blanks, choice boxes and alert markers must not be escaped.
  handlers: {runsheetRaw: (node: Raw) => node.value} as unknown as Options['handlers']
}

/**
 * Writes a runbook back as markdown: checked states and filled blanks included. Parsing the result gives
 * the same model, apart from positions.
 */
export function toMarkdown(runbook: Runbook, options: ToMarkdownOptions = {}): string {
  const model = options.record ? applyRecord(runbook, options.record).runbook : runbook
  return mdastToMarkdown(mdastFromRunbook(model, blocksToMarkdown) as Nodes, settings)
}

/** Writes blocks as markdown, as they would stand in a runbook: how an admonition's body is written. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return mdastToMarkdown(mdastFromBlocks(blocks, blocksToMarkdown) as Nodes, settings)
}
