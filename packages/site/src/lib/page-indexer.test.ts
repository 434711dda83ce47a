import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterAll, expect, test, vi} from 'vitest'
import {startPageIndexer} from './page-indexer.js'
import {indexSite} from './search-index.js'
import {filesOf, indexedFromFiles, pagefindChildren} from '../test-util/index-files.js'

const work = mkdtempSync(join(tmpdir(), 'runsheet-page-indexer-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

const words = ['amberfox', 'bluewhale', '배포', '서버점검', 'cinderowl', 'duskmoth', 'emberyak', 'frostelk']

/** A runbook page as the site writes it: only the article is indexed. */
function pageHtml(n: number): string {
  const text = words.filter((_, at) => (n + at) % 3 === 0).join(' ')
  return `<!DOCTYPE html><html lang="en"><head><title>Runbook ${n}</title></head><body><nav>menu</nav><article data-pagefind-body data-pagefind-meta="lang:en"><h1>Runbook ${n}</h1><p>${text} word${n}</p></article></body></html>`
}

/** A built site of `count` runbook pages (and a home page, which is not indexed), by page. */
function siteOf(name: string, count: number, html = pageHtml): {dir: string; pages: Map<string, string>} {
  const dir = join(work, name)
  const pages = new Map<string, string>()
  for (let n = 0; n < count; n++) pages.set(n % 2 ? `ops/runbook-${n}/index.html` : `운영/runbook-${n}/index.html`, html(n))
  for (const [page, text] of [...pages, ['index.html', '<!DOCTYPE html><html><body>home</body></html>'] as const]) {
    mkdirSync(join(dir, dirname(page)), {recursive: true})
    writeFileSync(join(dir, page), text)
  }
  return {dir, pages}
}

/** A seeded shuffle: the order pages could be rendered in, not the sorted one. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items]
  let seed = 7
  for (let at = out.length - 1; at > 0; at--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const other = seed % (at + 1)
    ;[out[at], out[other]] = [out[other]!, out[at]!]
  }
  return out
}

test('pages handed over in any order make the index their files make, byte for byte, in the same parts', async () => {
  const {dir, pages} = siteOf('shuffled', 11)
  const indexer = startPageIndexer({outDir: dir, pages: [...pages.keys()], pagesPerIndex: 4})
  for (const [page, html] of shuffled([...pages])) await indexer.add(page, html)
  const result = await indexer.finish()
  expect(result.streamed).toBe(11)
  expect(result.pages).toBe(11)
  expect(result.parts.map((part) => part.length)).toEqual([4, 4, 3])
  expect(result.parts.flat()).toEqual([...pages.keys()].sort())
  expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/'])
  expect(filesOf(join(dir, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(dir, work, 'shuffled-files', 4)))
}, 60_000)

test('pages not handed over, or too far ahead of their turn to keep, are read from their files', async () => {
  const {dir, pages} = siteOf('reversed', 90)
  const indexer = startPageIndexer({outDir: dir, pages: [...pages.keys()], pagesPerIndex: 50})
  const handed = [...pages].sort(([a], [b]) => (a < b ? 1 : -1)).slice(0, -1)
  for (const [page, html] of handed) await indexer.add(page, html)
  const result = await indexer.finish()
  // The first page never came: the others waited for it, as many as are kept, and the rest were read.
  expect(result.streamed).toBe(64)
  expect(result.pages).toBe(90)
  expect(filesOf(join(dir, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(dir, work, 'reversed-files', 50)))
}, 60_000)

test('a rebuild copies the parts none of whose pages changed, and feeds a changed part its reused pages from the previous site', async () => {
  const {dir: before, pages} = siteOf('before', 9)
  const first = await indexSite(before, {pagesPerIndex: 3})
  const changed = first.parts[1]![1]!
  const {dir: after} = siteOf('after', 9, (n) => (pages.get(changed) === pageHtml(n) ? pageHtml(n).replace('</p>', ' glowwren</p>') : pageHtml(n)))
  // The rebuild renders only the changed page; the others stay where the previous site has them.
  for (const page of pages.keys()) if (page !== changed) rmSync(join(after, page))
  const unchanged = (page: string) => page !== changed
  const indexer = startPageIndexer({
    outDir: after,
    pages: [...pages.keys()],
    pagesPerIndex: 3,
    previous: {dir: before, parts: first.parts, unchanged},
    sourceOf: (page) => (unchanged(page) ? join(before, page) : undefined)
  })
  await indexer.add(changed, readFileSync(join(after, changed), 'utf8'))
  const result = await indexer.finish()
  expect(result.reused).toBe(2)
  expect(result.streamed).toBe(1)
  expect(result.pages).toBe(9)
  for (const page of pages.keys()) if (page !== changed) cpSync(join(before, page), join(after, page))
  expect(filesOf(join(after, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(after, work, 'after-files', 3)))
  expect(readFileSync(join(after, 'pagefind', 'part-2', 'pagefind-entry.json'), 'utf8')).not.toEqual(readFileSync(join(before, 'pagefind', 'part-2', 'pagefind-entry.json'), 'utf8'))
}, 60_000)

test('a stopped index leaves no Pagefind process behind', async () => {
  const {dir, pages} = siteOf('stopped', 5)
  const indexer = startPageIndexer({outDir: dir, pages: [...pages.keys()]})
  const [page, html] = [...pages].sort()[0]!
  await indexer.add(page, html)
  await vi.waitFor(() => expect(pagefindChildren()).toHaveLength(1))
  await indexer.stop()
  await vi.waitFor(() => expect(pagefindChildren()).toEqual([]))
  expect(indexer.wants([...pages.keys()].sort()[1]!)).toBe(false)
})
