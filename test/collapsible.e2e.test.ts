/**
 * MkDocs collapsible admonitions in a real Chromium: `???` renders as a closed `<details>`, `???+` as an
 * open one, the title its `<summary>`; it opens by click and by keyboard; a step inside ticks once opened;
 * search finds words of a closed body; axe finds nothing serious; and printing, from the browser or by
 * `runsheet pdf`, shows the body of a closed one while leaving the screen as it was.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {pageTexts, squash} from './print-helpers.js'
import {launchChromium, runsheet, seriousAxeViolations, tempDir} from './site-helpers.js'

const runbook = [
  '# Cache flush',
  '',
  '## Steps',
  '',
  '- [ ] Announce the flush',
  '',
  '??? warning "Before you flush"',
  '    Traffic to the origin triples while the cache fills: the quillfeather dashboard shows it.',
  '',
  '    - [ ] Scale the origin pool',
  '',
  '???+ tip',
  '    Flush one region at a time with the marrowbell script.',
  '',
  '- [ ] Flush the cache',
  ''
]

const work = tempDir('runsheet-collapsible-')
const source = join(work, 'runbooks', 'cache-flush.md')
const pdf = join(work, 'cache-flush.pdf')
let server: StaticServer
let browser: Browser
let printed: string[]

beforeAll(async () => {
  mkdirSync(join(work, 'runbooks'))
  writeFileSync(source, runbook.join('\n'))
  const out = join(work, 'site')
  const [build, print] = await Promise.all([
    runsheet(['build', join(work, 'runbooks'), '--out', out, '--lang', 'en', '--no-cache']),
    runsheet(['pdf', source, '--out', pdf])
  ])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  if (print.code !== 0) throw new Error(`pdf failed:\n${print.stdout}\n${print.stderr}`)
  printed = pageTexts(pdf)
  server = await serveStatic(out)
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(work, {recursive: true, force: true})
})

async function open(): Promise<Page & {errors: string[]}> {
  const page = (await browser.newPage()) as Page & {errors: string[]}
  page.errors = []
  page.on('pageerror', (error) => page.errors.push(error.message))
  await page.goto(`${server.origin}/cache-flush/`)
  await page.locator('[data-runbar]:not([hidden])').waitFor()
  return page
}

const closed = (page: Page) => page.locator('details.rs-callout[data-kind="warning"]')
const opened = (page: Page) => page.locator('details.rs-callout[data-kind="tip"]')

test('`???` is a closed details titled by its summary, `???+` an open one; both open and close by click', async () => {
  const page = await open()
  expect(await closed(page).getAttribute('open')).toBeNull()
  expect(await closed(page).locator('summary').innerText()).toContain('Before you flush')
  expect(await closed(page).getByText('quillfeather').isVisible()).toBe(false)
  expect(await opened(page).getAttribute('open')).toBe('')
  expect(await opened(page).getByText('marrowbell').isVisible()).toBe(true)
  await closed(page).locator('summary').click()
  expect(await closed(page).getByText('quillfeather').isVisible()).toBe(true)
  await opened(page).locator('summary').click()
  expect(await opened(page).getByText('marrowbell').isVisible()).toBe(false)
  expect(page.errors).toEqual([])
  await page.close()
})

test('the summary is in the tab order and toggled by Enter and Space', async () => {
  const page = await open()
  const summary = closed(page).locator('summary')
  await summary.focus()
  expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true)
  expect(await summary.evaluate((element) => element.tabIndex)).toBe(0)
  await page.keyboard.press('Enter')
  await expect.poll(() => closed(page).getAttribute('open')).toBe('')
  await page.keyboard.press('Space')
  await expect.poll(() => closed(page).getAttribute('open')).toBeNull()
  await page.close()
})

test('axe finds no serious or critical violations with one callout closed and one open', async () => {
  const page = await open()
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.close()
})

test('a step inside a closed callout ticks once opened, and counts in the run', async () => {
  const page = await open()
  expect(await page.locator('[data-run-count]').textContent()).toBe('0 / 3 done')
  const box = closed(page).locator('li[data-item] input[data-check]')
  expect(await box.isVisible()).toBe(false)
  await closed(page).locator('summary').click()
  await box.check()
  await expect.poll(() => page.locator('[data-run-count]').textContent()).toBe('1 / 3 done')
  await page.reload()
  await page.locator('[data-runbar]:not([hidden])').waitFor()
  expect(await closed(page).locator('li[data-item] input[data-check]').isChecked()).toBe(true)
  await page.close()
})

test('search finds a word that is only in a closed body', async () => {
  const page = await open()
  await page.fill('[id="rs:search-input"]', 'quillfeather')
  await page.waitForFunction(() => document.querySelector('.rs-search-list') !== null || /No results/.test(document.querySelector('.rs-search-results')?.textContent ?? ''))
  expect(await page.locator('.rs-search-results').innerText()).toContain('Cache flush')
  await page.close()
})

test('printing from the browser shows the closed body, and leaves it closed on screen after', async () => {
  const page = await open()
  await page.emulateMedia({media: 'print'})
  expect(await closed(page).getByText('quillfeather').isVisible()).toBe(true)
  await page.emulateMedia({media: 'screen'})
  // page.pdf() dispatches beforeprint and afterprint, as a browser's print does.
  await page.pdf({format: 'A4'})
  expect(await closed(page).getAttribute('open')).toBeNull()
  expect(await opened(page).getAttribute('open')).toBe('')
  await page.close()
})

test('`runsheet pdf` prints the body of the closed callout and of the open one, titles once each', () => {
  const text = squash(printed.join('\n'))
  expect(text).toContain(squash('Traffic to the origin triples while the cache fills: the quillfeather dashboard shows it.'))
  expect(text).toContain(squash('Scale the origin pool'))
  expect(text).toContain(squash('Flush one region at a time with the marrowbell script.'))
  expect(text.split(squash('Before you flush')).length - 1).toBe(1)
})
