import {existsSync, lstatSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {collectRunbooks} from '../lib/collect.js'
import {stage} from './stage.js'

test('a file is built alone, its neighbours linked so its links still resolve', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-stage-'))
  mkdirSync(join(dir, 'scripts'))
  writeFileSync(join(dir, 'scripts/run.sh'), 'echo\n')
  writeFileSync(join(dir, 'other.md'), '# Other\n')
  writeFileSync(join(dir, 'deploy.md'), '# Deploy\n\n- [ ] Run [the script](scripts/run.sh)\n')
  const staged = stage(join(dir, 'deploy.md'))
  try {
    expect(staged.only).toBe('deploy.md')
    expect(lstatSync(join(staged.dir, 'scripts')).isSymbolicLink()).toBe(true)
    const loaded = await collectRunbooks(staged.dir)
    expect(loaded.map((each) => each.path)).toEqual(['deploy.md'])
    expect(JSON.stringify(loaded[0]!.runbook)).toContain('"exists":true')
  } finally {
    staged.cleanup()
  }
  expect(existsSync(staged.dir)).toBe(false)
})

test('a folder is used as it is; anything else is a one-line usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-stage-'))
  const staged = stage(dir)
  expect(staged.dir).toBe(dir)
  expect(staged.only).toBeUndefined()
  expect(() => stage(join(dir, 'missing.md'))).toThrow(/^no file or folder at '.*missing\.md'$/)
  writeFileSync(join(dir, 'notes.txt'), '')
  expect(() => stage(join(dir, 'notes.txt'))).toThrow(/is not a markdown file/)
})
