import type {Point, Position} from '../schema/position.js'

/**
 * A `JSON.stringify` replacer that writes each position's points as `line`, `column`, `offset`, whichever
 * front end made them. The model shares the tree's position objects, and satteri lists their keys in
 * another order (`offset` first): with this replacer the JSON is the same text from remark and satteri.
 */
export function positionsInOrder(this: unknown, key: string, value: unknown): unknown {
  return isNodePosition(this, key, value) ? {start: pointInOrder(value.start), end: pointInOrder(value.end)} : value
}

/** A `JSON.stringify` replacer that leaves positions out. */
export function withoutPositions(this: unknown, key: string, value: unknown): unknown {
  return isNodePosition(this, key, value) ? undefined : value
}

/**
 * Whether `value`, under `key` of `holder`, is the position of a model node. A replacer sees one key and
 * its holder, not the path: front matter is the author's data, and may hold a `position` of any shape,
 * under a `type` or not, which stays as written. So the objects under `frontmatter` are noted when the
 * replacer meets that key (before it walks into them) and no holder among them has a node's position.
 * Called directly rather than by `JSON.stringify` there is no holder (`this` is undefined): the caller
 * walks the model and skips front matter itself (as the site's client model does), so the shape decides.
 */
function isNodePosition(holder: unknown, key: string, value: unknown): value is Position {
  if (key === 'frontmatter') noteData(value)
  if (key !== 'position' || !isPosition(value)) return false
  return holder === undefined || (isNode(holder) && !data.has(holder))
}

/** The objects of front matter met so far; weak, so a model's data goes when the model does. */
const data = new WeakSet<object>()

function noteData(value: unknown): void {
  if (typeof value !== 'object' || value === null || data.has(value)) return
  data.add(value)
  for (const child of Object.values(value)) noteData(child)
}

/** Every model node, as every mdast node, has a `type`. */
function isNode(value: unknown): value is {type: string} {
  return typeof value === 'object' && value !== null && typeof (value as {type?: unknown}).type === 'string'
}

/** A position's shape: `start` and `end`, each of `line`, `column` and `offset` and nothing else. */
function isPosition(value: unknown): value is Position {
  if (value === null || typeof value !== 'object') return false
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
