import type {Block, Command, Item} from '../schema/blocks.js'
import {inSourceOrder} from './walk.js'

/** What sits under a step, in the order it was written. */
export type ItemPart =
  | {kind: 'command'; node: Command}
  | {kind: 'block'; node: Block}
  /** Consecutive nested steps that were one list. */
  | {kind: 'items'; items: Item[]; ordered: boolean}

/**
 * An item keeps its nested blocks in three lists (commands, nested steps, the rest); this gives them
 * back in written order, nested steps grouped into the lists they were written as. A new list begins
 * where the numbering says so (bullets after numbers, or numbers starting over).
 */
export function partsOf(item: Item): ItemPart[] {
  const parts: ItemPart[] = []
  for (const node of inSourceOrder<Block | Item>([...item.commands, ...item.children, ...item.items])) {
    if (node.type === 'command') parts.push({kind: 'command', node})
    else if (node.type !== 'item') parts.push({kind: 'block', node})
    else {
      const last = parts[parts.length - 1]
      const previous = last?.kind === 'items' ? last.items[last.items.length - 1] : undefined
      if (last?.kind === 'items' && previous && continues(previous, node)) last.items.push(node)
      else parts.push({kind: 'items', items: [node], ordered: node.number !== null})
    }
  }
  return parts
}

function continues(previous: Item, next: Item): boolean {
  if (previous.number === null || next.number === null) return previous.number === next.number
  return next.number === previous.number + 1
}
