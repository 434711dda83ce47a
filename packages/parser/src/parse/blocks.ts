import type {Code, Nodes, Paragraph as MdastParagraph, RootContent} from 'mdast'
import type {Block, Section} from '../schema/blocks.js'
import {admonitionAt} from './admonitions.js'
import {calloutOrBlockquote} from './callouts.js'
import {commandFromCode} from './commands.js'
import {type Context, positionOf} from './context.js'
import {blocksFromParagraph} from './fields.js'
import {inlinesFromPhrasing, withPosition} from './inline.js'
import {blockFromList} from './items.js'
import {tableFromMdast} from './tables.js'
import {squash, textOfInlines} from './text.js'

/** Where blocks are read: the section whose id prefixes the ids of the items inside. */
export interface Scope {
  sectionId: string | null
}

/** Model blocks from a run of mdast blocks (no headings at this level: sections take those). */
export function blocksFromMdast(nodes: readonly RootContent[], context: Context, scope: Scope): Block[] {
  const out: Block[] = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const admonition = node.type === 'paragraph' ? admonitionAt(nodes, index, context, scope) : undefined
    if (admonition) {
      out.push(admonition.callout)
      index += admonition.taken - 1
      continue
    }
    out.push(...blocksFromNode(node, context, scope))
  }
  return out
}

function blocksFromNode(node: RootContent, context: Context, scope: Scope): Block[] {
  const position = positionOf(node)
  switch (node.type) {
    case 'paragraph':
      return paragraphBlocks(node, context)
    case 'code':
      return [commandFromCode(node as Code)]
    case 'list':
      return [blockFromList(node, context, scope)]
    case 'table':
      return [tableFromMdast(node, context)]
    case 'blockquote':
      return [calloutOrBlockquote(node, context, scope)]
    case 'thematicBreak':
      return [withPosition({type: 'thematicBreak'}, position)]
    case 'html':
      return [withPosition({type: 'html', value: node.value}, position)]
    case 'definition':
      return [
        withPosition(
          {type: 'definition', identifier: node.identifier, label: node.label ?? node.identifier, url: node.url, title: node.title ?? null},
          position
        )
      ]
    case 'footnoteDefinition':
      return [
        withPosition(
          {
            type: 'footnoteDefinition',
            identifier: node.identifier,
            label: node.label ?? node.identifier,
            children: blocksFromMdast(node.children, context, scope)
          },
          position
        )
      ]
    case 'heading': {
      // A heading nested in a quote or list item: kept as an empty section so nothing is lost.
      const title = inlinesFromPhrasing(node.children, context)
      const text = squash(textOfInlines(title))
      const [id] = context.ids.claim(`${scope.sectionId ?? 'section'}--heading`)
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
      return [withPosition(section, position)]
    }
    case 'yaml':
      return []
    default:
      // Anything a future syntax extension adds is kept as its source text rather than dropped.
      return textBlock(node, context)
  }
}

function paragraphBlocks(node: MdastParagraph, context: Context): Block[] {
  return blocksFromParagraph(inlinesFromPhrasing(node.children, context), context)
}

function textBlock(node: Nodes, context: Context): Block[] {
  const position = positionOf(node)
  if (!position) return []
  const value = context.source.slice(position.start.offset, position.end.offset)
  return [withPosition({type: 'paragraph', children: [{type: 'text', value}]}, position)]
}
