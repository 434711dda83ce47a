import type {Nodes, Paragraph as MdastParagraph, Root, RootContent} from 'mdast'
import {mdastFromFragment} from '../markdown/from-markdown.js'
import {listBodyOf} from './admonition-lists.js'
import {placeAutolinkLiterals} from './autolink-literal-positions.js'
import type {Admonition, Flow} from './block-state.js'
import {type Context, positionOf} from './context.js'
import {isChecklist} from './items.js'
import {spanInText} from './offsets.js'

/**
 * Sibling nodes with their admonitions read into them, at every depth the model reads blocks at: in
 * quotes, list entries, footnotes and admonition bodies. The tree is not changed: a node that holds an
 * admonition is copied, any other is kept as it is (`nodes` itself, when none holds one).
 *
 * Where the model reads a node as something else, it stays: the first paragraph of a task entry is the
 * task's text, and code in a task entry is one of its commands, never the whole of an admonition's body:
 * an admonition there takes code only to go on with a body begun under its marker line (as toMarkdown
 * writes a body of several blocks).
 */
export function withAdmonitions(nodes: readonly RootContent[], context: Context, inTask = false): readonly Flow[] {
  let out: Flow[] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    let read: Flow = node
    let taken = 1
    if (node.type === 'paragraph') {
      const found = inTask && index === 0 ? undefined : admonitionAt(nodes, index, context, !inTask)
      if (found) {
        read = found.admonition
        taken = found.taken
      }
    } else if (node.type === 'blockquote' || node.type === 'footnoteDefinition') {
      const children = withAdmonitions(node.children, context)
      if (children !== node.children) read = {...node, children} as Flow
    } else if (node.type === 'list') {
      const tasks = isChecklist(node)
      let changed = false
      const items = node.children.map((item) => {
        const children = withAdmonitions(item.children, context, tasks)
        if (children === item.children) return item
        changed = true
        return {...item, children} as typeof item
      })
      if (changed) read = {...node, children: items}
    }
    if (read !== node && !out) out = nodes.slice(0, index)
    out?.push(read)
    index += taken - 1
  }
  return out ?? nodes
}

/**
 * The admonition whose marker line starts the paragraph at `index`, if any. CommonMark reads the body as
 * a paragraph continuation or as indented code (the next node, taken too when `takesCode` or when the
 * body goes on from the lines right under the marker); it is
 * markdown, so it is parsed again from its source lines with positions mapped back into the file. Bodies
 * of plain lines or of one-line list entries, the common ones, are read from the paragraph CommonMark
 * already made instead: a second parse costs as much as the first did for those lines. Returns the
 * admonition and how many of `nodes` (from `index`) it took.
 */
function admonitionAt(
  nodes: readonly RootContent[],
  index: number,
  context: Context,
  takesCode: boolean
): {admonition: Admonition; taken: number} | undefined {
  const paragraph = nodes[index]
  if (paragraph?.type !== 'paragraph') return undefined
  const marker = markerOf(paragraph, context)
  if (!marker) return undefined
  const {place, match, kind, lead} = marker
  const lines = context.lines()
  const indent = new RegExp(`^${lead}(?: {4}|\\t)`)

  const first = place.start.line + 1
  let last = place.end.line
  for (let line = first; line <= last; line++) if (!indent.test(lines[line - 1] ?? '')) return undefined
  let taken = 1
  const next = takesCode || last >= first ? nodes[index + 1] : undefined
  const code = next?.type === 'code' ? positionOf(next) : undefined
  if (code && indent.test(lines[code.start.line - 1] ?? '') && lines.slice(last, code.start.line - 1).every((line) => blankLine.test(line))) {
    last = code.end.line
    taken = 2
  }

  if (last < first) return undefined
  // A blank line of the body is blank after its quote markers too (`> >` in a quote in a quote).
  const indents = lines.slice(first - 1, last).map((line) => indent.exec(line)?.[0].length ?? (blankLine.test(line) ? line.length : 0))
  const bodyLines = lines.slice(first - 1, last).map((line, at) => line.slice(indents[at]))
  // Lists are read from the paragraph only at the top, where the body sits four columns in.
  const listed = () => (lead === '' ? listBodyOf(paragraph, first, context) : undefined)
  const read = taken === 1 ? proseBodyOf(paragraph, bodyLines, context) ?? listed() : undefined
  const body = read ?? reparsedBodyOf(bodyLines, indents, first, context)
  const end = taken === 2 && code ? code.end : place.end
  const collapsible = collapsibleByMarker[match[1] as keyof typeof collapsibleByMarker]
  return {
    admonition: {
      type: 'admonition',
      kind,
      tag: match[2] ?? '',
      ...(collapsible ? {collapsible} : {}),
      title: match[3] ?? null,
      children: withAdmonitions(body, context),
      position: {start: place.start, end}
    },
    taken
  }
}

/**
 * The admonition marker a paragraph opens with (`!!! note`, `??? tip "Title"`), of a known kind, with where
 * the paragraph is and what stands before the marker on its line; undefined for any other paragraph.
 */
