import type {Definition} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Keywords} from '../keywords/types.js'
import type {Point, Position} from '../schema/position.js'
import {IdRegistry} from './ids.js'
import type {ParseOptions} from './options.js'

/** What every step of the pipeline reads: the source, the vocabulary, and where messages go. */
export interface Context {
  source: string
  file: VFile
  options: ParseOptions
  keywords: Keywords
  /** Link definitions by normalised identifier, so reference links can be resolved. */
  definitions: Map<string, Definition>
  /** Section and item ids handed out so far. */
  ids: IdRegistry
  pointAt: (offset: number) => Point | undefined
  /** The offset of a 1-indexed line and column. */
  offsetAt: (line: number, column: number) => number
  /** The source split into lines, computed once. */
  lines: () => string[]
}

export function createContext(
  source: string,
  file: VFile,
  options: ParseOptions,
  keywords: Keywords
): Context {
  const place = location(source)
  let lines: string[] | undefined
  return {
    source,
    file,
    options,
    keywords,
    definitions: new Map(),
    ids: new IdRegistry(),
    offsetAt(line, column) {
      return place.toOffset({line, column}) ?? source.length
    },
    lines() {
      lines ??= source.split(/\r?\n/)
      return lines
    },
    pointAt(offset) {
      const point = place.toPoint(offset)
      return point && point.offset !== undefined
        ? {line: point.line, column: point.column, offset: point.offset}
        : undefined
    }
  }
}

/**
 * The position of an mdast node, as the model's (offsets required), or undefined when incomplete. The
 * model takes the tree's position objects as they are, not copies: a position per node is most of
 * what building the model allocates, and nothing in the model changes one in place.
 */
export function positionOf(node: {position?: unknown}): Position | undefined {
  const position = node.position as Partial<Position> | undefined
  return position?.start?.offset === undefined || position.end?.offset === undefined ? undefined : (position as Position)
}

/** The position spanning offsets `start` to `end`. */
export function spanOf(context: Context, start: number, end: number): Position | undefined {
  const from = context.pointAt(start)
  const to = context.pointAt(end)
  return from && to ? {start: from, end: to} : undefined
}
