import type {Link, Nodes, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Context} from './context.js'
import {positionOf} from './context.js'
import {alignmentOf} from './offsets.js'

/**
 * Gives positions to the nodes remark-gfm makes without one, in place. micromark cannot tell whether a
 * URL after an unmatched `[` (`a [ http://x.y b`) is inside a link, so mdast-util-gfm-autolink-literal
 * finds it afterwards, in the text, and splits the text node into text, link and text, none of them
 * placed: the paragraph lost every position, and its blanks their place in messages. Each such run of
 * siblings stands where one text node stood, between its placed neighbours (or its parent's edges), so
 * aligning the run's text with that stretch of source places every node of it.
 */
export function placeAutolinkLiterals(tree: Nodes, context: Context): void {
  // A stack, not recursion: this runs on trees before (admonition bodies) or regardless of how deep they nest.
  const parents: Nodes[] = [tree]
  for (let node = parents.pop(); node; node = parents.pop()) {
    if (!('children' in node)) continue
    // Into placed nodes only: a run placed here holds links of one text each, which it places too.
    for (const child of node.children as Nodes[]) if ('children' in child && positionOf(child)) parents.push(child)
    placeRunsIn(node, context)
  }
}

/**
 * `placeAutolinkLiterals`' step at one parent: the runs of its children without a place. For a walk that
 * does more at each node (`readyTree`); `placeAutolinkLiterals` is the walk itself.
 */
export function placeRunsIn(node: Extract<Nodes, {children: unknown}>, context: Context): void {
  const children = node.children as Nodes[]
  for (let index = 0; index < children.length; index++) {
    if (positionOf(children[index]!)) continue
    let end = index
    while (end < children.length && !positionOf(children[end]!)) end++
    const run = children.slice(index, end)
    if (run.every(isMadeByAutolinkLiteral) && run.some((each) => each.type === 'link')) placeRun(run as Array<Text | Link>, node, index, end, context)
    index = end - 1
  }
}

/** What mdast-util-gfm-autolink-literal puts in the place of a text: texts and links of one text each. */
function isMadeByAutolinkLiteral(node: Nodes): node is Text | Link {
  if (node.type === 'text') return true
  return node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text' && isAutolinkLiteral(node)
}

/** A link whose text is its URL, or its URL without the `http://` or `mailto:` GFM adds: a literal. */
export function isAutolinkLiteral(link: Link): boolean {
  const text = toString(link)
  return link.url === text || link.url === `http://${text}` || link.url === `mailto:${text}`
}

function placeRun(run: Array<Text | Link>, parent: Nodes, from: number, to: number, context: Context): void {
  const siblings = (parent as {children: Nodes[]}).children
  const whole = positionOf(parent)
  const before = from > 0 ? positionOf(siblings[from - 1]!) : undefined
  const after = to < siblings.length ? positionOf(siblings[to]!) : undefined
  const start = before?.end.offset ?? whole?.start.offset
  const end = after?.start.offset ?? whole?.end.offset
  if (start === undefined || end === undefined) return
  const texts = run.map((node) => (node.type === 'text' ? node.value : toString(node)))
  const alignment = alignmentOf(texts.join(''), start, end, context.source)
  if (!alignment) return
  let at = 0
  for (const [index, node] of run.entries()) {
    const length = texts[index]!.length
    if (length === 0) continue
    const startPoint = context.pointAt(alignment.starts[at]!)
    const endPoint = context.pointAt(alignment.ends[at + length - 1]!)
    at += length
    if (!startPoint || !endPoint) continue
    node.position = {start: startPoint, end: endPoint}
    if (node.type === 'link') node.children[0]!.position = {start: startPoint, end: endPoint}
  }
}
