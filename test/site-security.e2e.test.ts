/**
 * Untrusted markdown never runs script: raw HTML is shown as text, script and data URLs are never links,
 * and nothing in the content can break out of the JSON embedded for run mode or served beside the page.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {launchChromium, runsheet, tempDir, type CliResult} from './site-helpers.js'

const malicious = `---
title: "Evil </script><script>window.__pwned = 'title'</script>"
---

# Evil runbook

<script>window.__pwned = 'block'</script>

<img src="x" onerror="window.__pwned = 'img'">

<div onmouseover="window.__pwned = 'div'">hover</div>

Inline <b onclick="window.__pwned = 'inline'">bold</b> and <script>window.__pwned = 'inline-script'</script>.

## Steps

- [ ] Click [here](javascript:window.__pwned='link') now
- [ ] Or [this](JaVaScRiPt:window.__pwned='case')
- [ ] Or [entities](jav&#x61;script:window.__pwned='entity') and [a tab](java&#9;script:window.__pwned='tab')
- [ ] Or [vb](vbscript:window.__pwned='vbscript') and [hidden](&#x20;javascript:window.__pwned='space')
- [ ] Or [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=)
- [ ] Or <javascript:window.__pwned='autolink'>
- [ ] Image ![x](javascript:window.__pwned='image')
- [ ] Reference [ref][evil]
- [ ] Text that closes the model: </script><script>window.__pwned = 'json'</script>
- [ ] A [missing page](missing.md)

**Owner**: ______

[evil]: javascript:window.__pwned='reference'

\`\`\`html
<script>window.__pwned = 'code'</script>
\`\`\`
`

let out: string
let build: CliResult
let strict: CliResult
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const dir = tempDir('runsheet-evil-')
  writeFileSync(join(dir, 'evil.md'), malicious)
  out = join(tempDir('runsheet-evil-out-'), 'site')
  strict = await runsheet(['build', dir, '--out', out, '--strict'])
  build = await runsheet(['build', dir, '--out', out, '--no-search', '--base', '/ops/runbooks/'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  server = await serveStatic(out, {base: '/ops/runbooks/'})
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('refused and broken links are reported, and fail a --strict build', () => {
  expect(strict.code).toBe(1)
  expect(strict.stderr).toMatch(/evil\.md:\d+:\d+ {2}warning {2}Not linked: the `javascript:` scheme is not allowed {2}runsheet:unresolved-link/)
  expect(strict.stderr).toMatch(/evil\.md:\d+:\d+ {2}warning {2}Cannot find `missing\.md`/)
  expect(build.stderr).toMatch(/runsheet:unresolved-link/)
})

test('no script from the markdown runs, and none of its URLs are links', async () => {
  const page = await browser.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const failed: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(response.url())
  })
  await page.goto(`${server.origin}/ops/runbooks/evil/`)
  await page.hover('text=hover').catch(() => undefined)
  for (const link of await page.locator('.rs-runbook a').all()) await link.click({trial: true}).catch(() => undefined)
  expect(await page.evaluate(() => (window as unknown as {__pwned?: string}).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])

  const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''))
  expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([])
  expect(await page.locator('img[src^="javascript:" i], [onerror], [onclick], [onmouseover]').count()).toBe(0)

  // Raw HTML is shown as its source text.
  expect(await page.locator('pre.rs-html').first().textContent()).toContain("<script>window.__pwned = 'block'</script>")
  expect(await page.locator('.rs-unresolved').count()).toBeGreaterThanOrEqual(5)

  // Every script element is the site's own: no inline script came from the content.
  const scripts = await page.$$eval('script', (elements) => elements.map((element) => element.getAttribute('type') ?? element.getAttribute('src') ?? 'inline'))
  for (const script of scripts) expect(script, script).toMatch(/^(module|application\/json|\/_astro\/.*|inline)$/)
  const inline = await page.$$eval('script:not([type]):not([src])', (elements) => elements.map((element) => element.textContent ?? ''))
  for (const code of inline) expect(code).not.toContain('__pwned')

  // The run record embedded for run mode survived intact, and so did the model beside the page (which the
  // Markdown export reads), so run mode still works on this page.
  const record = await page.evaluate(() => JSON.parse(document.querySelector('script[data-runbook-record]')!.textContent!))
  expect(record.runbook.title).toContain('</script>')
  const model = await page.evaluate(async () => (await fetch(document.querySelector<HTMLElement>('[data-run-model]')!.dataset.runModel!)).json())
  expect(model.title).toContain('</script>')
  await page.locator('input[data-check]').first().check()
  expect(await page.locator('[data-run-count]').textContent()).toMatch(/^1 \//)

  // Built under a base path: every asset loads, and the home link stays under it.
  expect(failed).toEqual([])
  expect(await page.getAttribute('.rs-brand', 'href')).toBe('/ops/runbooks/')
  await page.close()
})

test('the built HTML never contains the payloads as markup', () => {
  const html = readFileSync(join(out, 'evil/index.html'), 'utf8')
  expect(html).toContain('data-run-key="runsheet:run:/ops/runbooks/evil.md"')
  expect(html).not.toMatch(/<script>window\.__pwned/)
  expect(html).not.toMatch(/<img src="x" onerror/)
  expect(html).not.toMatch(/<(?:a|img|iframe|form|area)\b[^>]*\s(?:href|src|action)="\s*(?:javascript|data|vbscript):/i)
})
