/**
 * Untrusted markdown never runs script: raw HTML is shown as text, script and data URLs are never links,
 * nothing in the content can break out of the JSON embedded for run mode or served beside the page, and
 * every page carries a Content-Security-Policy that would stop an inline script if one ever got through.
 * A browser opens every page of a site built from hostile runbooks, hovers and clicks through it, searches
 * for the payloads and opens what it finds, and nothing runs.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {cspOf, recordViolations, violationsOf} from './csp-helpers.js'
import {writeHostileFolder} from './hostile-runbooks.js'
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

const base = '/ops/runbooks/'
let out: string
let hostileFiles: string[]
let build: CliResult
let strict: CliResult
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const dir = tempDir('runsheet-evil-')
  writeFileSync(join(dir, 'evil.md'), malicious)
  hostileFiles = writeHostileFolder(dir)
  out = join(tempDir('runsheet-evil-out-'), 'site')
  strict = await runsheet(['build', dir, '--out', out, '--strict'])
  build = await runsheet(['build', dir, '--out', out, '--base', base])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  server = await serveStatic(out, {base})
  browser = await launchChromium()
}, 180_000)

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

/** Every page of the built site, as the URL path it is served at (each segment encoded). */
function builtPages(): string[] {
  return readdirSync(out, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('index.html'))
    .map((file) => relative(out, join(out, file)).split(sep).slice(0, -1))
    .map((segments) => base + segments.map((segment) => `${encodeURIComponent(segment)}/`).join(''))
    .sort()
}

test('every page carries a policy without inline script, and only the remote images it shows', () => {
  const pages = builtPages()
  // Two home pages, the script test's runbook and the five hostile ones, names with payloads included.
  expect(pages).toHaveLength(2 + 1 + hostileFiles.length)
  expect(pages).toContain(`${base}${encodeURIComponent(`x"><img src=x onerror=alert('pwned:file-name')>`)}/`)
  for (const path of pages) {
    const html = readFileSync(join(out, ...path.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent), 'index.html'), 'utf8')
    const csp = cspOf(html)
    expect(csp, path).not.toBeNull()
    expect(csp!['script-src'], path).toContain("'self'")
    for (const source of csp!['script-src']!) expect(source, path).toMatch(/^'(?:self|wasm-unsafe-eval|sha256-[A-Za-z\d+/]+=*)'$/)
    for (const source of csp!['style-src']!) expect(source, path).toMatch(/^'(?:self|sha256-[A-Za-z\d+/]+=*)'$/)
    expect(csp!['object-src'], path).toEqual(["'none'"])
    expect(csp!['base-uri'], path).toEqual(["'self'"])
    const images = decodeURIComponent(path).includes('hostile') || decodeURIComponent(path).includes('pwned') ? ['https://example.com', 'https://images.example.org'] : []
    if (!path.includes('index-of-hostile')) expect(csp!['img-src'], path).toEqual(["'self'", 'data:', ...images])
    // The policy comes before anything from the runbook in <body>.
    expect(html.indexOf('http-equiv="content-security-policy"'), path).toBeLessThan(html.indexOf('<body'))
  }
})

interface Watch {
  /** Payloads that ran: `window.__pwned` set, or an alert. */
  ran: string[]
  errors: string[]
}

