import {parseRunbook, toMarkdown, walk, type Runbook} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {emptyRecord, isChecked, progressOf, readRecord, setBlank, setChoice, setItem, type Step} from './record.js'

const {runbook} = parseRunbook(
  ['# Deploy', '', '**Owner**: ______', '', '## Steps', '', '- [ ] First', '- [x] Second', '', '## Sign-off', '', '**Status**: [ ] Done [ ] Failed', ''].join('\n'),
  {path: 'deploy.md'}
)
const at = '2026-01-02T03:04:05+09:00'
const empty = emptyRecord(runbook)

/** The steps as the page shows them: each task with the sections it is in. */
function stepsOf(model: Runbook): Step[] {
  const steps: Step[] = []
  walk(model, (node, ancestors) => {
    if (node.type !== 'item' || node.checked === null) return
    steps.push({id: node.id, checked: node.checked, sections: ancestors.flatMap((each) => (each.type === 'section' ? [each.id] : []))})
  })
  return steps
}

test('ticks, values and choices are recorded with their time and written by toMarkdown', () => {
  const first = runbook.children.flatMap((block) => (block.type === 'section' ? block.children : [])).find((block) => block.type === 'checklist')
  const id = first?.type === 'checklist' ? first.items[0]!.id : ''
  let record = setItem(empty, id, true, at)
  record = setBlank(record, 'header--owner', 'Kim', at)
  record = setChoice(record, 'sign-off--status', 'Done', at)
  expect(record.items[id]).toEqual({value: true, at})
  expect(record.startedAt).toBe(at)
  const markdown = toMarkdown(runbook, {record})
  expect(markdown).toContain('- [x] First')
  expect(markdown).toContain('**Owner**: Kim')
  expect(markdown).toMatch(/\[x\] Done/)
})

test('progress counts source ticks and the run, per section', () => {
  const steps = stepsOf(runbook)
  const progress = progressOf(steps, empty)
  expect([progress.done, progress.total]).toEqual([1, 2])
  expect(progress.sections.get('steps')).toEqual({done: 1, total: 2})
  const run = progressOf(steps, setItem(setItem(empty, steps[0]!.id, true, at), steps[1]!.id, false, at))
  expect([run.done, run.total]).toEqual([1, 2])
  expect(progressOf(steps, setItem(empty, steps[0]!.id, true, at)).sections.get('steps')).toEqual({done: 2, total: 2})
})

test('a saved record is read back; garbage gives an empty record', () => {
  const record = setBlank(empty, 'header--owner', 'Lee', at)
  expect(readRecord(JSON.stringify(record), empty).blanks).toEqual(record.blanks)
  expect(readRecord('{not json', empty)).toEqual(empty)
  expect(readRecord(JSON.stringify({format: 'other'}), empty)).toEqual(empty)
  const partly = JSON.stringify({...record, items: {a: {value: 'yes', at}, b: {value: true, at}}})
  expect(readRecord(partly, empty).items).toEqual({b: {value: true, at}})
})

test('an emptied blank leaves the record', () => {
  const record = setBlank(setBlank(empty, 'x', 'a', at), 'x', '', at)
  expect(record.blanks).toEqual({})
})

test("record lookups and writes use own properties: ids named constructor or __proto__ are steps like any other", () => {
  let record = emptyRecord(parseRunbook('- [ ] constructor\n').runbook)
  expect(isChecked({id: 'constructor', checked: false}, record)).toBe(false)
  record = setBlank(record, '__proto__', 'x', '2025-01-01T00:00:00Z')
  expect(Object.hasOwn(record.blanks, '__proto__')).toBe(true)
  expect(Object.getPrototypeOf(record.blanks)).toBe(Object.prototype)
  record = setBlank(record, '__proto__', '', '2025-01-01T00:00:01Z')
  expect(Object.keys(record.blanks)).toEqual([])
})
