import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {LoaderContext} from 'astro/loaders'
import {afterEach, expect, test} from 'vitest'
import {runsheetLoader} from './loader.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** What of Astro's loader context the loader uses: a store, digests, validation and a logger. */
function contextFor(root: string) {
  const entries = new Map<string, {id: string; digest?: string | number}>()
  const sets: string[] = []
  const context = {
    config: {root: pathToFileURL(`${root}/`)},
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: {id: string; digest?: string | number}) => {
        sets.push(entry.id)
        entries.set(entry.id, entry)
        return true
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id)
    },
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
    parseData: async ({data}: {data: unknown}) => data,
    logger: {warn() {}, info() {}, error() {}, debug() {}}
  }
  return {context: context as unknown as LoaderContext, sets}
}

test('a sync that reads the models back from the cache leaves unchanged entries alone, whichever front end parsed them', async () => {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-loader-'))
  made.push(root)
  mkdirSync(join(root, 'runbooks'))
  writeFileSync(join(root, 'runbooks/deploy.md'), '# Deploy\n\n## Steps\n\n- [ ] Build\n\n  ```sh\n  make\n  ```\n')
  for (const frontEnd of ['satteri', 'remark'] as const) {
    const loader = runsheetLoader({base: 'runbooks', cache: join(root, `cache-${frontEnd}`), frontEnd})
    const {context, sets} = contextFor(root)
    await loader.load(context)
    expect(sets).toEqual(['deploy'])
    // Read from the cache this time: the same model, so the same digest.
    await loader.load(context)
    expect(sets, frontEnd).toEqual(['deploy'])
  }
})
