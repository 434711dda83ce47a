import type {PhrasingContent} from 'mdast'
import type {Blank, Inline, Link, Text} from '../schema/inline.js'
import type {Position} from '../schema/position.js'
import {isAutolinkLiteral} from './autolink-literal-positions.js'
import {type Context, positionOf} from './context.js'
import {linkTargetOf} from './links.js'
import {alignmentOf, isVerbatim, spanInText} from './offsets.js'
import {textOfInlines} from './text.js'

const blankRun = /_{3,}/g

/** Model inline nodes from mdast phrasing content: blanks split out of text, links classified. */
export function inlinesFromPhrasing(nodes: readonly PhrasingContent[], context: Context): Inline[] {
  // Most phrasing is one text without blanks: an array of one, not one grown by a push.
  const only = nodes.length === 1 ? nodes[0]! : undefined
  if (only?.type === 'text' && !only.value.includes('___')) return [textNode(only.value, positionOf(only))]
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text') textWithBlanks(node.value, positionOf(node), context, out)
    else {
      const inline = inlineFromNode(node, context)
      if (inline) out.push(inline)
    }
  }
  return out
}

function inlineFromNode(node: PhrasingContent, context: Context): Inline | undefined {
  const position = positionOf(node)
  switch (node.type) {
    case 'strong':
    case 'emphasis':
    case 'delete':
      return withPosition<Inline>({type: node.type, children: inlinesFromPhrasing(node.children, context)}, position)
    case 'inlineCode':
      // mdast keeps a span's line endings as written, but they are not its content: CommonMark reads each
      // as a space, and mdast-util-to-markdown writes one as a space where the next line would start a
      // block (`**`), so a model holding them would change on a round trip.
      return withPosition<Inline>({type: 'inlineCode', value: node.value.replace(/\r\n|\r|\n/g, ' ')}, position)
    case 'break':
      return withPosition<Inline>({type: 'break'}, position)
    case 'html':
      return withPosition<Inline>({type: 'html', value: node.value}, position)
    case 'image':
      return withPosition<Inline>({type: 'image', url: node.url, alt: node.alt ?? '', title: node.title ?? null}, position)
    case 'imageReference': {
      const definition = context.definitions.get(node.identifier)
      return withPosition<Inline>({type: 'image', url: definition?.url ?? '', alt: node.alt ?? '', title: definition?.title ?? null}, position)
    }
    case 'footnoteReference':
      return withPosition<Inline>({type: 'footnoteReference', identifier: node.identifier, label: node.label ?? node.identifier}, position)
    case 'link': {
      // `[text](url)` opens with `[`; `<url>` and a literal URL do not. A link with no place is one remark-gfm
      // found in text after the fact (see `placeAutolinkLiterals`): a literal, when its text is its URL.
      const inline = position ? context.source.charAt(position.start.offset) === '[' : !isAutolinkLiteral(node)
      const link: Link = {
        type: 'link',
        href: node.url,
        title: node.title ?? null,
        target: linkTargetOf(node.url, context),
        form: inline ? 'inline' : 'autolink',
        children: inlinesFromPhrasing(node.children, context)
      }
      return withPosition<Inline>(link, position)
    }
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier)
      const children = inlinesFromPhrasing(node.children, context)
      // A reference without a definition is plain text in markdown: keep it as the author wrote it.
      if (!definition) {
        const raw = position ? context.source.slice(position.start.offset, position.end.offset) : `[${textOfInlines(children)}]`
        return withPosition<Inline>({type: 'text', value: raw}, position)
      }
      const link: Link = {
        type: 'link',
        href: definition.url,
        title: definition.title ?? null,
        target: linkTargetOf(definition.url, context),
        form: 'reference',
        label: node.label ?? node.identifier,
        children
      }
      return withPosition<Inline>(link, position)
    }
    default:
      return undefined
  }
}

/**
 * Splits runs of three or more underscores out of a text as blanks, each placed in the source. A run with
 * an underscore written as a character reference (`&#95;&#95;&#95;`) is the underscores themselves: how
 * text that holds them is written (a filled value such as `app___v2`, by `toMarkdown`).
 */
function textWithBlanks(value: string, whole: Position | undefined, context: Context, out: Inline[]): void {
  if (!value.includes('___')) {
    out.push(textNode(value, whole))
    return
  }
  const at = (from: number, to: number) => spanInText(value, whole, from, to, context)
  const literal = (from: number, to: number) => isWrittenAsReference(value, whole, from, to, context)
  let last = 0
  for (const match of value.matchAll(blankRun)) {
    const index = match.index
    if (literal(index, index + match[0].length)) continue
    if (index > last) out.push(withPosition({type: 'text', value: value.slice(last, index)}, at(last, index)))
    const blank: Blank = {type: 'blank', id: '', width: match[0].length}
    out.push(withPosition(blank, at(index, index + match[0].length)))
    last = index + match[0].length
  }
  if (last < value.length) out.push(withPosition({type: 'text', value: value.slice(last)}, at(last, value.length)))
}

/** Whether a character of `value.slice(from, to)` is written in the source as a character reference (`&#95;`). */
function isWrittenAsReference(value: string, whole: Position | undefined, from: number, to: number, context: Context): boolean {
  const start = whole?.start.offset
  const end = whole?.end.offset
  if (start === undefined || end === undefined || isVerbatim(value, start, end, context.source)) return false
  const alignment = alignmentOf(value, start, end, context.source)
  if (!alignment) return false
  for (let index = from; index < to; index++) if (context.source.charCodeAt(alignment.starts[index]!) === ampersand) return true
  return false
}

const ampersand = 0x26

/**
 * A text node with its place in the one literal: added afterwards (`withPosition`), a field takes an
 * allocation of its own, and most nodes of a model are text.
 */
function textNode(value: string, position: Position | undefined): Text {
  return position ? {type: 'text', value, position} : {type: 'text', value}
}

export function withPosition<T extends object>(node: T, position: ReturnType<typeof positionOf>): T {
  if (position) (node as T & {position?: unknown}).position = position
  return node
}
