/**
 * A search index in parts: with more runbook pages than one index may hold (`--search-index-size`, lowered
 * here to 3), the pages are indexed into `pagefind/`, `pagefind/part-2/`… by one Pagefind process each, and
 * the search box merges the parts in a real Chromium: a word of any page is found, whichever part holds it,
 * and a word of every page finds every page.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {launchChromium, runsheet, tempDir} from './site-helpers.js'

const work = tempDir('runsheet-search-parts-')
const words = ['amberfox', 'bluewhale', 'cinderowl', 'duskmoth', 'emberyak', 'frostelk', 'glowwren']
let server: StaticServer
let browser: Browser
let stdout: string

beforeAll(async () => {
  const dir = join(work, 'runbooks')
  words.forEach((word, index) => {
    mkdirSync(join(dir, `team-${index}`), {recursive: true})
    writeFileSync(join(dir, `team-${index}`, `${word}.md`), `# Runbook ${word}\n\n## Steps\n\n- [ ] Check the ${word} service and the sharedterm dashboard\n`)
  })
  const out = join(work, 'site')
  const build = await runsheet(['build', dir, '--out', out, '--no-cache', '--search-index-size', '3'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  stdout = build.stdout
  server = await serveStatic(out)
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(work, {recursive: true, force: true})
})

async function search(page: Page, query: string): Promise<string> {
  await page.fill('[id="rs:search-input"]', query)
  await page.waitForFunction(() => document.querySelector('.rs-search-list') !== null || /없습니다|No results/.test(document.querySelector('.rs-search-results')?.textContent ?? ''))
  return (await page.locator('.rs-search-results').innerText()).replace(/\s+/g, ' ')
}

test('seven pages at three a part make three indexes, listed for the search box', () => {
  const pagefind = join(work, 'site', 'pagefind')
  expect(JSON.parse(readFileSync(join(pagefind, 'parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/'])
  for (const part of ['', 'part-2', 'part-3']) expect(readdirSync(join(pagefind, part))).toContain('pagefind-entry.json')
  expect(stdout).toContain('with a search index')
})

test('the search box finds a page of every part, and all pages for a word they share', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${server.origin}/`)
  for (const word of words) {
    const text = await search(page, word)
    expect(text).toContain(`Runbook ${word}`)
    for (const other of words.filter((each) => each !== word)) expect(text).not.toContain(`Runbook ${other}`)
  }
  const all = await search(page, 'sharedterm')
  for (const word of words) expect(all).toContain(`Runbook ${word}`)
  await page.locator('.rs-search-title', {hasText: 'Runbook glowwren'}).first().click()
  await page.waitForURL(/\/team-6\/glowwren\/$/)
  expect(errors).toEqual([])
  await page.close()
}, 60_000)
