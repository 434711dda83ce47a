/**
 * The search index is fed each runbook page as Astro renders it (the integration's middleware hands the
 * page to the page indexer), so Pagefind works while the next page renders. The index is the one indexing
 * the written files gives, byte for byte: the HTML handed over is the file's, each part is fed in sorted
 * order, and the pages known from the site before rendering are the pages found in the files (a runbook
 * whose page a home page, an error page or another runbook has gets none). Both ways: the caller's index
 * (as `runsheet build` does, under a base and a prefix here), and the integration's own (an Astro project).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {afterAll, beforeAll, expect, test, vi} from 'vitest'
import {buildSite, type BuiltSite} from '../packages/site/src/cli/astro.js'
import {buildCommand} from '../packages/site/src/cli/build.js'
import {loadSite} from '../packages/site/src/lib/load-site.js'
import {startPageIndexer, type StreamedIndexResult} from '../packages/site/src/lib/page-indexer.js'
import {searchablePages} from '../packages/site/src/lib/search-index.js'
import {searchPagesOf} from '../packages/site/src/lib/search-pages.js'
import {tempDir} from './site-helpers.js'
import {filesOf, indexedFromFiles, pagefindChildren} from '../packages/site/src/test-util/index-files.js'

const work = tempDir('runsheet-search-stream-')
const dir = join(work, 'runbooks')
const runbooks: Record<string, string> = {
  'ops/deploy.md': '# Deploy\n\n## Steps\n\n- [ ] Check the amberfox dashboard\n',
  // Its page would be ops/deploy's: it gets none.
  'ops/Deploy.md': '# Deploy again\n\n## Steps\n\n- [ ] Check the bluewhale queue\n',
  'ops/restart #2.md': '# Restart\n\n## Steps\n\n- [ ] Restart the cinderowl service\n',
  '운영/배포 점검.md': '# 배포 점검\n\n## 절차\n\n- [ ] 서버 상태를 확인한다\n',
  '운영/장애 대응.ko.md': '# 장애 대응\n\n## 절차\n\n- [ ] 알림을 확인한다\n',
  'team/oncall.en.md': '# On call\n\n## Steps\n\n- [ ] Page the duskmoth rotation\n',
  'team/oncall.ko.md': '# 당직\n\n## 절차\n\n- [ ] 당직자를 호출한다\n',
  'team/handover.md': '# Handover\n\n## Steps\n\n- [ ] Write the emberyak notes\n',
  // At the root the 404 page and the Korean home page have these routes.
  '404.md': '# Not found\n\n## Steps\n\n- [ ] Nothing\n',
  'ko.md': '# Korean\n\n## Steps\n\n- [ ] Nothing\n'
}
const sites: BuiltSite[] = []

beforeAll(() => {
  for (const [path, text] of Object.entries(runbooks)) {
    mkdirSync(join(dir, dirname(path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
})

afterAll(() => {
  for (const site of sites) site.scratch.remove()
  rmSync(work, {recursive: true, force: true})
})

test("the caller's index gets every runbook page as it is rendered, and is the index of the files", async () => {
  const loaded = await loadSite(dir, {base: '/docs/', prefix: 'runbooks'})
  const pages = searchPagesOf(loaded.site)
  const indexers: ReturnType<typeof startPageIndexer>[] = []
  const built = await buildSite({
    dir,
    base: '/docs/',
    logLevel: 'error',
    loaded,
    integration: {prefix: 'runbooks', report: 'silent', indexSearch: (outDir) => indexers[indexers.push(startPageIndexer({outDir, pages, pagesPerIndex: 3})) - 1]!}
  })
  sites.push(built)
  expect(indexers).toHaveLength(1)
  const result: StreamedIndexResult = await indexers[0]!.finish()
  // Under a prefix, 404 is a runbook page like any other; ko is still the Korean home page's.
  expect(pages).toHaveLength(8)
  expect(pages).toContain('runbooks/404/index.html')
  expect(pages).toContain('runbooks/운영/배포 점검/index.html')
  expect(pages).toContain('runbooks/ops/restart -2/index.html')
  expect([...pages].sort()).toEqual(searchablePages(built.dir))
  expect(result.streamed).toBe(8)
  expect(result.pages).toBe(8)
  expect(result.parts.map((part) => part.length)).toEqual([3, 3, 2])
  expect(result.errors).toEqual([])
  expect(filesOf(join(built.dir, 'pagefind'))).toEqual(filesOf(await indexedFromFiles(built.dir, work, 'caller-files', 3)))
}, 120_000)

test("the integration's own index, written when the build is done, is the index of the files", async () => {
  const built = await buildSite({dir, logLevel: 'error', integration: {report: 'silent', searchPagesPerIndex: 4}})
  sites.push(built)
  const pagefind = join(built.dir, 'pagefind')
  expect(JSON.parse(readFileSync(join(pagefind, 'parts.json'), 'utf8'))).toEqual(['part-2/'])
  expect(searchablePages(built.dir)).toEqual(searchPagesOf((await loadSite(dir)).site).sort())
  expect(searchablePages(built.dir)).toHaveLength(7)
  expect(filesOf(pagefind)).toEqual(filesOf(await indexedFromFiles(built.dir, work, 'own-files', 4)))
}, 120_000)

test('a build that fails once Pagefind has pages leaves no Pagefind process behind', async () => {
  const failing = join(work, 'failing')
  for (const name of ['a', 'b', 'c', 'x']) {
    mkdirSync(failing, {recursive: true})
    writeFileSync(join(failing, `${name}.md`), `# Runbook ${name}\n\n## Steps\n\n- [ ] Check ${name}\n`)
  }
  // Its page, x/index.html/index.html, is rendered after x/index.html, a file by then: the write fails.
  mkdirSync(join(failing, 'x'))
  writeFileSync(join(failing, 'x', 'index.html.md'), '# X\n\n## Steps\n\n- [ ] Check\n')
  const stderr: string[] = []
  const build = buildCommand([failing, '--out', join(work, 'failing-site'), '--no-cache', '-q'], {stdout: () => {}, stderr: (text) => stderr.push(text)})
  await expect(build).rejects.toThrow(/EISDIR|ENOTDIR|EEXIST/)
  await vi.waitFor(() => expect(pagefindChildren()).toEqual([]))
}, 120_000)
