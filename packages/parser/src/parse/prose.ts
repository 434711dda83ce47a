import type {Nodes, Root} from 'mdast'
import type {Flow} from './block-state.js'
import type {Context} from './context.js'

/**
 * Link definitions into the context, before the model is built: reference links are resolved as they
 * are read. Definitions are blocks, so the walk never enters a paragraph, heading or table.
 */
export function collectDefinitions(tree: Root, context: Context): void {
  const step = (node: Nodes) => {
    if (node.type === 'definition') {
      if (!context.definitions.has(node.identifier)) context.definitions.set(node.identifier, node)
    } else if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table' && 'children' in node) {
      for (const child of node.children) step(child as Nodes)
    }
  }
  step(tree)
}

/**
 * The lines of prose (paragraphs, headings, cells; hard breaks end lines) that the language is read from:
 * an admonition's counts as it was read, its title and its body, whether CommonMark had read that as part
 * of a paragraph or as indented code (a hand-written walk: this runs on every parse).
 */
export function proseLinesOf(nodes: readonly Flow[]): string[] {
  let prose = ''
  const text = (node: Nodes) => {
    if (node.type === 'text') prose += node.value
    else if (node.type === 'break') prose += '\n'
    else if ('children' in node) for (const child of node.children) text(child as Nodes)
  }
  const step = (node: Flow) => {
    if (node.type === 'admonition') {
      if (node.title) prose += `${node.title}\n`
      for (const child of node.children) step(child)
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      text(node)
      prose += '\n'
    } else if ('children' in node) for (const child of node.children) step(child as Flow)
  }
  for (const node of nodes) step(node)
  return prose.split('\n')
}
