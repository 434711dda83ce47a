import type {Blockquote as MdastBlockquote, Paragraph as MdastParagraph} from 'mdast'
import type {Blockquote, Callout, CalloutKind} from '../schema/blocks.js'
import type {Admonition, BlockState, Scope} from './block-state.js'
import {positionOf} from './context.js'
import {withPosition} from './inline.js'
import {spanInText} from './offsets.js'

const alert = /^\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)(?:\n|$)/i

/** A blockquote: a GitHub alert (`> [!WARNING]`) becomes a callout, any other stays a quote. */
export function calloutOrBlockquote(node: MdastBlockquote, state: BlockState, scope: Scope): Callout | Blockquote {
  const position = positionOf(node)
  const [first, ...rest] = node.children
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined
  const match = lead?.type === 'text' ? alert.exec(lead.value) : null
  if (!match || first?.type !== 'paragraph' || lead?.type !== 'text') {
    return withPosition<Blockquote>({type: 'blockquote', children: state.all(node.children, scope)}, position)
  }

  // The marker is syntax, not content. Plain words after it on its line are a title; a line that goes
  // on with other inline content (code, links, HTML) is the start of the body instead.
  const next = first.children[1]
  const lineEnds = match[0].endsWith('\n') || next === undefined || next.type === 'break'
  const title = lineEnds ? match[2]?.trim() || null : null
  const cut = title === null && !match[0].endsWith('\n') ? (/^\[![a-z]+\][ \t]*/i.exec(lead.value)?.[0].length ?? 0) : match[0].length
  const remainder = lead.value.slice(cut)
  const place = spanInText(lead.value, positionOf(lead), cut, lead.value.length, state.context)
  const leadRest = remainder ? [{...lead, value: remainder, position: place}] : []
  let paragraphChildren = [...leadRest, ...first.children.slice(1)]
  if (paragraphChildren[0]?.type === 'break') paragraphChildren = paragraphChildren.slice(1)
  const body = paragraphChildren.length > 0 ? [{...first, children: paragraphChildren} as MdastParagraph, ...rest] : rest
  return withPosition<Callout>(
    {
      type: 'callout',
      kind: (match[1] ?? 'note').toLowerCase() as CalloutKind,
      tag: match[1] ?? 'NOTE',
      syntax: 'github',
      title,
      children: state.all(body, scope)
    },
    position
  )
}

/** An MkDocs admonition (`!!! warning "Title"`): a callout of the kind its type maps to, its type kept as its tag. */
export function calloutFromAdmonition(node: Admonition, state: BlockState, scope: Scope): Callout {
  return withPosition<Callout>(
    {
      type: 'callout',
      kind: node.kind,
      tag: node.tag,
      syntax: 'admonition',
      ...(node.collapsible ? {collapsible: node.collapsible} : {}),
      title: node.title,
      children: state.all(node.children, scope)
    },
    node.position
  )
}
