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
