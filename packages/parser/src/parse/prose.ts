import type {Nodes} from 'mdast'
import type {Flow} from './block-state.js'

/**
 * The lines of prose (paragraphs, headings, cells; hard breaks end lines) that the language is read from:
 * an admonition's counts as it was read, its title and its body, whether CommonMark had read that as part
 * of a paragraph or as indented code (a hand-written walk: this runs on every parse). Built line by line:
 * one string of a long runbook's prose, split afterwards, cost several times more.
 */
export function proseLinesOf(nodes: readonly Flow[]): string[] {
  const lines: string[] = []
  let line = ''
  const add = (value: string) => {
    if (!value.includes('\n')) {
      line += value
      return
    }
    const parts = value.split('\n')
    lines.push(line + parts[0])
    for (let index = 1; index < parts.length - 1; index++) lines.push(parts[index]!)
    line = parts[parts.length - 1]!
  }
  const text = (node: Nodes) => {
    if (node.type === 'text') add(node.value)
    else if (node.type === 'break') add('\n')
    else if ('children' in node) for (const child of node.children) text(child as Nodes)
  }
  const step = (node: Flow) => {
    if (node.type === 'admonition') {
      if (node.title) add(`${node.title}\n`)
      for (const child of node.children) step(child)
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      text(node)
      add('\n')
    } else if ('children' in node) for (const child of node.children) step(child as Flow)
  }
  for (const node of nodes) step(node)
  lines.push(line)
  return lines
}
