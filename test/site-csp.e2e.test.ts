/**
 * The examples site under its Content-Security-Policy in Chromium: every page carries the policy, and
 * search, the home page's filter, the language switch, copy buttons, run mode and print all work under it
 * without one violation reported by the browser.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {launchChromium, runsheet, tempDir} from './site-helpers.js'
import {cspOf, recordViolations, violationsOf} from './csp-helpers.js'

let out: string
let server: StaticServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  out = join(tempDir('runsheet-csp-'), 'site')
  const build = await runsheet(['build', 'examples', '--out', out, '--lang', 'en'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  server = await serveStatic(out)
  browser = await launchChromium()
  context = await browser.newContext({viewport: {width: 1280, height: 900}, acceptDownloads: true})
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin})
  await recordViolations(context)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The built pages' addresses: a folder's for `index.html`, the file's own for `404.html`. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${relative(dir, join(dir, file)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort()
}

const fileOf = (path: string) => join(out, path.endsWith('.html') ? path : join(path, 'index.html'))

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

test('every page carries the policy: the site’s own scripts and styles only, no inline script but by hash', () => {
  const pages = htmlPages(out)
  // 12 runbooks, the home page in each language, and the page of a missing address.
  expect(pages.length).toBe(15)
  expect(pages).toContain('/404.html')
  for (const path of pages) {
    const html = readFileSync(fileOf(path), 'utf8')
    const csp = cspOf(html)
    expect(csp, path).not.toBeNull()
    expect(csp!['default-src'], path).toEqual(["'self'"])
    expect(csp!['object-src'], path).toEqual(["'none'"])
    expect(csp!['base-uri'], path).toEqual(["'self'"])
    expect(csp!['form-action'], path).toEqual(["'self'"])
    expect(csp!['img-src'], path).toEqual(["'self'", 'data:'])
    for (const directive of ['script-src', 'style-src']) {
      const sources = csp![directive]!
      expect(sources, `${path} ${directive}`).toContain("'self'")
      for (const source of sources) expect(source, `${path} ${directive}`).toMatch(/^'(?:self|wasm-unsafe-eval|sha256-[A-Za-z\d+/]+=*)'$/)
    }
    // Nothing the policy would refuse: no style attribute, no event handler, every classic script hashed.
    expect(html, path).not.toMatch(/<[^>]+\sstyle=/)
    expect(html, path).not.toMatch(/<[^>]+\son[a-z]+=/i)
    for (const [, code] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) expect(csp!['script-src'], path).toContain(sha256(code!))
  }
})

test('every page opens on screen and in print without a violation', async () => {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  for (const path of htmlPages(out)) {
    await page.emulateMedia({media: 'screen'})
    await page.goto(server.origin + path)
    await page.emulateMedia({media: 'print'})
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    expect(await violationsOf(page), path).toEqual([])
  }
  expect(errors).toEqual([])
  await page.close()
})

async function open(path: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(server.origin + path)
  return page
}

test('search, the filter, the language switch and the contents work under the policy', async () => {
  const page = await open('/')
  await page.fill('[id="rs:filter-input"]', 'failover')
  await expect.poll(() => page.locator('[data-runbook-card]:visible').count()).toBe(2)

  // Pagefind: its script, its worker or its WebAssembly on the main thread, and its index.
  await page.fill('[id="rs:search-input"]', 'rollback')
  await page.waitForSelector('.rs-search-list')
  expect(await page.locator('.rs-search-results').innerText()).toContain('Production deployment checklist')
  await page.locator('.rs-search-title', {hasText: 'Production deployment checklist'}).first().click()
  await page.waitForURL('**/production-deploy/')
  // The contents open beside the text: the hashed inline script ran.
  expect(await page.locator('[id="rs:toc"]').getAttribute('open')).not.toBeNull()

  await page.locator('[data-lang-switch=ko]').click()
  await page.waitForURL('**/production-deploy.ko/')
  expect(await page.getAttribute('html', 'lang')).toBe('ko')
  expect(await violationsOf(page)).toEqual([])
  await page.close()
})

test('copy buttons, run mode and its exports work under the policy', async () => {
  const page = await open('/production-deploy/')
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))

  const copy = page.locator('button[data-copy]').first()
  await copy.click()
  await expect.poll(() => copy.getAttribute('data-state')).toBe('copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toBe('')

  const box = page.locator('li[data-item] > .rs-item-line input[data-check]').first()
  await box.check()
  await page.locator('input[data-blank][id="header--deployment-owner"]').fill('Kim Operator')
  expect(await page.locator('[data-run-count]').textContent()).toBe('1 / 116 done')
  await page.reload()
  expect(await box.isChecked()).toBe(true)
  expect(await page.locator('[data-tick-time]:visible').count()).toBe(1)

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=markdown]').click()])
  expect(readFileSync((await markdown.path())!, 'utf8')).toContain('Kim Operator')
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
  expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).format).toBe('runsheet-record/1')

  // Fill-in blanks keep their written width without a style attribute.
  const widths = await page.$$eval('input[data-blank]', (inputs) => inputs.map((input) => [input.getAttribute('size'), getComputedStyle(input).getPropertyValue('--rs-blank-width')]))
  for (const [size, width] of widths) expect(width).toBe(`${size}ch`)

  expect(await violationsOf(page)).toEqual([])
  expect(errors).toEqual([])
  await page.close()
})

test('the same policy sent as a header, as a host may send it, blocks nothing either', async () => {
  const headed = await browser.newContext({viewport: {width: 1280, height: 900}})
  await recordViolations(headed)
  // The header governs the whole document, the print style in <head> before the <meta> included.
  await headed.route('**/*', async (route) => {
    const response = await route.fetch()
    if (!/text\/html/.test(response.headers()['content-type'] ?? '')) return route.fulfill({response})
    const body = await response.text()
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(body)![1]!.replaceAll('&#39;', "'")
    await route.fulfill({response, body, headers: {...response.headers(), 'content-security-policy': policy}})
  })
  const page = await headed.newPage()
  const policy = page.waitForResponse((response) => response.url().endsWith('/production-deploy/'))
  await page.goto(`${server.origin}/production-deploy/`)
  expect((await (await policy).allHeaders())['content-security-policy']).toContain('script-src')
  expect(await page.locator('[id="rs:toc"]').getAttribute('open')).not.toBeNull()
  await page.fill('[id="rs:search-input"]', 'rollback')
  await page.waitForSelector('.rs-search-list')
  await page.locator('li[data-item] > .rs-item-line input[data-check]').first().check()
  expect(await page.locator('[data-run-count]').textContent()).toMatch(/^1 \//)
  await page.emulateMedia({media: 'print'})
  expect(await violationsOf(page)).toEqual([])
  await headed.close()
}, 60_000)
