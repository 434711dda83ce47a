import type {Heading} from 'mdast'
import type {Block, Paragraph, Section} from '../schema/blocks.js'
import type {BlockHandler, BlockHandlers, BlockState, Flow, Scope} from './block-state.js'
import {calloutFromAdmonition, calloutOrBlockquote} from './callouts.js'
import {commandFromCode} from './commands.js'
import {type Context, positionOf} from './context.js'
import {blocksFromParagraph} from './fields.js'
import {inlinesFromPhrasing, withPosition} from './inline.js'
import {blockFromList} from './items.js'
import {tableFromMdast} from './tables.js'
import {squash, textOfInlines} from './text.js'

/**
 * The model blocks of each mdast block (no headings at the top: sections take those), by node type. A
 * container's handler reads what it holds through `state.all`, which comes back here.
 */
export const blockHandlers: BlockHandlers = {
  admonition: calloutFromAdmonition,
  blockquote: calloutOrBlockquote,
  code: (node) => commandFromCode(node),
  definition: (node) =>
    withPosition<Block>(
      {type: 'definition', identifier: node.identifier, label: node.label ?? node.identifier, url: node.url, title: node.title ?? null},
      positionOf(node)
    ),
  footnoteDefinition: (node, state, scope) =>
    withPosition<Block>(
      {type: 'footnoteDefinition', identifier: node.identifier, label: node.label ?? node.identifier, children: state.all(node.children, scope)},
      positionOf(node)
    ),
  heading: nestedHeading,
  html: (node) => withPosition<Block>({type: 'html', value: node.value}, positionOf(node)),
  list: blockFromList,
  paragraph: (node, state) => blocksFromParagraph(inlinesFromPhrasing(node.children, state.context), state.context),
  table: (node, state) => tableFromMdast(node, state.context),
  thematicBreak: (node) => withPosition<Block>({type: 'thematicBreak'}, positionOf(node)),
  // Front matter is read on its own (frontmatter.ts).
  yaml: () => undefined
}

/** The state blocks are read with: the handlers, and the dispatcher over them. */
export function createBlockState(context: Context): BlockState {
  const state: BlockState = {context, handlers: blockHandlers, one, all}
  return state

  function one(node: Flow, scope: Scope) {
    const handler = Object.hasOwn(state.handlers, node.type) ? (state.handlers[node.type] as BlockHandler | undefined) : undefined
    return handler ? handler(node, state, scope) : sourceTextOf(node, context)
  }

  function all(nodes: readonly Flow[], scope: Scope) {
    const out: Block[] = []
    for (const node of nodes) {
      const blocks = one(node, scope)
      if (Array.isArray(blocks)) for (const block of blocks) out.push(block)
      else if (blocks) out.push(blocks)
    }
    return out
  }
}

/** A heading nested in a quote or list item: kept as an empty section so nothing is lost. */
function nestedHeading(node: Heading, state: BlockState, scope: Scope): Section {
  const title = inlinesFromPhrasing(node.children, state.context)
  const text = squash(textOfInlines(title))
  const id = state.context.ids.claim('heading', scope.sectionId ?? 'section')
  const section: Section = {
    type: 'section',
    id,
    anchor: id,
    depth: node.depth,
    title,
    titleText: text,
    icon: null,
    kind: 'generic',
    ordinal: null,
    timeframe: null,
    trigger: null,
    children: []
  }
  return withPosition(section, positionOf(node))
}

/** Anything a future syntax extension adds is kept as its source text rather than dropped. */
function sourceTextOf(node: Flow, context: Context): Paragraph | undefined {
  const position = positionOf(node)
  if (!position) return undefined
  const value = context.source.slice(position.start.offset, position.end.offset)
  return withPosition<Paragraph>({type: 'paragraph', children: [{type: 'text', value}]}, position)
}
