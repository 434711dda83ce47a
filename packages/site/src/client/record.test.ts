import {parseRunbook, toMarkdown} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {emptyRecord, progressOf, readRecord, setBlank, setChoice, setItem} from './record.js'

const {runbook} = parseRunbook(
  ['# Deploy', '', '**Owner**: ______', '', '## Steps', '', '- [ ] First', '- [x] Second', '', '## Sign-off', '', '**Status**: [ ] Done [ ] Failed', ''].join('\n'),
  {path: 'deploy.md'}
)
const at = '2026-01-02T03:04:05+09:00'

test('ticks, values and choices are recorded with their time and written by toMarkdown', () => {
  const first = runbook.children.flatMap((block) => (block.type === 'section' ? block.children : [])).find((block) => block.type === 'checklist')
  const id = first?.type === 'checklist' ? first.items[0]!.id : ''
  let record = setItem(emptyRecord(runbook), id, true, at)
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
  const progress = progressOf(runbook, emptyRecord(runbook))
  expect([progress.done, progress.total]).toEqual([1, 2])
  expect(progress.sections.get('steps')).toEqual({done: 1, total: 2})
})

test('a saved record is read back; garbage gives an empty record', () => {
  const record = setBlank(emptyRecord(runbook), 'header--owner', 'Lee', at)
  expect(readRecord(JSON.stringify(record), runbook).blanks).toEqual(record.blanks)
  expect(readRecord('{not json', runbook)).toEqual(emptyRecord(runbook))
  expect(readRecord(JSON.stringify({format: 'other'}), runbook)).toEqual(emptyRecord(runbook))
  const partly = JSON.stringify({...record, items: {a: {value: 'yes', at}, b: {value: true, at}}})
  expect(readRecord(partly, runbook).items).toEqual({b: {value: true, at}})
})

test('an emptied blank leaves the record', () => {
  const record = setBlank(setBlank(emptyRecord(runbook), 'x', 'a', at), 'x', '', at)
  expect(record.blanks).toEqual({})
})
