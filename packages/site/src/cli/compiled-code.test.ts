import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {dropIfOver} from './compiled-code.js'

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
