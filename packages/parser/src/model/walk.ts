import type {Block, Item, Section, TableRow} from '../schema/blocks.js'
import type {Inline} from '../schema/inline.js'
import type {Runbook} from '../schema/runbook.js'

export type ModelNode = Runbook | Block | Item | Inline | TableRow | ListItemNode
type ListItemNode = Extract<Block, {type: 'list'}>['items'][number]

/** The node's direct children in document order, whatever field holds them. */
export function childrenOf(node: ModelNode): ModelNode[] {
  const out: ModelNode[] = []
  forEachChild(node, (child) => {
    out.push(child)
  })
  return out
}

/**
 * Calls `visit` on each direct child in document order. Walks run on every parse (ids, lint, stats), so
 * this reads the fields in place rather than building a list per node.
 */
function forEachChild(node: ModelNode, visit: (child: ModelNode) => void): void {
  switch (node.type) {
    case 'runbook':
      if (node.titleContent) each(node.titleContent, visit)
      if (node.subtitleContent) each(node.subtitleContent, visit)
      each(node.meta, visit)
      each(node.children, visit)
      each(node.footer, visit)
      return
    case 'section':
      each(node.title, visit)
      each(node.children, visit)
      return
    case 'item': {
      each(node.content, visit)
      const {commands, children, items} = node
      const lists = (commands.length > 0 ? 1 : 0) + (children.length > 0 ? 1 : 0) + (items.length > 0 ? 1 : 0)
      if (lists > 1) each(inSourceOrder<ModelNode & {position?: {start: {offset: number}}}>([...commands, ...children, ...items]), visit)
      else {
        each(commands, visit)
        each(children, visit)
        each(items, visit)
      }
      return
    }
    case 'checklist':
    case 'list':
      each(node.items, visit)
      return
    case 'table':
      visit(node.header)
      each(node.rows, visit)
      return
    case 'tableRow':
      for (const cell of node.cells) each(cell.children, visit)
      return
    case 'field':
      each(node.value, visit)
      return
    case 'signature':
      each(node.fields, visit)
      return
    case 'paragraph':
    case 'callout':
    case 'blockquote':
    case 'footnoteDefinition':
    case 'listItem':
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'link':
      each(node.children as ModelNode[], visit)
      return
    default:
      return
  }
}

function each(nodes: readonly ModelNode[], visit: (child: ModelNode) => void): void {
  for (const child of nodes) visit(child)
}

/**
 * Nested blocks of an item are kept in three lists (commands, nested steps, the rest); their positions
 * give back the order they were written in. Nodes without positions keep the lists' order.
 */
export function inSourceOrder<T extends {position?: {start: {offset: number}} | undefined}>(nodes: T[]): T[] {
  if (nodes.some((node) => !node.position)) return nodes
  return [...nodes].sort((a, b) => a.position!.start.offset - b.position!.start.offset)
}

/** Every node of the tree, depth first, with its ancestors (nearest last). Return `false` to skip a subtree. */
export function walk(root: ModelNode, visitor: (node: ModelNode, ancestors: readonly ModelNode[]) => void | false): void {
  // An explicit stack: the input chooses how deep the tree is, and each level of a recursion would take a
  // few frames of the call stack. Nodes still to visit, nearest last, and `leave` where a node's children
  // end and it stops being an ancestor.
  const ancestors: ModelNode[] = []
  const pending: Array<ModelNode | typeof leave> = [root]
  const push = (child: ModelNode) => {
    pending.push(child)
  }
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node === leave) {
      ancestors.pop()
      continue
    }
    if (visitor(node, ancestors) === false) continue
    pending.push(leave)
    const first = pending.length
    forEachChild(node, push)
    // Most nodes are leaves (text): they never become an ancestor.
    if (pending.length === first) {
      pending.pop()
      continue
    }
    ancestors.push(node)
    // Pushed in document order, taken from the end: reversed in place, first child last.
    for (let low = first, high = pending.length - 1; low < high; low++, high--) {
      const swap = pending[low]!
      pending[low] = pending[high]!
      pending[high] = swap
    }
  }
}

const leave = Symbol('leave')

/** A model node of one type: `NodeOfType<'item'>` is `Item`. */
export type NodeOfType<T extends ModelNode['type']> = Extract<ModelNode, {type: T}>

/**
 * What a pass over the model does: a handler for each node type it reads (called with the node and its
 * ancestors), then `done`. Handlers by type, so that the walk calls none for the many nodes no pass reads.
 */
export type Visitor = {[T in ModelNode['type']]?: (node: NodeOfType<T>, ancestors: readonly ModelNode[]) => void} & {
  done?: () => void
}

type Handler = (node: ModelNode, ancestors: readonly ModelNode[]) => void

/** Several passes in one walk: the visitors' handlers for a node run in the order the visitors are given. */
export function walkWith(root: ModelNode, visitors: readonly Visitor[]): void {
  const handlers = new Map<string, Handler[]>()
  for (const visitor of visitors) {
    for (const [type, handler] of Object.entries(visitor)) {
      if (type === 'done' || typeof handler !== 'function') continue
      const list = handlers.get(type) ?? []
      list.push(handler as Handler)
      handlers.set(type, list)
    }
  }
  walk(root, (node, ancestors) => {
    const list = handlers.get(node.type)
    if (list) for (const handler of list) handler(node, ancestors)
  })
  for (const visitor of visitors) visitor.done?.()
}

/** The section a node sits in, from its ancestors. */
export function sectionOf(ancestors: readonly ModelNode[]): Section | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index]!
    if (node.type === 'section') return node
  }
  return undefined
}

/** Every step of the runbook, nested ones included, in document order. */
export function itemsOf(root: ModelNode): Item[] {
  const items: Item[] = []
  walk(root, (node) => {
    if (node.type === 'item') items.push(node)
  })
  return items
}
