import {expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import type {Point} from '../schema/position.js'
import {positionsInOrder, withoutPositions} from './positions-in-order.js'

const text = '---\nposition: on call\nplace:\n  position: {start: 1, end: 2}\n---\n# Deploy\n\n## Steps\n\n- [ ] Build\n'

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
    expect(JSON.parse(JSON.stringify(runbook, replacer)).frontmatter).toEqual({position: 'on call', place: {position: {start: 1, end: 2}}})
  }
  const stripped = JSON.stringify(runbook, withoutPositions)
  expect(stripped).not.toContain('"offset"')
  expect(stripped).toContain('"text":"Build"')
})
