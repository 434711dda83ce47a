import type {Position} from '../schema/position.js'
import type {Context} from './context.js'
import {spanOf} from './context.js'
import {sourceCharacterAt} from './source-character.js'

/** Where each character of a text node's value is in the source: `starts[i]` to `ends[i]`. */
export interface Alignment {
  /** One more than the value has characters: the last is where the aligned source ends. */
  starts: number[]
  ends: number[]
}

/**
 * Where each character of a text node's value is in the source. The value differs from its source where
 * markdown removed something (`> ` and indentation of containers on continuation lines) or decoded it
 * (backslash escapes, character references such as `&nbsp;`, one character of the value for the whole
 * reference). Walking both in step, reading the source as markdown does and skipping what the value lacks,
 * finds each character's place; undefined when they cannot be aligned.
 */
export function alignmentOf(value: string, start: number, end: number, source: string): Alignment | undefined {
  // Lines and blanks slice one node many times in a row: keep the last alignment.
  if (last && last.value === value && last.start === start && last.end === end && last.source === source) return last.alignment
  // The text of an autolink literal (`www.a.b?x&amp;y`) is the source as written, references and all.
  const alignment = align(value, start, end, source, true) ?? align(value, start, end, source, false)
  last = {value, start, end, source, alignment}
  return alignment
}

let last: {value: string; start: number; end: number; source: string; alignment: Alignment | undefined} | undefined

function align(value: string, start: number, end: number, source: string, decode: boolean): Alignment | undefined {
  const starts: number[] = []
  const ends: number[] = []
  let at = start
  let index = 0
  while (index < value.length) {
    if (at >= end) return undefined
    const code = source.charCodeAt(at)
    // Most characters are themselves: only `&`, `\` and NUL are read by `sourceCharacterAt`.
    if (!decode || (code !== 38 && code !== 92 && code !== 0)) {
      if (code === value.charCodeAt(index)) {
        starts.push(at)
        ends.push(at + 1)
        index++
      }
      at++
      continue
    }
    const read = sourceCharacterAt(source, at, end)
    if (!value.startsWith(read.value, index)) {
      at++
      continue
    }
    // A reference may decode to two code units (`&#128512;`, `&NotGreaterFullEqual;`): each spans all of it.
    for (let unit = 0; unit < read.value.length; unit++) {
      starts.push(at)
      ends.push(read.end)
    }
    index += read.value.length
    at = read.end
  }
  starts.push(Math.min(at, end))
  return {starts, ends}
}

/** The position of `value.slice(from, to)` of a text node at `position`, when it can be placed. */
export function spanInText(
  value: string,
  position: Position | undefined,
  from: number,
  to: number,
  context: Context
): Position | undefined {
  if (!position) return undefined
  // Most texts are written as they read: each character is its own place, no alignment needed.
  if (to <= value.length && isVerbatim(value, position.start.offset, position.end.offset, context.source)) {
    const end = to <= from ? from : to
    // On the text's first line, a place is its start moved along (no search of the source's lines).
    const firstLine = lineEndIn(value, end)
    const pointAt = (at: number) =>
      at <= firstLine
        ? {line: position.start.line, column: position.start.column + at, offset: position.start.offset + at}
        : context.pointAt(position.start.offset + at)
    const start = pointAt(from)
    const stop = pointAt(end)
    return start && stop ? {start, end: stop} : undefined
  }
  const alignment = alignmentOf(value, position.start.offset, position.end.offset, context.source)
  if (!alignment) return undefined
  const startOffset = alignment.starts[from]
  const endOffset = to <= from ? startOffset : alignment.ends[to - 1]
  return startOffset === undefined || endOffset === undefined ? undefined : spanOf(context, startOffset, endOffset)
}

/**
 * Whether a text node's value is its source as written, `start` to `end`, with no character that markdown
 * could have decoded (`&`, `\`, NUL): then `alignmentOf` would place each character at its own offset.
 */
export function isVerbatim(value: string, start: number, end: number, source: string): boolean {
  return end - start === value.length && !decodable.test(value) && source.startsWith(value, start)
}

const decodable = /[&\\\0]/

/** Where the first line of `value` ends (at a line ending, or `value.length`), read no further than `limit`. */
function lineEndIn(value: string, limit: number): number {
  for (let index = 0; index < limit; index++) {
    const code = value.charCodeAt(index)
    if (code === 0x0a || code === 0x0d) return index
  }
  return limit
}