function markerOf(paragraph: MdastParagraph, context: Context) {
  const place = positionOf(paragraph)
  const head = place ? context.source.slice(place.start.offset, place.start.offset + 3) : ''
  if (!place || (head !== '!!!' && head !== '???')) return undefined
  const markerLine = context.lines()[place.start.line - 1] ?? ''
  const match = admonition.exec(markerLine.slice(place.start.column - 1))
  const kind = match ? context.keywords.admonitionKinds[(match[2] ?? '').toLowerCase()] : undefined
  // The body is indented past the marker, which itself may be indented (in a list entry, in another
  // body) or quoted: each body line starts as the marker line does.
  const lead = markerLine.slice(0, place.start.column - 1)
  if (!match || !kind || !/^[ \t>]*$/.test(lead)) return undefined
  return {place, match, kind, lead}
}

/**
 * Whether a paragraph opens an admonition: the header's fields end there, or a body that begins with a
 * field (`!!! note` then `    **Owner**: …` on the next line) would be read into the header.
 */
export function opensAdmonition(paragraph: MdastParagraph, context: Context): boolean {
  return markerOf(paragraph, context) !== undefined
}

/** A line with nothing on it but indentation and quote markers. */
const blankLine = /^[ \t>]*$/

/** The marker (`!!!`, `???`, `???+`), the type, and the title when there is one. */
const admonition = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z]+)(?:[ \t]+"([^"]*)")?[ \t]*$/
const collapsibleByMarker = {'!!!': undefined, '???': 'closed', '???+': 'open'} as const

/**
 * A line of plain words: it cannot start a block (it begins with a letter or digit, not a list number),
 * and holds no inline syntax that could run on across lines, where a continuation line keeps its
 * indentation (code spans, HTML, links, emphasis, escapes, entities).
 */
const proseLine = /^(?!\d{1,9}[.)](?:[ \t]|$))[\p{L}\p{N}][^`<>[\]\\&*_~|!]*$/u

/**
 * The body of an admonition whose lines are all plain words, taken from the paragraph CommonMark already
 * read them into (what follows the marker's line) instead of parsing them a second time: such lines
 * parse to one paragraph of the same text. Undefined for any other body, or when inline content runs
 * on from the marker's line.
 */
function proseBodyOf(paragraph: MdastParagraph, bodyLines: readonly string[], context: Context): MdastParagraph[] | undefined {
  if (!bodyLines.every((line) => proseLine.test(line))) return undefined
  const [lead, ...rest] = paragraph.children
  const cut = lead?.type === 'text' ? lead.value.indexOf('\n') : -1
  if (lead?.type !== 'text' || cut === -1) return undefined
  const value = lead.value.slice(cut + 1)
  const position = spanInText(lead.value, positionOf(lead), cut + 1, lead.value.length, context)
  const children = value === '' ? rest : [{type: 'text' as const, value, ...(position ? {position} : {})}, ...rest]
  return children.length > 0 ? [{type: 'paragraph', children}] : undefined
}

/**
 * The body parsed on its own, as any markdown, with positions in the file. `bodyLines` are its lines
 * without the indentation (`indents[n]` characters taken off line n), the first of them at file line `first`.
 */
export function reparsedBodyOf(bodyLines: readonly string[], indents: readonly number[], first: number, context: Context): RootContent[] {
  const body = bodyLines.join('\n')
  const count = context.definitions.size
  let tree = mdastFromFragment(count > 0 ? body + definitionsOf(context) : body)
  if (count > 0) {
    // Taken off again where they were read as definitions; a block left open (a fence) took them in.
    const appended = tree.children.slice(-count)
    if (appended.length === count && appended.every((node) => node.type === 'definition')) tree.children.splice(-count)
    else tree = mdastFromFragment(body)
  }
  shiftPositions(tree, first, indents, context)
  placeAutolinkLiterals(tree, context)
  return tree.children
}

/**
 * The file's link definitions for a body parsed on its own, so that its reference links resolve there as
 * they do in the rest of the file (their targets are read from the file's definitions, not these).
 */
function definitionsOf(context: Context): string {
  let out = '\n'
  for (const definition of context.definitions.values()) out += `\n[${definition.label ?? definition.identifier}]: #`
  return out
}

/** Maps positions of a body parsed on its own back to the file, where line n sits `indents[n]` deeper. */
function shiftPositions(tree: Root, firstLine: number, indents: readonly number[], context: Context): void {
  const map = (point: {line: number; column: number; offset?: number}) => {
    const line = firstLine + point.line - 1
    const column = point.column + (indents[point.line - 1] ?? 0)
    return context.pointAt(context.offsetAt(line, column)) ?? {line, column, offset: 0}
  }
  // A plain recursion: unist-util-visit keeps a list of parents per node, which nothing here reads.
  const shift = (node: Nodes) => {
    if (node.position) node.position = {start: map(node.position.start), end: map(node.position.end)}
    if ('children' in node) for (const child of node.children) shift(child as Nodes)
  }
  shift(tree)
}
