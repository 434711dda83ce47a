import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {defaultCacheFolder, tendCacheFolders} from './cache-folder.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-cache-folder-'))
  made.push(root)
  mkdirSync(join(root, 'node_modules'))
  mkdirSync(join(root, 'docs', 'runbooks'), {recursive: true})
  return root
}

test('the cache is in the nearest node_modules above the current folder, one folder per runbook folder and output', () => {
  const root = project()
  const from = join(root, 'docs')
  const cache = defaultCacheFolder(join(root, 'docs/runbooks'), join(root, 'dist'), from)
  expect(cache).toMatch(new RegExp(`^${root}/node_modules/\\.cache/runsheet/[0-9a-f]{16}$`))
  expect(defaultCacheFolder(join(root, 'docs/runbooks'), join(root, 'dist'), from)).toBe(cache)
  expect(defaultCacheFolder(join(root, 'docs/runbooks'), join(root, 'other'), from)).not.toBe(cache)
  expect(defaultCacheFolder(join(root, 'docs/runbooks'), 'dist', '/')).toBeUndefined()
})

test('a build notes its folders, and removes the caches of runbook folders that are gone', () => {
  const root = project()
  const gone = join(root, 'gone')
  mkdirSync(gone)
  const first = defaultCacheFolder(join(root, 'docs/runbooks'), join(root, 'dist'), root)!
  const second = defaultCacheFolder(gone, join(root, 'dist2'), root)!
  tendCacheFolders(second, gone, join(root, 'dist2'))
  tendCacheFolders(first, join(root, 'docs/runbooks'), join(root, 'dist'))
  expect(existsSync(second)).toBe(true)
  rmSync(gone, {recursive: true})
  const unknown = join(root, 'node_modules/.cache/runsheet/0123456789abcdef')
  mkdirSync(unknown)
  tendCacheFolders(first, join(root, 'docs/runbooks'), join(root, 'dist'))
  expect(readdirSync(join(root, 'node_modules/.cache/runsheet')).sort()).toEqual([first.split('/').pop(), '0123456789abcdef'].sort())
})
