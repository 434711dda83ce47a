import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {positionsInOrder, walk, type Link, type Runbook} from '@runsheet/parser'
import {VFileMessage} from 'vfile-message'
import {afterEach, expect, test} from 'vitest'
import {collectRunbooks} from './collect.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A runbook folder with these files, and a cache folder beside it. */
function folder(files: Record<string, string>): {dir: string; cache: string} {
  const root = mkdtempSync(join(tmpdir(), 'runsheet-model-cache-'))
  made.push(root)
  const dir = join(root, 'runbooks')
  mkdirSync(dir)
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text)
  return {dir, cache: join(root, 'cache')}
}

/**
 * Rewrites the title in every cached model (or outline): a title that comes back so was read from the
 * cache, not parsed.
 */
function markCached(cache: string, files: 'models' | 'outlines' = 'models'): void {
  for (const name of readdirSync(join(cache, 'models'))) {
    if (name.endsWith('.model.json') !== (files === 'models')) continue
    const file = join(cache, 'models', name)
    const entry = JSON.parse(readFileSync(file, 'utf8')) as {title: string; outline?: {title: string}}
    const titled = entry.outline ?? entry
    titled.title = `cached: ${titled.title}`
    writeFileSync(file, JSON.stringify(entry))
  }
}

/** The cached models' files, as written. */
const modelFiles = (cache: string) => readdirSync(join(cache, 'models')).filter((name) => name.endsWith('.model.json'))

function firstLink(runbook: Runbook): Link | undefined {
  let found: Link | undefined
  walk(runbook, (node) => {
    if (node.type === 'link' && !found) found = node
  })
  return found
}

const titles = async (dir: string, cache: string) => Object.fromEntries((await collectRunbooks(dir, {cache})).map((each) => [each.path, each.runbook.title]))

test('an unchanged runbook comes from the cache with its messages; an edited one is parsed again', async () => {
  const {dir, cache} = folder({'a.md': '# A\n\n- [ ] See [b](b.md)\n', 'b.md': '# B\n\n- [ ] Step\n'})
  const cold = await collectRunbooks(dir, {cache})
  expect(cold.find((each) => each.path === 'a.md')!.messages).toEqual([])
  markCached(cache)
  const warm = await collectRunbooks(dir, {cache})
  expect(warm.map((each) => each.runbook.title)).toEqual(['cached: A', 'cached: B'])
  expect({...warm[0]!, runbook: {...warm[0]!.runbook, title: 'A'}}).toEqual({...cold[0]!})

  writeFileSync(join(dir, 'b.md'), '# B edited\n\n- [ ] Step\n')
  expect(await titles(dir, cache)).toEqual({'a.md': 'cached: A', 'b.md': 'B edited'})
})

test('a runbook whose link now resolves differently is parsed again: the cache knows what the parse checked', async () => {
  const {dir, cache} = folder({'a.md': '# A\n\n- [ ] See [c](c.md)\n'})
  const [before] = await collectRunbooks(dir, {cache})
  expect(firstLink(before!.runbook)?.target.exists).toBe(false)
  expect(before!.messages.length).toBeGreaterThan(0)
  markCached(cache)
  const [cached] = await collectRunbooks(dir, {cache})
  expect(cached!.runbook.title).toBe('cached: A')
  expect(cached!.messages.map((message) => message instanceof VFileMessage)).toEqual(before!.messages.map(() => true))
  expect(cached!.messages.map((message) => [message.reason, message.ruleId, message.line, message.column])).toEqual(
    before!.messages.map((message) => [message.reason, message.ruleId, message.line, message.column])
  )

  writeFileSync(join(dir, 'c.md'), '# C\n')
  const after = await collectRunbooks(dir, {cache})
  expect(after.find((each) => each.path === 'a.md')!.runbook.title).toBe('A')
  expect(firstLink(after.find((each) => each.path === 'a.md')!.runbook)?.target.exists).toBe(true)
})

