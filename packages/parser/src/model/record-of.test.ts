import {expect, test} from 'vitest'
import {isRecordOf} from './record-of.js'

const runbook = {sha256: 'a'.repeat(64), path: 'ops/deploy.md', title: '배포'}

test('a record is of a runbook by its edition, its file or its title', () => {
  expect(isRecordOf({...runbook, path: 'other.md', title: 'Other'}, runbook)).toBe(true)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: 'deploy.md', title: 'Other'}, runbook)).toBe(true)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: 'ops/deploy.md', title: 'Other'}, {...runbook, path: '/home/kim/repo/ops/deploy.md'})).toBe(true)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: 'repo/ops/deploy.md', title: 'Other'}, runbook)).toBe(true)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: null, title: '배포'}, runbook)).toBe(true)
})

test('a record of another runbook is not: another edition, file and title; a name that only ends alike', () => {
  expect(isRecordOf({sha256: 'b'.repeat(64), path: 'web.md', title: 'Web'}, runbook)).toBe(false)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: 'loy.md', title: ''}, runbook)).toBe(false)
  expect(isRecordOf({sha256: 'b'.repeat(64), path: null, title: ''}, {...runbook, title: ''})).toBe(false)
})
