/**
 * A rebuild after a few edits indexes only the pages it changed, into an overlay of the search index, and
 * copies the parts: the search box then leaves out the parts' older entries of those pages (and of pages
 * removed), which `pagefind/parts.json` lists, and shows once a page indexed again with the same text (one whose backlinks alone changed), so
 * that in a real Chromium it finds what the search of a cold build of the same runbooks finds. Past a
 * tenth of a part's pages, the rebuild lays the index out again, as a cold build does, byte for byte. A
 * removal alone needs no overlay: `parts.json` still hides the page.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic} from '../packages/site/src/lib/static-server.js'
import {launchChromium, runsheet, tempDir} from './site-helpers.js'

const work = tempDir('runsheet-search-overlay-')
const dir = join(work, 'runbooks')
const out = join(work, 'site')
const cache = join(work, 'cache')
// 80 pages in two parts of 40: an overlay may stand in for four pages.
const index = ['--search-index-size', '40']
const names = Array.from({length: 80}, (_, n) => `runbook-${String(n).padStart(2, '0')}`)
let browser: Browser

/** The word of the runbook of that number alone: `zqabx` for 1. */
const wordOf = (n: number) => `zq${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}x`

/** A runbook with a word of its own and one they all share. */
function write(name: string, extra = ''): void {
  const word = wordOf(names.indexOf(name))
  writeFileSync(join(dir, `${name}.md`), `# Runbook ${name}\n\n## Steps\n\n- [ ] Check the ${word} service and the sharedterm dashboard${extra}\n`)
}

async function build(to: string, ...flags: string[]): Promise<void> {
  const result = await runsheet(['build', dir, '--out', to, ...index, ...flags])
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`)
}

/** What the search box of a built site shows for each query: the status line and the runbooks listed. */
async function searched(site: string, queries: string[]): Promise<{status: string; titles: string[]}[]> {
  const server = await serveStatic(site)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(`${server.origin}/`)
    const shown = []
    for (const query of queries) shown.push(await search(page, query))
    expect(errors).toEqual([])
    return shown
  } finally {
    await page.close()
    await server.close()
  }
}

async function search(page: Page, query: string): Promise<{status: string; titles: string[]}> {
  await page.fill('[id="rs:search-input"]', '')
  await page.fill('[id="rs:search-input"]', query)
  await page.waitForFunction(() => document.querySelector('.rs-search-list') !== null || /No results/.test(document.querySelector('.rs-search-results')?.textContent ?? ''))
  const status = (await page.locator('.rs-search-status').innerText()).trim()
  const titles = (await page.locator('.rs-search-title').allInnerTexts()).map((title) => title.replace(/\s+EN$/, '').trim()).sort()
  return {status, titles}
}

/** Every file of a folder, by path. */
function filesOf(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)).toString('base64')])
  )
}

beforeAll(async () => {
  mkdirSync(dir, {recursive: true})
  for (const name of names) write(name)
  await build(out, '--cache', cache)
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  rmSync(work, {recursive: true, force: true})
})

test('after an edit, a removal and a new link, the rebuilt search finds what a cold build finds, no stale entry, none twice', async () => {
  write('runbook-03', ' and the zebracorn queue')
  writeFileSync(join(dir, 'runbook-03.md'), readFileSync(join(dir, 'runbook-03.md'), 'utf8').replace(wordOf(3), 'renamedword'))
  rmSync(join(dir, 'runbook-20.md'))
  // runbook-06's page changes only in what links to it, which is not indexed: its text is the same.
  write('runbook-05', ' (see [the next one](runbook-06.md))')
  await build(out, '--cache', cache)
  const pagefind = join(out, 'pagefind')
  const listed = JSON.parse(readFileSync(join(pagefind, 'parts.json'), 'utf8')) as {parts: string[]; hidden: string[]; once: string[]}
  expect(listed.parts).toEqual(['part-2/', 'overlay/'])
  expect(listed.hidden).toHaveLength(3)
  expect(listed.once).toHaveLength(1)

  const cold = join(work, 'cold')
  await build(cold, '--no-cache')
  const queries = ['zebracorn', wordOf(3), 'renamedword', wordOf(20), wordOf(7), wordOf(6), wordOf(5), 'sharedterm']
  const rebuilt = await searched(out, queries)
  // The same results; which ten of many come first depends on each index's statistics, so not those.
  const same = (shown: {status: string; titles: string[]}[]) => shown.map(({status, titles}) => ({status, titles: titles.length < 10 ? titles : []}))
  expect(same(rebuilt)).toEqual(same(await searched(cold, queries)))
  expect(rebuilt[0]).toEqual({status: '1 results', titles: ['Runbook runbook-03']})
  expect(rebuilt[1]!.status).toMatch(/^No results/)
  expect(rebuilt[2]!.titles).toEqual(['Runbook runbook-03'])
  expect(rebuilt[3]!.status).toMatch(/^No results/)
  expect(rebuilt[4]!.titles).toEqual(['Runbook runbook-07'])
  expect(rebuilt[5]).toEqual({status: '1 results', titles: ['Runbook runbook-06']})
  expect(rebuilt[6]).toEqual({status: '1 results', titles: ['Runbook runbook-05']})
  expect(rebuilt[7]!.status).toBe('79 results')
}, 180_000)

test('past a tenth of a part, a rebuild lays the index out again: the cold build\'s index, byte for byte', async () => {
  for (const name of ['runbook-10', 'runbook-25']) write(name, ' and the quokkaline check')
  await build(out, '--cache', cache)
  const pagefind = join(out, 'pagefind')
  expect(existsSync(join(pagefind, 'overlay'))).toBe(false)
  expect(JSON.parse(readFileSync(join(pagefind, 'parts.json'), 'utf8'))).toEqual(['part-2/'])
  const cold = join(work, 'cold-again')
  await build(cold, '--no-cache')
  expect(filesOf(pagefind)).toEqual(filesOf(join(cold, 'pagefind')))
  const [found] = await searched(out, ['quokkaline'])
  expect(found!.titles).toEqual(['Runbook runbook-10', 'Runbook runbook-25'])
}, 180_000)

test('after a removal alone, the rebuild writes no overlay, and the search box still leaves the page out', async () => {
  rmSync(join(dir, 'runbook-40.md'))
  await build(out, '--cache', cache)
  const pagefind = join(out, 'pagefind')
  expect(existsSync(join(pagefind, 'overlay'))).toBe(false)
  const listed = JSON.parse(readFileSync(join(pagefind, 'parts.json'), 'utf8')) as {parts: string[]; hidden: string[]; once: string[]}
  expect(listed).toEqual({parts: ['part-2/'], hidden: [expect.any(String)], once: []})
  const [gone, all] = await searched(out, [wordOf(40), 'sharedterm'])
  expect(gone!.status).toMatch(/^No results/)
  expect(all!.status).toBe('78 results')
}, 180_000)