test('the cache keeps only the models of the last load', async () => {
  const {dir, cache} = folder({'a.md': '# A\n', 'b.md': '# B\n'})
  await collectRunbooks(dir, {cache})
  expect(readdirSync(join(cache, 'models'))).toHaveLength(4)
  rmSync(join(dir, 'b.md'))
  writeFileSync(join(dir, 'a.md'), '# A again\n')
  await collectRunbooks(dir, {cache})
  // The model and its outline.
  expect(readdirSync(join(cache, 'models'))).toHaveLength(2)
})

test('a model read from the cache is the parsed one, key for key and position for position', async () => {
  const seed = readFileSync(new URL('../../../../examples/production-deploy.ko.md', import.meta.url), 'utf8')
  const {dir, cache} = folder({'seed.ko.md': seed, 'b.md': '# B\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | [x](seed.ko.md) |\n'})
  const parsed = await collectRunbooks(dir, {cache})
  // Kept with positions as six numbers each: a third smaller.
  const kept = readFileSync(join(cache, 'models', modelFiles(cache)[0]!), 'utf8')
  expect(kept).toMatch(/"position":\[\d+,\d+,\d+,\d+,\d+,\d+\]/)
  expect(kept).not.toContain('"start":{"line"')
  const read = await collectRunbooks(dir, {cache})
  // Points are read back as line, column, offset; satteri makes them offset first (see positionsInOrder).
  expect(read.map((each) => JSON.stringify(each.runbook, positionsInOrder))).toEqual(parsed.map((each) => JSON.stringify(each.runbook, positionsInOrder)))
  expect(read.map((each) => each.digest)).toEqual(parsed.map((each) => each.digest))
  expect(read.map((each) => each.outline)).toEqual(parsed.map((each) => each.outline))
})

test('a cached model is read when first used, and parsed again from the same bytes when it is gone by then', async () => {
  const {dir, cache} = folder({'a.md': '# A\n\n- [ ] Step\n', 'b.md': '# B\n\n## Steps\n\n- [ ] One\n'})
  const [parsedA, parsedB] = await collectRunbooks(dir, {cache})
  markCached(cache, 'outlines')
  const [a, b] = await collectRunbooks(dir, {cache})
  expect([a!.outline.title, b!.outline.title]).toEqual(['cached: A', 'cached: B'])
  // Written after the load returned: what comes back was read then.
  markCached(cache)
  expect(a!.runbook.title).toBe('cached: A')
  for (const name of modelFiles(cache)) rmSync(join(cache, 'models', name))
  expect(JSON.stringify(b!.runbook)).toBe(JSON.stringify(parsedB!.runbook))
  expect(parsedA!.outline.anchors).toEqual(new Map([['a', 'a'], ['step', 'step']]))
  // Gone before the next load: that load parses both again and keeps their models.
  const again = await collectRunbooks(dir, {cache})
  expect(again.map((each) => each.outline.title)).toEqual(['A', 'B'])
  expect(modelFiles(cache)).toHaveLength(2)
})

test('front matter is the author\'s data: a `position` or `__proto__` key in it is kept as it is', async () => {
  const text = '---\nposition: [1, 2, 3, 4, 5, 6]\norder:\n  position: 2\n__proto__:\n  polluted: true\n---\n# A\n\n- [ ] Step\n'
  const {dir, cache} = folder({'a.md': text})
  const [parsed] = await collectRunbooks(dir, {cache})
  const [read] = await collectRunbooks(dir, {cache})
  expect(read!.runbook.frontmatter).toEqual(parsed!.runbook.frontmatter)
  expect(JSON.stringify(read!.runbook, positionsInOrder)).toBe(JSON.stringify(parsed!.runbook, positionsInOrder))
  expect(read!.runbook.frontmatter).toMatchObject({position: [1, 2, 3, 4, 5, 6], order: {position: 2}})
})
