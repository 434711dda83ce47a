import type {Position} from '../schema/position.js'
import type {Context} from './context.js'
import {spanOf} from './context.js'

/**
 * The source offset of each character of a text node's value. The value differs from its source where
 * markdown removed something: `> ` and indentation of containers on continuation lines, backslash
 * escapes. Walking both in step and skipping what the value lacks finds each character's place;
 * undefined when they cannot be aligned (entities, for instance).
 */
export function offsetsOf(value: string, start: number, end: number, source: string): number[] | undefined {
  // Lines and blanks slice one node many times in a row: keep the last alignment.
  if (last && last.value === value && last.start === start && last.end === end && last.source === source) return last.offsets
  const offsets = align(value, start, end, source)
  last = {value, start, end, source, offsets}
  return offsets
}

let last: {value: string; start: number; end: number; source: string; offsets: number[] | undefined} | undefined

function align(value: string, start: number, end: number, source: string): number[] | undefined {
  const offsets: number[] = []
  let at = start
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!
    while (at < end && source[at] !== character) at++
    if (at >= end) return undefined
    offsets.push(at)
    at++
  }
  offsets.push(Math.min(at, end))
  return offsets
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
  const offsets = offsetsOf(value, position.start.offset, position.end.offset, context.source)
  if (!offsets) return undefined
  const startOffset = offsets[from]
  const endOffset = to === 0 ? startOffset : (offsets[to - 1] ?? -1) + 1
  return startOffset === undefined || endOffset === undefined ? undefined : spanOf(context, startOffset, endOffset)
}
