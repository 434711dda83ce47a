import {createHash} from 'node:crypto'
import {EventEmitter} from 'node:events'
import {mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {LoaderContext} from 'astro/loaders'
import {afterEach, expect, test, vi} from 'vitest'
import {runsheetLoader} from './loader.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** What of Astro's loader context the loader uses: a store, digests, validation, a logger and, in dev, a watcher. */
function contextFor(root: string, watcher?: EventEmitter) {
  const entries = new Map<string, {id: string; digest?: string | number; data?: unknown; filePath?: string}>()
  const sets: string[] = []
  const logged: string[] = []
  const context = {
    watcher,
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
    logger: {
      warn: (line: string) => void logged.push(`warn ${line}`),
      error: (line: string) => void logged.push(`error ${line}`),
      info() {},
      debug() {}
    }
  }
  return {context: context as unknown as LoaderContext, sets, entries, logged}
}

/** A project folder with `runbooks/` holding `files`. */
function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-loader-'))
  made.push(root)
  mkdirSync(join(root, 'runbooks'))
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, 'runbooks', path), text)
  return root
}

/** A file watcher as the loader uses Astro's: events, and `add` to watch a folder. */
function fakeWatcher() {
  return Object.assign(new EventEmitter(), {add: vi.fn()})
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

test('runbooks whose ids collide: the first in path order is kept, the other reported as an error naming both', async () => {
  const root = projectWith({
    'y.md': '# Y, md\n\n- [ ] One\n',
    'y.markdown': '# Y, markdown\n\n- [ ] One\n',
    'a#b.md': '# A hash B\n\n- [ ] One\n',
    'a-b.md': '# A dash B\n\n- [ ] One\n'
  })
  const {context, entries, logged} = contextFor(root)
  await runsheetLoader({base: 'runbooks'}).load(context)
  expect([...entries.keys()].sort()).toEqual(['a-b', 'y'])
  expect(entries.get('y')).toMatchObject({filePath: 'runbooks/y.markdown', data: {title: 'Y, markdown'}})
  expect(entries.get('a-b')).toMatchObject({filePath: 'runbooks/a#b.md', data: {title: 'A hash B'}})
  expect(logged).toEqual([
    'error runbooks/a-b.md:1:1  error  Its entry id would be `a-b`, which is already the id of `runbooks/a#b.md`: it is left out of the collection; rename one of the two files  runsheet:id-conflict',
    'error runbooks/y.md:1:1  error  Its entry id would be `y`, which is already the id of `runbooks/y.markdown`: it is left out of the collection; rename one of the two files  runsheet:id-conflict'
  ])
})

test('messages name files from the project root, also in a folder beside it', async () => {
  const root = projectWith({})
  mkdirSync(join(root, 'site'))
  writeFileSync(join(root, 'runbooks/fresh.md'), '# Fresh\n\n- [ ] See [the guide](missing.md)\n')
  const {context, logged} = contextFor(join(root, 'site'))
  await runsheetLoader({base: '../runbooks'}).load(context)
  expect(logged).toHaveLength(1)
  expect(logged[0]).toMatch(/^warn \.\.\/runbooks\/fresh\.md:3:11 {2}warning .*missing\.md.* {2}runsheet:unresolved-link$/)
})

test('in dev, a rename reports the file once, a later change only what changed, and a missing folder one error', async () => {
  const root = projectWith({'old.md': '# Old\n\n- [ ] See [the guide](missing.md)\n', 'other.md': '# Other\n\n- [ ] One\n'})
  const dir = join(root, 'runbooks')
  const watcher = fakeWatcher()
  const {context, entries, logged} = contextFor(root, watcher)
  await runsheetLoader({base: 'runbooks'}).load(context)
  expect(logged).toEqual([expect.stringMatching(/^warn runbooks\/old\.md:3:11 /)])
  expect(watcher.add).toHaveBeenCalledWith(dir)

  renameSync(join(dir, 'old.md'), join(dir, 'new.md'))
  watcher.emit('unlink', join(dir, 'old.md'))
  watcher.emit('add', join(dir, 'new.md'))
  // Another change after the rename: once its message is out, the syncs of the rename are over.
  writeFileSync(join(dir, 'other.md'), '# Other\n\n- [ ] See [the other guide](absent.md)\n')
  watcher.emit('change', join(dir, 'other.md'))
  await vi.waitFor(() => expect(logged.some((line) => line.startsWith('warn runbooks/other.md:3:11 '))).toBe(true))
  expect(logged.slice(1)).toEqual([expect.stringMatching(/^warn runbooks\/new\.md:3:11 /), expect.stringMatching(/^warn runbooks\/other\.md:3:11 /)])
  expect([...entries.keys()].sort()).toEqual(['new', 'other'])

  logged.length = 0
  renameSync(dir, `${dir}-away`)
  watcher.emit('unlinkDir', dir)
  watcher.emit('unlink', join(dir, 'new.md'))
  watcher.emit('unlink', join(dir, 'other.md'))
  await vi.waitFor(() => expect(logged).toHaveLength(1))
  expect(logged[0]).toMatch(/^error runbooks: the runbooks could not be read \(ENOENT.*\); the collection is kept as it was$/)
  expect([...entries.keys()].sort()).toEqual(['new', 'other'])
  // Watched again, so that its return is seen.
  expect(watcher.add).toHaveBeenLastCalledWith(dir)
  expect(watcher.add).toHaveBeenCalledTimes(2)

  // Back: read again at the next change, its messages as they were before it went not repeated.
  renameSync(`${dir}-away`, dir)
  writeFileSync(join(dir, 'third.md'), '# Third\n\n- [ ] One\n')
  watcher.emit('add', join(dir, 'third.md'))
  await vi.waitFor(() => expect([...entries.keys()].sort()).toEqual(['new', 'other', 'third']))
  expect(logged).toHaveLength(1)
})
