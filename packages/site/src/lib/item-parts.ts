import type {Block, Command, Criterion, Item} from '@runsheet/parser'

/** What sits under a step, in the order it was written: its commands, nested steps and other blocks. */
export type ItemPart =
  | {kind: 'command'; node: Command}
  | {kind: 'block'; node: Block}
  /** Consecutive nested steps, rendered as one nested list. */
  | {kind: 'items'; items: Item[]; ordered: boolean}

type Positioned = {offset: number; order: number; part: {kind: 'command'; node: Command} | {kind: 'block'; node: Block} | {kind: 'item'; node: Item}}

/**
 * The parser keeps an item's nested blocks in three lists; their positions give back the written order.
 * Without positions, the lists keep their own order (commands, then blocks, then steps).
 */
export function partsOf(item: Item): ItemPart[] {
  const all: Positioned[] = []
  let order = 0
  const add = (part: Positioned['part'], offset: number | undefined) => all.push({offset: offset ?? Number.POSITIVE_INFINITY, order: order++, part})
  for (const node of item.commands) add({kind: 'command', node}, node.position?.start.offset)
  for (const node of item.children) add({kind: 'block', node}, node.position?.start.offset)
  for (const node of item.items) add({kind: 'item', node}, node.position?.start.offset)
  const positioned = all.every((each) => Number.isFinite(each.offset))
  if (positioned) all.sort((a, b) => a.offset - b.offset || a.order - b.order)

  const parts: ItemPart[] = []
  for (const {part} of all) {
    if (part.kind !== 'item') {
      parts.push(part)
      continue
    }
    const last = parts[parts.length - 1]
    if (last?.kind === 'items') last.items.push(part.node)
    else parts.push({kind: 'items', items: [part.node], ordered: part.node.number !== null})
  }
  return parts
}

const operators: Record<Criterion['op'], string> = {'<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '='}

/** A criterion as a target: `< 500ms (p95)`, the metric being the step's own text. */
export function targetOf(criterion: Criterion): string {
  const qualifier = criterion.qualifier ? ` (${criterion.qualifier})` : ''
  return `${operators[criterion.op]} ${criterion.value}${criterion.unit ?? ''}${qualifier}`
}
