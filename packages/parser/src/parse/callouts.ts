import type {Blockquote as MdastBlockquote, Code, Nodes, Paragraph as MdastParagraph, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {Blockquote, Callout, CalloutKind} from '../schema/blocks.js'
import {type Scope, blocksFromMdast} from './blocks.js'
import {type Context, positionOf} from './context.js'
import {withPosition} from './inline.js'

const alert = /^\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)(?:\n|$)/i
const admonition = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z]+)(?:[ \t]+"([^"]*)")?[ \t]*$/

/** A blockquote: a GitHub alert (`> [!WARNING]`) becomes a callout, any other stays a quote. */
export function calloutOrBlockquote(node: MdastBlockquote, context: Context, scope: Scope): Callout | Blockquote {
  const position = positionOf(node)
  const [first, ...rest] = node.children
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined
  const match = lead?.type === 'text' ? alert.exec(lead.value) : null
  if (!match || first?.type !== 'paragraph' || lead?.type !== 'text') {
    return withPosition<Blockquote>({type: 'blockquote', children: blocksFromMdast(node.children, context, scope)}, position)
  }

  // The marker line is syntax, not content: the paragraph keeps what follows it.
  const remainder = lead.value.slice(match[0].length)
  const leadRest = remainder ? [{...lead, value: remainder, position: undefined}] : []
  let paragraphChildren = [...leadRest, ...first.children.slice(1)]
  if (paragraphChildren[0]?.type === 'break') paragraphChildren = paragraphChildren.slice(1)
  const body = paragraphChildren.length > 0 ? [{...first, children: paragraphChildren} as MdastParagraph, ...rest] : rest
  return withPosition<Callout>(
    {
      type: 'callout',
      kind: (match[1] ?? 'note').toLowerCase() as CalloutKind,
      syntax: 'github',
      title: match[2]?.trim() || null,
      children: blocksFromMdast(body, context, scope)
    },
    position
  )
}

/**
 * An MkDocs admonition: `!!! info "Title"` followed by an indented block. CommonMark reads the body as
 * indented code; it is markdown, so it is parsed again with its positions mapped back into the file.
 */
export function admonitionOf(paragraph: MdastParagraph, code: Code, context: Context, scope: Scope): Callout | undefined {
  const [lead] = paragraph.children
  if (paragraph.children.length !== 1 || lead?.type !== 'text') return undefined
  const match = admonition.exec(lead.value)
  const kind = match ? context.keywords.admonitionKinds[(match[1] ?? '').toLowerCase()] : undefined
  const start = positionOf(paragraph)
  const end = positionOf(code)
  if (!match || !kind || code.lang || !start || !end) return undefined
  const opening = context.source.slice(end.start.offset, end.start.offset + 3)
  if (opening === '```' || opening === '~~~') return undefined

  const tree = unified().use(remarkParse).use(remarkGfm).parse(code.value) as Root
  shiftPositions(tree, end.start.line, context)
  return withPosition<Callout>(
    {
      type: 'callout',
      kind,
      syntax: 'admonition',
      title: match[2] ?? null,
      children: blocksFromMdast(tree.children, context, scope)
    },
    {start: start.start, end: end.end}
  )
}

/** Maps positions of a body parsed on its own back to the file, where each line sits one indent deeper. */
function shiftPositions(tree: Root, firstLine: number, context: Context): void {
  const lines = context.source.split('\n')
  const lineStarts: number[] = []
  let offset = 0
  for (const line of lines) {
    lineStarts.push(offset)
    offset += line.length + 1
  }
  const map = (point: {line: number; column: number; offset?: number}) => {
    const line = firstLine + point.line - 1
    const text = lines[line - 1] ?? ''
    const indent = /^(?: {1,4}|\t)/.exec(text)?.[0].length ?? 0
    const column = point.column + indent
    return {line, column, offset: (lineStarts[line - 1] ?? 0) + column - 1}
  }
  visit(tree as Nodes, (node) => {
    if (node.position) node.position = {start: map(node.position.start), end: map(node.position.end)}
  })
}
