import type {Nodes, Paragraph, Text} from 'mdast'
import type {Flow} from './block-state.js'
import {type Context, positionOf} from './context.js'

/**
 * How deep the tree the model is built from may nest: quotes in quotes, lists in lists (a list and its
 * entry are two levels), emphasis in emphasis. The model, its walks, the markdown writer and the site's
 * components recurse over the tree, a few call frames per level; a hand-written runbook nests a handful of
 * levels, a generated or hostile one thousands, which would overflow the call stack. Measured on the
 * default stack: the model and mdast-util-to-markdown overflow from about 1 200 levels, the site's Astro
 * pages from about 500 (a checklist with quotes in it). 320 keeps a 150-deep checklist whole, with room.
 */
export const maxDepth = 320

export type Parent = Extract<Nodes | Flow, {children: unknown}>

/** Nodes a parent needs as they are, whatever the depth: cutting them would leave it malformed. */
const structural = new Set(['listItem', 'tableRow', 'tableCell'])
/** Nodes that hold inline content only: they stay, and what nests in them is cut inside. */
const leafBlocks = new Set(['paragraph', 'heading', 'table'])
const holdsInline = new Set(['paragraph', 'heading', 'tableCell'])
const phrasingParents = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Cuts the tree at `limit` levels: below that depth, a node that would nest further is replaced by its
 * source text (a paragraph for a block, a text for inline content), so nothing is lost and nothing the
 * model reads is deeper than about `limit` + 3. Each cut is a warning `runsheet:too-deep` at the node.
 * The nodes are changed in place, and only where they are too deep: an ordinary tree is left as it is.
 * `depth` is how deep `nodes` already sit.
 */
export function cutTooDeep(nodes: readonly Flow[] | readonly Nodes[], context: Context, depth = 1, limit = maxDepth): void {
  // An explicit stack, as the depth is the input's to choose; the depths beside it, not in an object per
  // node, as this runs over every node of every parse.
  const pending: Array<Nodes | Flow> = [...nodes]
  const depths: number[] = nodes.map(() => depth)
  while (pending.length > 0) {
    const node = pending.pop()!
    const level = depths.pop()!
    if (!('children' in node)) continue
    cutChildren(node as Parent, level, context, limit)
    // Leaves hold nothing to cut: most nodes of a tree are text, so they are not pushed at all.
    for (const child of (node as Parent).children as ReadonlyArray<Nodes | Flow>) {
      if (!('children' in child)) continue
      pending.push(child)
      depths.push(level + 1)
    }
  }
}

/**
 * `cutTooDeep`'s step at one parent `level` levels deep: its children that nest further are cut when it
 * is at `limit`. For a walk that does more at each node (`readyTree`); `cutTooDeep` is the walk itself.
 */
export function cutChildren(parent: Parent, level: number, context: Context, limit = maxDepth): void {
  // Paragraphs, headings and cells stay whole: the inline content in them is cut one level down.
  if (level >= limit && !holdsInline.has(parent.type) && parent.children.some(nestsFurther)) {
    parent.children = parent.children.map((child: Nodes | Flow) => (nestsFurther(child) ? flattened(child as Parent, context, limit) : child)) as never
  }
}

function nestsFurther(node: Nodes | Flow): boolean {
  return 'children' in node && !structural.has(node.type) && !leafBlocks.has(node.type)
}

function flattened(node: Parent, context: Context, limit: number): Paragraph | Text {
  const position = positionOf(node)
  const value = position ? context.source.slice(position.start.offset, position.end.offset) : textOf(node)
  context.file.message(`Nested more than ${limit} levels deep: kept as its source text`, {
    place: position,
    ruleId: 'too-deep',
    source: 'runsheet'
  })
  const text: Text = position ? {type: 'text', value, position} : {type: 'text', value}
  if (phrasingParents.has(node.type)) return text
  return position ? {type: 'paragraph', children: [text], position} : {type: 'paragraph', children: [text]}
}

/** The text of a node without positions to take its source from, read without recursion. */
function textOf(root: Parent): string {
  let out = ''
  const pending: Array<Nodes | Flow> = [root]
  while (pending.length > 0) {
    const node = pending.pop()!
    if ('value' in node && typeof node.value === 'string') out += node.value
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!)
  }
  return out
}
