import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {collectRunbooks} from './collect.js'

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
