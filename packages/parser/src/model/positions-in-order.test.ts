import {expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import type {Point} from '../schema/position.js'
import {positionsInOrder, withoutPositions} from './positions-in-order.js'

const text = '---\nposition: on call\nplace:\n  position: {start: 1, end: 2}\nnear:\n  position: {start: {line: 1, offset: 0}, end: {line: 2, offset: 9, note: x}}\n---\n# Deploy\n\n## Steps\n\n- [ ] Build\n'

/** A point as satteri makes it: `offset` first. */
const offsetFirst = ({line, column, offset}: Point) => ({offset, line, column}) as Point

test('positionsInOrder writes every point as line, column, offset, whatever order its keys were made in', () => {
  const {runbook} = parseRunbook(text)
  const remarkJson = JSON.stringify(runbook)
  const section = runbook.children.find((block) => block.type === 'section')!
  const {start, end} = section.position!
  section.position = {start: offsetFirst(start), end: offsetFirst(end)}
  expect(JSON.stringify(runbook)).not.toBe(remarkJson)
  expect(JSON.stringify(runbook, positionsInOrder)).toBe(remarkJson)
  expect(JSON.stringify(runbook, positionsInOrder)).toContain(`"start":{"line":${start.line},"column":${start.column},"offset":${start.offset}}`)
})

test('front matter that holds a `position` of its own keeps it, with positions and without', () => {
  const {runbook} = parseRunbook(text)
  for (const replacer of [positionsInOrder, withoutPositions]) {
    expect(JSON.parse(JSON.stringify(runbook, replacer)).frontmatter).toEqual(runbook.frontmatter)
  }
  const stripped = JSON.stringify(runbook, withoutPositions)
  // The model's points all have a column; the front matter's look-alikes do not.
  expect(stripped).not.toContain('"column"')
  expect(stripped).toContain('"text":"Build"')
})

// Found by a review: a front matter `position` of a position's very shape was taken for the model's, and
// `--no-positions` deleted it (`items: [{}]`), `positionsInOrder` reordered its keys.
const positionShaped = [
  '---',
  'position: {start: {offset: 9, line: 1, column: 2}, end: {offset: 12, line: 1, column: 5}}',
  'items:',
  '  - position: {start: {offset: 0, line: 1, column: 1}, end: {offset: 3, line: 1, column: 4}}',
  '  - type: text',
  '    value: x',
  '    position: {start: {offset: 0, line: 1, column: 1}, end: {offset: 1, line: 1, column: 2}}',
  '---',
  '# Deploy',
  '',
  '- [ ] Build',
  ''
].join('\n')

test('front matter data of a position’s very shape, even under a `type`, stays as written with either replacer', () => {
  const {runbook} = parseRunbook(positionShaped)
  const asWritten = JSON.stringify(runbook.frontmatter)
  expect(asWritten).toContain('"position":{"start":{"offset":9,"line":1,"column":2}')
  for (const replacer of [positionsInOrder, withoutPositions]) {
    const json = JSON.stringify(runbook, replacer)
    expect(JSON.stringify(JSON.parse(json).frontmatter)).toBe(asWritten)
  }
  // The model's own positions still go, and are still put in order.
  const stripped = JSON.parse(JSON.stringify(runbook, withoutPositions))
  expect(stripped.position).toBeUndefined()
  expect(JSON.stringify(stripped.children)).not.toContain('"position"')
  expect(JSON.stringify(runbook.children, positionsInOrder)).toContain('"position":{"start":{"line":')
})

test('front matter is data wherever it is written from, and a frontmatter shared by two runbooks stays in both', () => {
  const {runbook} = parseRunbook(positionShaped)
  const frontmatter = runbook.frontmatter!
  const json = JSON.parse(JSON.stringify({a: runbook, b: {...runbook, frontmatter}}, withoutPositions))
  expect(json.a.frontmatter).toEqual(frontmatter)
  expect(json.b.frontmatter).toEqual(frontmatter)
  expect(json.b.position).toBeUndefined()
})

test('a position-shaped value on something that is not a node is data', () => {
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}
  expect(JSON.parse(JSON.stringify({place: {position}}, withoutPositions))).toEqual({place: {position}})
  expect(JSON.parse(JSON.stringify({type: 'text', position}, withoutPositions))).toEqual({type: 'text'})
})

test('called directly, with no holder, a position is known by its shape (the site walks the model itself)', () => {
  const position = {start: {offset: 0, line: 1, column: 1}, end: {offset: 1, line: 1, column: 2}}
  expect(positionsInOrder('position', position)).toEqual({start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}})
  expect(withoutPositions('position', position)).toBeUndefined()
  expect(withoutPositions('position', {start: 1, end: 2})).toEqual({start: 1, end: 2})
})
