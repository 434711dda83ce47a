import type {Nodes} from 'mdast'
import type {Lang} from '../schema/runbook.js'
import type {Flow} from './block-state.js'
import {LineCount} from './lang.js'

/**
 * The language (`langOf`) of `lines` (the title and subtitle, one line each) and of the lines of prose of
 * `nodes`: paragraphs, headings and cells, where hard breaks and line endings end lines. An admonition's
 * counts as it was read, its title and its body, whether CommonMark had read that as part of a paragraph or
 * as indented code. A hand-written walk, counting as it reads (`LineCount`): this runs on every parse, and
 * the lines of a long runbook, joined and split, cost several times more.
 */
export function proseLangOf(lines: readonly string[], nodes: readonly Flow[]): Lang {
  const count = new LineCount()
  for (const line of lines) count.line(line)
  const add = (value: string) => {
    let from = 0
    for (let end = value.indexOf('\n'); end !== -1; end = value.indexOf('\n', from)) {
      count.add(value.slice(from, end))
      count.endLine()
      from = end + 1
    }
    count.add(from === 0 ? value : value.slice(from))
  }
  const text = (node: Nodes) => {
    if (node.type === 'text') add(node.value)
    else if (node.type === 'break') count.endLine()
    else if ('children' in node) for (const child of node.children) text(child as Nodes)
  }
  const step = (node: Flow) => {
    if (node.type === 'admonition') {
      if (node.title) count.line(node.title)
      for (const child of node.children) step(child)
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      text(node)
      count.endLine()
    } else if ('children' in node) for (const child of node.children) step(child as Flow)
  }
  // By index: this loop runs once per parse, unoptimised, where `for…of` makes an object per node.
  for (let index = 0; index < nodes.length; index++) step(nodes[index]!)
  count.endLine()
  return count.lang()
}
