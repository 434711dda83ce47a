import {existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {collectRunbooks} from '../lib/collect.js'
import {scratchRoot} from '../lib/scratch-root.js'
import {stage} from './stage.js'

const made: string[] = []
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-stage-'))
  made.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

test('a file is built alone, its neighbours linked so its links still resolve', async () => {
  const dir = folder()
  mkdirSync(join(dir, 'scripts'))
  writeFileSync(join(dir, 'scripts/run.sh'), 'echo\n')
  writeFileSync(join(dir, 'other.md'), '# Other\n')
  writeFileSync(join(dir, 'deploy.md'), '# Deploy\n\n- [ ] Run [the script](scripts/run.sh)\n')
  const staged = stage(join(dir, 'deploy.md'))
  try {
    expect(staged.only).toBe('deploy.md')
    expect(staged.shownAs).toBeUndefined()
    expect(staged.dir.startsWith(scratchRoot)).toBe(true)
    expect(lstatSync(join(staged.dir, 'scripts')).isSymbolicLink()).toBe(true)
    const loaded = await collectRunbooks(staged.dir, {linksWithin: staged.linksWithin})
    expect(loaded.map((each) => each.path)).toEqual(['deploy.md'])
    expect(JSON.stringify(loaded[0]!.runbook)).toContain('"exists":true')
  } finally {
    staged.remove()
  }
  expect(existsSync(staged.dir)).toBe(false)
})

test('a file named on the command line is a runbook whatever its extension', async () => {
  const dir = folder()
  writeFileSync(join(dir, 'seed.txt'), '# 배포 체크리스트\n\n- [ ] 확인\n')
  const staged = stage(join(dir, 'seed.txt'))
  try {
    expect(staged.only).toBe('seed.md')
    expect(staged.shownAs).toBe('seed.txt')
    const loaded = await collectRunbooks(staged.dir)
    expect(loaded.map((each) => each.runbook.title)).toEqual(['배포 체크리스트'])
  } finally {
    staged.remove()
  }
})

test('a folder is used as it is; a missing path is a one-line usage error', () => {
  const dir = folder()
  const staged = stage(dir)
  expect(staged.dir).toBe(dir)
  expect(staged.only).toBeUndefined()
  expect(() => stage(join(dir, 'missing.md'))).toThrow(/^no file or folder at '.*missing\.md'$/)
})
