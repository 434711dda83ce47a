import type {Block, Item, Section, TableRow} from '../schema/blocks.js'
import type {Inline} from '../schema/inline.js'
import type {Runbook} from '../schema/runbook.js'

export type ModelNode = Runbook | Block | Item | Inline | TableRow | ListItemNode
type ListItemNode = Extract<Block, {type: 'list'}>['items'][number]

/** The node's direct children in document order, whatever field holds them. */
export function childrenOf(node: ModelNode): ModelNode[] {
  switch (node.type) {
    case 'runbook':
      return [...node.meta, ...node.children, ...node.footer]
    case 'section':
      return [...node.title, ...node.children]
    case 'item':
      return [...node.content, ...inSourceOrder([...node.commands, ...node.children, ...node.items])]
    case 'checklist':
    case 'list':
      return node.items
    case 'table':
      return [node.header, ...node.rows]
    case 'tableRow':
      return node.cells.flatMap((cell) => cell.children)
    case 'field':
      return node.value
    case 'signature':
      return node.fields
    case 'paragraph':
    case 'callout':
    case 'blockquote':
    case 'footnoteDefinition':
    case 'listItem':
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'link':
      return node.children as ModelNode[]
    default:
      return []
  }
}

/**
 * Nested blocks of an item are kept in three lists (commands, nested steps, the rest); their positions
 * give back the order they were written in. Nodes without positions keep the lists' order.
 */
export function inSourceOrder<T extends {position?: {start: {offset: number}}}>(nodes: T[]): T[] {
  if (nodes.some((node) => !node.position)) return nodes
  return [...nodes].sort((a, b) => a.position!.start.offset - b.position!.start.offset)
}

/** Every node of the tree, depth first, with its ancestors (nearest last). Return `false` to skip a subtree. */
export function walk(root: ModelNode, visitor: (node: ModelNode, ancestors: readonly ModelNode[]) => void | false): void {
  const ancestors: ModelNode[] = []
  const step = (node: ModelNode) => {
    if (visitor(node, ancestors) === false) return
    ancestors.push(node)
    for (const child of childrenOf(node)) step(child)
    ancestors.pop()
  }
  step(root)
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
