import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {afterAll, expect, test, vi} from 'vitest'
import {startPageIndexer, startPagefind} from './page-indexer.js'
import {indexSite, type IndexResult} from './search-index.js'
import {defaultPagesPerIndex} from './search-parts.js'
import {filesOf, indexedFromFiles, keepParts, pagefindChildren} from '../test-util/index-files.js'

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

test('a rebuild keeps the parts none of whose pages changed where they are, and feeds a changed part its reused pages from the previous site', async () => {
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
  expect(result.reusedParts).toEqual([0, 2])
  expect(result.streamed).toBe(1)
  expect(result.pages).toBe(9)
  // Only the changed part is written, and the list of parts.
  expect([...filesOf(join(after, 'pagefind')).keys()].every((file) => file.startsWith('part-2/') || file === 'parts.json')).toBe(true)
  // With the previous site's files of the parts kept, it is what indexing every file makes.
  keepParts(before, after, result.reusedParts)
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

test('Pagefind starts with the index, before the first page comes: it starts on another core while pages render', async () => {
  const {dir, pages} = siteOf('started', 3)
  const indexer = startPageIndexer({outDir: dir, pages: [...pages.keys()]})
  await vi.waitFor(() => expect(pagefindChildren()).toHaveLength(1))
  for (const [page, html] of pages) await indexer.add(page, html)
  expect((await indexer.finish()).pages).toBe(3)
  await indexer.stop()
  await vi.waitFor(() => expect(pagefindChildren()).toEqual([]))
})

test('Pagefind started ahead of the pages gives the indexer its index, which becomes the index the files make', async () => {
  const {dir, pages} = siteOf('ahead', 5)
  const started = startPagefind()
  await vi.waitFor(() => expect(pagefindChildren()).toHaveLength(1))
  const indexer = startPageIndexer({outDir: dir, pages: [...pages.keys()], started})
  for (const [page, html] of shuffled([...pages])) await indexer.add(page, html)
  expect((await indexer.finish()).pages).toBe(5)
  expect(filesOf(join(dir, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(dir, work, 'ahead-files', defaultPagesPerIndex)))
  // Taken by the indexer, which stopped Pagefind once its part was written: stopping it again does nothing.
  expect(started.take()).toBeUndefined()
  await started.stop()
  await indexer.stop()
  await vi.waitFor(() => expect(pagefindChildren()).toEqual([]))
}, 60_000)

test('Pagefind started ahead and never taken (nothing to index, or a failed build) is stopped', async () => {
  const started = startPagefind()
  await vi.waitFor(() => expect(pagefindChildren()).toHaveLength(1))
  await started.stop()
  await vi.waitFor(() => expect(pagefindChildren()).toEqual([]))
  expect(started.take()).toBeUndefined()
})

/** The URL a fragment of an index records, by the fragment's id (its file name). */
function fragmentUrls(pagefindFolder: string): Map<string, string> {
  const folder = join(pagefindFolder, 'fragment')
  return new Map(
    readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8')
      return [name.replace(/\.pf_fragment$/, ''), (JSON.parse(text.slice(text.indexOf('{'))) as {url: string}).url]
    })
  )
}

/**
 * The index of a rebuild into `dir` after the build whose site is `before` and whose index `previous` says,
 * the pages `changed` rendered again (read from `dir`) and the others read from `before`, 40 pages a part;
 * with the parts it kept copied from `before`, as the site is once moved over it.
 */
async function rebuiltIndex(dir: string, before: string, previous: IndexResult, pages: string[], changed: string[]): Promise<IndexResult> {
  const result = await startPageIndexer({
    outDir: dir,
    pages,
    pagesPerIndex: 40,
    previous: {dir: before, parts: previous.parts, overlay: previous.overlay, unchanged: (page) => !changed.includes(page)},
    sourceOf: (page) => (changed.includes(page) ? undefined : join(before, page))
  }).finish()
  keepParts(before, dir, result.reusedParts)
  return result
}

/** A copy of a built site's pages, without its index, for the next rebuild to write into. */
function pagesCopied(from: string, name: string): string {
  const to = join(work, name)
  cpSync(from, to, {recursive: true, filter: (path) => !path.includes('pagefind')})
  return to
}

/** What a site's `pagefind/parts.json` lists: the indexes to merge and, under an overlay, the results left out or shown once. */
const partsListed = (site: string) => JSON.parse(readFileSync(join(site, 'pagefind', 'parts.json'), 'utf8')) as {parts: string[]; hidden: string[]; once: string[]}
const hiddenIn = (site: string) => {
  const {hidden, once} = partsListed(site)
  return {hidden, once}
}
const urlOf = (page: string) => `/${page.replace(/index\.html$/, '')}`

test('a rebuild that changed a few pages keeps every part and indexes them into an overlay, hiding their older entries', async () => {
  const {dir: before, pages} = siteOf('overlay-before', 80)
  const first = await indexSite(before, {pagesPerIndex: 40})
  const [edited, removed] = [first.parts[0]![3]!, first.parts[1]![5]!]
  const {dir: after} = siteOf('overlay-after', 80, (n) => (pages.get(edited) === pageHtml(n) ? pageHtml(n).replace('</p>', ' glowwren</p>') : pageHtml(n)))
  rmSync(join(after, removed))
  const now = [...pages.keys()].filter((page) => page !== removed)
  const result = await rebuiltIndex(after, before, first, now, [edited])
  expect(result.reusedParts).toEqual([0, 1])
  expect(result.pages).toBe(79)
  expect(result.parts).toEqual(first.parts)
  expect(result.overlay?.pages).toEqual([edited])
  expect(Object.keys(result.overlay!.stale)).toEqual([edited, removed].sort())
  const pagefind = join(after, 'pagefind')
  expect(partsListed(after).parts).toEqual(['part-2/', 'overlay/'])
  // The parts are the previous ones, file for file; the overlay holds the edited page alone.
  expect(filesOf(join(pagefind, 'part-2'))).toEqual(filesOf(join(before, 'pagefind', 'part-2')))
  expect([...fragmentUrls(join(pagefind, 'overlay')).values()]).toEqual([urlOf(edited)])
  // What is hidden is the parts' entries of the edited and the removed page, and nothing else.
  const inParts = new Map([...fragmentUrls(pagefind), ...fragmentUrls(join(pagefind, 'part-2'))])
  const {hidden, once} = hiddenIn(after)
  expect(once).toEqual([])
  expect(hidden.map((id) => decodeURIComponent(inParts.get(id)!)).sort()).toEqual([edited, removed].map(urlOf).sort())

  // A page rendered again with the same text has the same result id in the overlay: shown once, not hidden.
  const again = pagesCopied(after, 'overlay-again')
  const same = now[10]!
  const second = await rebuiltIndex(again, after, result, now, [same])
  expect(second.overlay?.pages).toEqual([edited, same].sort())
  expect(Object.keys(second.overlay!.stale)).toEqual([edited, removed, same].sort())
  expect(hiddenIn(again)).toEqual({hidden, once: [second.overlay!.stale[same]!]})

  // Past a tenth of a part (four pages here, removed ones counted), the index is laid out again, as the files make it.
  const third = pagesCopied(again, 'overlay-third')
  const relaid = await rebuiltIndex(third, again, second, now, [now[30]!, now[50]!])
  expect(relaid.overlay).toBeUndefined()
  expect(relaid.reusedParts).toEqual([])
  expect(filesOf(join(third, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(third, work, 'overlay-third-files', 40)))
}, 120_000)

test('a rebuild that only removed a page hides its entry, and writes no overlay of nothing', async () => {
  const {dir: before, pages} = siteOf('removed-before', 40)
  const first = await indexSite(before, {pagesPerIndex: 40})
  const removed = first.parts[0]![7]!
  const after = pagesCopied(before, 'removed-after')
  rmSync(join(after, removed))
  const now = [...pages.keys()].filter((page) => page !== removed)
  const result = await rebuiltIndex(after, before, first, now, [])
  expect(result.overlay).toEqual({pages: [], stale: {[removed]: expect.any(String)}})
  expect(result.pages).toBe(39)
  expect(partsListed(after)).toEqual({parts: [], hidden: [result.overlay!.stale[removed]], once: []})
  expect(existsSync(join(after, 'pagefind', 'overlay'))).toBe(false)
}, 60_000)
