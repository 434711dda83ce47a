import type {Point, Position} from '../schema/position.js'

/**
 * A `JSON.stringify` replacer that writes each position's points as `line`, `column`, `offset`, whichever
 * front end made them. The model shares the tree's position objects, and satteri lists their keys in
 * another order (`offset` first): with this replacer the JSON is the same text from remark and satteri.
 */
export function positionsInOrder(key: string, value: unknown): unknown {
  return isPosition(key, value) ? {start: pointInOrder(value.start), end: pointInOrder(value.end)} : value
}

/** A `JSON.stringify` replacer that leaves positions out. */
export function withoutPositions(key: string, value: unknown): unknown {
  return isPosition(key, value) ? undefined : value
}

/**
 * A model's position: `start` and `end`, each of `line`, `column` and `offset` and nothing else. A replacer
 * sees keys, not where they are: front matter may hold a `position` of its own, which is data, and is
 * left as it is unless it has exactly this shape.
 */
function isPosition(key: string, value: unknown): value is Position {
  if (key !== 'position' || value === null || typeof value !== 'object') return false
  const {start, end} = value as Partial<Position>
  return Object.keys(value).length === 2 && isPoint(start) && isPoint(end)
}

function isPoint(value: unknown): value is Point {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 3) return false
  const {line, column, offset} = value as Partial<Point>
  return Number.isInteger(line) && Number.isInteger(column) && Number.isInteger(offset)
}

function pointInOrder(point: Point): Point {
  return {line: point.line, column: point.column, offset: point.offset}
}
