import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {dropIfOver, measureDue, measureEvery} from './compiled-code.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

test('the compiled code is dropped once its files outgrow the limit, and kept below it', () => {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-compiled-'))
  made.push(root)
  const folder = join(root, 'compiled')
  expect(dropIfOver(folder, 10)).toBe(false)
  mkdirSync(join(folder, 'v24-x64'), {recursive: true})
  writeFileSync(join(folder, 'v24-x64', 'a'), 'x'.repeat(6))
  expect(dropIfOver(folder, 10)).toBe(false)
  writeFileSync(join(folder, 'v24-x64', 'b'), 'x'.repeat(6))
  expect(dropIfOver(folder, 10)).toBe(true)
  expect(existsSync(folder)).toBe(false)
})

test('the folder is measured once, then not again until an hour has passed', () => {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-compiled-'))
  made.push(root)
  const folder = join(root, 'compiled')
  const now = Date.now()
  expect(measureDue(folder, now)).toBe(true)
  expect(measureDue(folder, now + 1000)).toBe(false)
  expect(measureDue(folder, now + measureEvery + 1000)).toBe(true)
  // Dropped, it is measured on the next command.
  rmSync(folder, {recursive: true, force: true})
  expect(measureDue(folder, now + measureEvery + 2000)).toBe(true)
})