/** A browser context that reports every payload that runs, and can reach nothing but the site. */
async function watchedContext(): Promise<{context: BrowserContext; watch: Watch}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}})
  const watch: Watch = {ran: [], errors: []}
  await context.route((url) => url.origin !== server.origin, (route) => route.abort())
  await context.addInitScript(() => {
    Object.defineProperty(window, '__pwned', {
      set(value) {
        console.error(`PWNED ${String(value)}`)
      },
      get: () => undefined
    })
  })
  await recordViolations(context)
  context.on('console', (message) => {
    if (message.text().startsWith('PWNED')) watch.ran.push(message.text())
  })
  context.on('dialog', (dialog) => {
    // Run mode's own questions (reset, import) are confirms; a payload's would be an alert naming itself.
    if (dialog.type() !== 'confirm' || dialog.message().includes('pwned')) watch.ran.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  context.on('weberror', (error) => watch.errors.push(error.error().message))
  return {context, watch}
}

/**
 * Moves the pointer and the focus over every element of the page, then hovers and clicks every control
 * with the mouse, staying on the site. Returns how many controls it clicked.
 */
async function pokeEverything(page: Page, path: string, violations: string[]): Promise<number> {
  await page.evaluate(() => {
    for (const element of document.body.querySelectorAll('*')) {
      for (const type of ['pointerover', 'mouseover', 'mouseenter', 'mousemove']) element.dispatchEvent(new MouseEvent(type, {bubbles: type !== 'mouseenter'}))
      if (element instanceof HTMLElement) element.focus()
    }
  })
  const targets = page.locator('a, button, summary, input, label, [tabindex]')
  const count = Math.min(await targets.count(), 300)
  let poked = 0
  for (let index = 0; index < count; index++) {
    const target = targets.nth(index)
    if (!(await target.isVisible().catch(() => false))) continue
    // Forced: a payload's handler would fire whether or not another element covers this one.
    await target.hover({timeout: 500, force: true}).catch(() => undefined)
    const {href, type} = await target.evaluate((element) => ({href: element.getAttribute('href'), type: element.getAttribute('type')}))
    if (href !== null && new URL(href, page.url()).origin !== server.origin) continue
    // Not the file inputs: a file chooser would wait for a file.
    if (type === 'file') continue
    await target.click({timeout: 500, force: true, noWaitAfter: true}).catch(() => undefined)
    poked++
    if (new URL(page.url()).pathname !== path) {
      await page.waitForLoadState()
      violations.push(...(await violationsOf(page)))
      await page.goto(server.origin + path)
    }
  }
  return poked
}

test('opening, hovering and clicking through every page, and searching for the payloads, runs nothing', async () => {
  const {context, watch} = await watchedContext()

  // The detectors work: a payload that ran would be seen, and the policy stops an inline script that got in.
  const check = await context.newPage()
  await check.goto(`${server.origin}${base}hostile/`)
  await check.evaluate(() => {
    ;(window as unknown as {__pwned: string}).__pwned = 'detector'
    const script = document.createElement('script')
    script.textContent = "window.__pwned = 'injected'"
    document.body.append(script)
  })
  await expect.poll(() => watch.ran).toEqual(['PWNED detector'])
  expect((await violationsOf(check)).filter((violation) => /script-src/.test(violation)).length).toBeGreaterThan(0)
  await check.close()
  watch.ran.length = 0

  const page = await context.newPage()
  page.setDefaultTimeout(5000)
  const violations: string[] = []
  let poked = 0
  for (const path of builtPages()) {
    await page.goto(server.origin + path)
    // As the browser parsed it: no element from the content, no handler, no script URL.
    const foreign = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) => {
        const found: string[] = []
        if (/^(?:iframe|object|embed|frame|svg|math|form|base|meta|link|style|script)$/i.test(element.localName) && !element.closest('head') && element.localName !== 'script' && !element.matches('form[role=search]')) found.push(element.localName)
        if (element.localName === 'script' && element.getAttribute('type') !== 'application/json' && !element.hasAttribute('src') && !element.textContent?.includes("getElementById('rs:toc')")) found.push('inline script')
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name) || attribute.name === 'srcdoc' || attribute.name === 'formaction') found.push(`${element.localName}[${attribute.name}]`)
          if (/^(?:href|src|action|data|poster|xlink:href)$/i.test(attribute.name) && /^\s*(?:javascript|vbscript|data:text)/i.test(attribute.value) && element.localName !== 'link') found.push(`${element.localName}[${attribute.name}=${attribute.value.slice(0, 20)}]`)
        }
        return found
      })
    )
    expect(foreign, path).toEqual([])
    poked += await pokeEverything(page, path, violations)
    violations.push(...(await violationsOf(page)))
  }
  expect(poked).toBeGreaterThan(150)

  // Search for what the payloads say, and open every page found.
  const hostile = `${base}hostile/`
  let opened = 0
  for (const word of ['pwned', 'script', 'onerror', 'javascript', 'alert', 'svg', 'iframe']) {
    await page.goto(server.origin + hostile)
    await page.fill('[id="rs:search-input"]', word)
    await page.waitForSelector('.rs-search-list, .rs-search-status')
    await page.waitForFunction(() => !/…|\.\.\./.test(document.querySelector('.rs-search-status')?.textContent ?? ''))
    const links = await page.$$eval('.rs-search-results a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
    for (const link of links.slice(0, 6)) {
      expect(new URL(link).origin).toBe(server.origin)
      await page.goto(link)
      violations.push(...(await violationsOf(page)))
      opened++
    }
  }
  expect(opened).toBeGreaterThan(5)

  expect(watch.ran).toEqual([])
  expect(violations).toEqual([])
  expect(watch.errors).toEqual([])
  await context.close()
}, 300_000)
