import type {Heading} from 'mdast'
import type {Block, Section} from '../schema/blocks.js'
import {anchorTextOf} from './anchor-text.js'
import type {BlockState, Flow, Scope} from './block-state.js'
import {type Context, positionOf} from './context.js'
import {headingInfoOf} from './heading.js'
import {withPosition} from './inline.js'
import {type AnchorSlugger, readableSlug} from './slugs.js'

interface Open {
  section: Section
  depth: number
}

/**
 * Nests the document by its headings: every heading opens a section holding what follows it, up to the
 * next heading of the same or a higher level. Blocks before the first heading stay at the top.
 */
export function sectionsFromMdast(nodes: readonly Flow[], state: BlockState, slugger: AnchorSlugger): Block[] {
  const top: Block[] = []
  const stack: Open[] = []
  let run: Flow[] = []

  const flush = () => {
    if (run.length === 0) return
    const open = stack[stack.length - 1]
    const scope: Scope = {sectionId: open?.section.id ?? null}
    const blocks = state.all(run, scope)
    ;(open ? open.section.children : top).push(...blocks)
    run = []
  }

  // By index: this loop runs once per parse, unoptimised, where `for…of` makes an object per node.
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    if (node.type !== 'heading') {
      run.push(node)
      continue
    }
    flush()
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) extendPosition(stack.pop()!.section)
    const parent = stack[stack.length - 1]?.section ?? null
    const section = sectionFrom(node, parent, state.context, slugger)
    ;(parent ? parent.children : top).push(section)
    stack.push({section, depth: node.depth})
  }
  flush()
  while (stack.length > 0) extendPosition(stack.pop()!.section)
  return top
}

function sectionFrom(node: Heading, parent: Section | null, context: Context, slugger: AnchorSlugger): Section {
  const info = headingInfoOf(node, parent?.kind ?? null, context)
  const anchor = slugger.slug(anchorTextOf(node))
  const base = readableSlug(info.titleText, 'section')
  // A taken title is told apart by its parent's id (`1일차` under two phases) before falling back to a number.
  const id = context.ids.claim(base, context.ids.has(base) && parent ? parent.id : '')
  const section: Section = {
    type: 'section',
    id,
    anchor,
    depth: node.depth,
    title: info.title,
    titleText: info.titleText,
    icon: info.icon,
    kind: info.kind,
    ordinal: info.ordinal,
    timeframe: info.timeframe,
    trigger: info.trigger,
    children: []
  }
  return withPosition(section, positionOf(node))
}

/**
 * A section spans from its heading to the end of its last block: extended as it closes, when everything
 * in it is read and the sections in it have closed before it.
 */
function extendPosition(section: Section): void {
  const last = section.children[section.children.length - 1]
  if (section.position && last?.position) section.position = {start: section.position.start, end: last.position.end}
}
