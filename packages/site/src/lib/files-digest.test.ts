import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, expect, test} from 'vitest'
import {digestOfFiles} from './files-digest.js'

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

test('files left alone long enough are remembered, and a file changed since is read again', () => {
  const digest = digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())
  expect(JSON.parse(readFileSync(memo, 'utf8'))).toEqual([[expect.any(String), digest]])
  expect(digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())).toBe(digest)
  // The same size: the change is seen by the file's times.
  writeFileSync(join(folder, 'b.ts'), 'export const b = 4\n')
  const changed = digestOfFiles(folder, ['a.ts', 'b.ts'], memo, later())
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
