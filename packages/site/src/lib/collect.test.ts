import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {parseRunbook} from '@runsheet/parser'
import {collectRunbooks, existsIn} from './collect.js'

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'runsheet-collect-'))
  writeFileSync(join(dir, 'a.md'), '# A\n')
  writeFileSync(join(dir, 'b.md'), '# B\n\n- [ ] 폭발\n')
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

test('a parse that throws (a parser bug: content never makes it throw) fails the build naming the file', async () => {
  const frontEnd = {
    name: 'failing',
    parse: (source: string) => {
      if (source.includes('폭발')) throw new TypeError('boom')
      return {type: 'root' as const, children: []}
    }
  }
  await expect(collectRunbooks(dir, {parse: {frontEnd}, workersFrom: Infinity})).rejects.toThrow(/^parsing b\.md failed: boom$/)
})

test('a path exists only inside the folder: never through `..` or a symbolic link that leaves it', () => {
  const outside = mkdtempSync(join(tmpdir(), 'runsheet-outside-'))
  try {
    const root = join(dir, 'root')
    mkdirSync(join(root, 'docs'), {recursive: true})
    writeFileSync(join(root, 'docs', 'in.md'), '# In\n')
    writeFileSync(join(outside, 'secret.md'), '# Secret\n')
    symlinkSync(outside, join(root, 'escape'))
    symlinkSync(join(root, 'docs'), join(root, 'alias'))
    const exists = existsIn(root)
    expect(exists('docs/in.md')).toBe(true)
    expect(exists('docs')).toBe(true)
    // A link inside the folder is followed: it stays in.
    expect(exists('alias/in.md')).toBe(true)
    expect(exists('escape/secret.md')).toBe(false)
    expect(exists('escape')).toBe(false)
    expect(exists('docs/../docs/in.md')).toBe(false)
    expect(exists('docs/missing.md')).toBe(false)
  } finally {
    rmSync(outside, {recursive: true, force: true})
  }
})

test('a runbook larger than the parser reads is refused without being read whole, as the parser refuses it', async () => {
  const big = join(dir, 'big')
  mkdirSync(big)
  const text = '# Big\n\n- [ ] Step\n'.repeat(10)
  writeFileSync(join(big, 'big.md'), text)
  writeFileSync(join(big, 'small.md'), '# Small\n')
  const loaded = await collectRunbooks(big, {parse: {maxBytes: 50}})
  const refused = loaded.find((each) => each.path === 'big.md')!
  const parsed = parseRunbook(text, {maxBytes: 50, path: 'big.md', root: '', exists: () => false})
  expect(refused.messages.map(String)).toEqual(parsed.messages.map(String))
  expect(refused.messages[0]!.ruleId).toBe('too-large')
  expect(refused.runbook).toEqual(parsed.runbook)
  expect(loaded.find((each) => each.path === 'small.md')!.messages).toEqual([])
})
