import type {Block, Item, ListItem} from '../../schema/blocks.js'
import {defineRule, type RuleContext} from '../rule.js'

/** `1단계`, `2단계`, `4단계` among sibling sections, or `1.`, `2.`, `4.` in a list: a step went missing. */
export const numberingSkip = defineRule('numbering-skip', (_, context) => ({
  runbook: (node) => checkSections(node.children, context),
  section: (node) => checkSections(node.children, context),
  checklist: (node) => checkList(node.ordered, node.items, context),
  list: (node) => checkList(node.ordered, node.items, context)
}))

function checkList(ordered: boolean, entries: ReadonlyArray<Item | ListItem>, context: RuleContext): void {
  if (!ordered) return
  let previous: number | null = null
  for (const entry of entries) {
    const written = writtenNumber(entry, context)
    // `1.` on every line is a style (markdown numbers them), not a skip.
    if (written !== null && previous !== null && written !== previous + 1 && written !== previous) {
      context.report(`Step ${written} follows step ${previous}`, entry.position)
    }
    previous = written ?? previous
  }
}

/** The number as written in the source: markdown renumbers lists, so the model holds the rendered one. */
function writtenNumber(entry: Item | ListItem, context: RuleContext): number | null {
  const offset = entry.position?.start.offset
  if (offset === undefined) return null
  const match = /^[ \t>]*(\d{1,9})[.)]/.exec(context.source.slice(offset, offset + 16))
  return match?.[1] ? Number(match[1]) : null
}

function checkSections(children: readonly Block[], context: RuleContext): void {
  let previous: number | null = null
  for (const child of children) {
    if (child.type !== 'section' || child.ordinal === null) continue
    if (previous !== null && child.ordinal !== previous + 1) {
      context.report(`\`${child.titleText}\` (${child.ordinal}) follows ${previous}`, child.position)
    }
    previous = child.ordinal
  }
}
