import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, expect, test} from 'vitest'
import {digestOfFiles, digestOfFolder} from './files-digest.js'

let folder: string
let memo: string
const later = () => Date.now() + 60_000

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'files-digest-'))
  memo = join(folder, 'memo', 'digests.json')
  writeFileSync(join(folder, 'a.ts'), 'export const a = 1\n')
  writeFileSync(join(folder, 'b.ts'), 'export const b = 2\n')
})

afterEach(() => rmSync(folder, {recursive: true, force: true}))

test('the same files give the same digest; another name, order or byte gives another', () => {
  const digest = digestOfFiles(folder, ['a.ts', 'b.ts'])
  expect(digestOfFiles(folder, ['a.ts', 'b.ts'])).toBe(digest)
  expect(digestOfFiles(folder, ['b.ts', 'a.ts'])).not.toBe(digest)
  writeFileSync(join(folder, 'c.ts'), 'export const a = 1\n')
  expect(digestOfFiles(folder, ['c.ts', 'b.ts'])).not.toBe(digest)
  writeFileSync(join(folder, 'a.ts'), 'export const a = 3\n')
  expect(digestOfFiles(folder, ['a.ts', 'b.ts'])).not.toBe(digest)
})

/** Rewrites a file with a modification time ten seconds back: a clock that ticks coarsely may not move in between. */
function rewritten(file: string, text: string): void {
  writeFileSync(file, text)
  const past = (Date.now() - 10_000) / 1000
  utimesSync(file, past, past)
}

test('files left alone long enough are remembered, and read again once one changed', () => {
  const digest = digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())
  const entries = JSON.parse(readFileSync(memo, 'utf8')) as [string, string][]
  expect(entries).toEqual([[expect.any(String), digest]])
  // What the memo says is what is given, while the files are as they were.
  const remembered = 'f'.repeat(64)
  writeFileSync(memo, JSON.stringify([[entries[0]![0], remembered]]))
  expect(digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())).toBe(remembered)
  // The same size: the change is seen by the file's times.
  rewritten(join(folder, 'b.ts'), 'export const b = 4\n')
  const changed = digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())
  expect(changed).not.toBe(remembered)
  expect(changed).not.toBe(digest)
  expect(changed).toBe(digestOfFiles(folder, ['a.ts', 'b.ts']))
})

test('files changed in the last seconds are read every time, not remembered', () => {
  digestOfFiles(folder, ['a.ts', 'b.ts'], memo)
  expect(existsSync(memo)).toBe(false)
})

test('a memo that cannot be read is made anew', () => {
  const digest = digestOfFiles(folder, ['a.ts'])
  writeFileSync(join(folder, 'broken.json'), '{not json')
  expect(digestOfFiles(folder, ['a.ts'], join(folder, 'broken.json'), later())).toBe(digest)
  expect(JSON.parse(readFileSync(join(folder, 'broken.json'), 'utf8'))).toEqual([[expect.any(String), digest]])
})

test("a folder's digest is that of its wanted files, in subfolders too, by their paths from it", () => {
  mkdirSync(join(folder, 'sub'))
  writeFileSync(join(folder, 'sub', 'c.ts'), 'export const c = 3\n')
  writeFileSync(join(folder, 'sub', 'c.test.ts'), 'test()\n')
  const wanted = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts')
  expect(digestOfFolder(folder, wanted)).toBe(digestOfFiles(folder, ['a.ts', 'b.ts', join('sub', 'c.ts')]))
  writeFileSync(join(folder, 'sub', 'c.test.ts'), 'test(1)\n')
  expect(digestOfFolder(folder, wanted)).toBe(digestOfFiles(folder, ['a.ts', 'b.ts', join('sub', 'c.ts')]))
})
