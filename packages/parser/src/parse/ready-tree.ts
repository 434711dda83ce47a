import type {Nodes, Root} from 'mdast'
import {placeRunsIn} from './autolink-literal-positions.js'
import {type Context, positionOf} from './context.js'
import {cutChildren, maxDepth, type Parent} from './depth.js'

/**
 * Makes a parsed tree ready for the model, in place and in one walk: what nests deeper than `maxDepth` is
 * cut (`cutTooDeep`), the autolink literals remark-gfm left without a place are placed
 * (`placeAutolinkLiterals`), and link definitions are collected into the context, the first of each
 * identifier winning, so that reference links resolve as they are read. One walk rather than three: on a
 * large tree, reaching its nodes costs more than what is done at each.
 */
export function readyTree(tree: Root, context: Context, limit = maxDepth): void {
  // An explicit stack, as the depth is the input's to choose. Beside each node its level, negative where
  // it sits under a node without a place, where `placeAutolinkLiterals` does not look.
  const pending: Nodes[] = []
  const levels: number[] = []
  const enqueue = (parent: Parent, level: number, placed: boolean) => {
    // Last child first, so that nodes are taken in document order: the first definition of a label wins.
    const children = parent.children as Nodes[]
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!
      if (child.type === 'definition' || 'children' in child) {
        pending.push(child)
        levels.push(placed && positionOf(child) ? level : -level)
      }
    }
  }
  placeRunsIn(tree, context)
  enqueue(tree, 1, true)
  while (pending.length > 0) {
    const node = pending.pop()!
    const signed = levels.pop()!
    if (node.type === 'definition') {
      if (!context.definitions.has(node.identifier)) context.definitions.set(node.identifier, node)
      continue
    }
    const parent = node as Parent
    const level = Math.abs(signed)
    cutChildren(parent, level, context, limit)
    if (signed > 0) placeRunsIn(parent as Extract<Nodes, {children: unknown}>, context)
    // Definitions are flow content: none sits in a paragraph, heading or table, whose content is inline.
    enqueue(parent, level + 1, signed > 0)
  }
}
