import type {Inline, Text} from '../schema/inline.js'
import type {Position} from '../schema/position.js'
import type {Context} from './context.js'
import {spanInText} from './offsets.js'
import {withPosition} from './inline.js'

/** One line of a paragraph, and what ended it (a hard break, a newline, or nothing at the end). */
export interface Line {
  inlines: Inline[]
  end: Inline | null
}

/** Splits paragraph content at hard breaks and at newlines inside text. */
export function linesOf(inlines: readonly Inline[], context: Context): Line[] {
  const lines: Line[] = []
  let current: Inline[] = []
  for (const node of inlines) {
    if (node.type === 'break') {
      lines.push({inlines: current, end: node})
      current = []
      continue
    }
    if (node.type !== 'text' || !/[\r\n]/.test(node.value)) {
      current.push(node)
      continue
    }
    // CommonMark ends a line at `\r\n`, `\r` or `\n`: splitting at `\n` alone leaves `\r` on the line before.
    let offset = 0
    for (const ending of node.value.matchAll(/\r\n|\r|\n/g)) {
      if (ending.index > offset) current.push(sliceText(node, offset, ending.index, context))
      offset = ending.index + ending[0].length
      lines.push({inlines: current, end: sliceText(node, ending.index, offset, context)})
      current = []
    }
    if (offset < node.value.length) current.push(sliceText(node, offset, node.value.length, context))
  }
  lines.push({inlines: current, end: null})
  return lines
}

/** Joins lines back into paragraph content, merging adjacent texts. */
export function joinLines(lines: readonly Line[]): Inline[] {
  const out: Inline[] = []
  for (const line of lines) {
    for (const node of [...line.inlines, ...(line.end ? [line.end] : [])]) {
      const previous = out[out.length - 1]
      if (previous?.type === 'text' && node.type === 'text') {
        out[out.length - 1] = mergeTexts(previous, node)
      } else out.push(node)
    }
  }
  return out
}

/** The part `from`–`to` of a text node, placed in the source. */
export function sliceText(node: Text, from: number, to: number, context: Context): Text {
  return withPosition({type: 'text', value: node.value.slice(from, to)}, spanInText(node.value, node.position, from, to, context))
}

/** Two pieces of one text node merge back into one span, over the indentation markdown stripped between them. */
function mergeTexts(a: Text, b: Text): Text {
  const position: Position | undefined =
    a.position && b.position && a.position.end.offset <= b.position.start.offset
      ? {start: a.position.start, end: b.position.end}
      : undefined
  return withPosition({type: 'text', value: a.value + b.value}, position)
}

/** The span from the first to the last positioned node of a line. */
export function spanOfInlines(inlines: readonly Inline[]): Position | undefined {
  const first = inlines.find((node) => node.position)?.position
  const last = inlines.findLast((node) => node.position)?.position
  return first && last ? {start: first.start, end: last.end} : undefined
}

/** Drops leading whitespace (and a leading `:`, when asked) from inline content. */
export function trimStart(inlines: readonly Inline[], colon = false, context?: Context): Inline[] {
  const out = [...inlines]
  while (out.length > 0) {
    const first = out[0]!
    if (first.type !== 'text') break
    const match = (colon ? /^\s*[:：]?\s*/ : /^\s*/).exec(first.value)
    const cut = match?.[0].length ?? 0
    if (cut === 0) break
    if (cut === first.value.length) {
      out.shift()
      if (colon) colon = !/[:：]/.test(first.value)
      continue
    }
    out[0] = context ? sliceText(first, cut, first.value.length, context) : {type: 'text', value: first.value.slice(cut)}
    break
  }
  return out
}

/** Drops trailing whitespace from inline content. */
export function trimEnd(inlines: readonly Inline[], context?: Context): Inline[] {
  const out = [...inlines]
  while (out.length > 0) {
    const last = out[out.length - 1]!
    if (last.type !== 'text') break
    const kept = last.value.replace(/\s+$/, '')
    if (kept.length === last.value.length) break
    if (kept === '') {
      out.pop()
      continue
    }
    out[out.length - 1] = context ? sliceText(last, 0, kept.length, context) : {type: 'text', value: kept}
    break
  }
  return out
}
