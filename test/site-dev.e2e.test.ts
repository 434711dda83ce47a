/**
 * `runsheet dev`: the pages show the folder as it is now. A runbook edited, added or removed shows in the
 * page open in the browser, which reloads by itself; the home page and the model beside a page follow.
 */
import {rmSync, writeFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {launchChromium, startDev, tempDir, type DevServer} from './site-helpers.js'

let dir: string
let dev: DevServer
let origin: string
let browser: Browser

beforeAll(async () => {
  dir = tempDir('runsheet-dev-')
  writeFileSync(join(dir, 'alpha.md'), '# Alpha\n\n## Steps\n\n- [ ] First\n')
  writeFileSync(join(dir, 'deploy-secret.sh'), 'export TOKEN=s3cr3t-value\n')
  dev = await startDev(dir)
  origin = dev.origin
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
})

/** Waits until the open page, reloaded by the dev server, says what `check` looks for. */
async function until(page: Page, check: () => boolean): Promise<void> {
  await page.waitForFunction(check, undefined, {timeout: 20_000})
}

test('a runbook edited, added or removed shows in the open page', async () => {
  const home = await browser.newPage()
  await home.goto(`${origin}/`)
  expect(await home.locator('[data-runbook-card]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-runbook-card')))).toEqual(['alpha.md'])

  writeFileSync(join(dir, 'beta.md'), '# Beta\n\n- [ ] One\n')
  await until(home, () => document.querySelector('[data-runbook-card="beta.md"]') !== null)

  const alpha = await browser.newPage()
  await alpha.goto(`${origin}/alpha/`)
  expect(await alpha.locator('h1').textContent()).toBe('Alpha')
  writeFileSync(join(dir, 'alpha.md'), '# Alpha, second edition\n\n## Steps\n\n- [ ] First\n- [ ] Second\n')
  await until(alpha, () => document.querySelector('h1')?.textContent === 'Alpha, second edition')
  expect(await alpha.locator('[data-run-count]').textContent()).toBe('0 / 2 done')
  const model = await alpha.evaluate(async () => (await fetch('runbook.json')).json())
  expect(model.title).toBe('Alpha, second edition')

  // The home page reloaded for that edit too: wait until it has, so that the next change's reload does not
  // reach it while it is still loading (Vite's client, not yet connected, would miss it).
  await until(home, () => document.querySelector('[data-runbook-card="alpha.md"] .rs-card-title')?.textContent === 'Alpha, second edition')
  rmSync(join(dir, 'beta.md'))
  await until(home, () => document.querySelector('[data-runbook-card="beta.md"]') === null && document.querySelector('[data-runbook-card="alpha.md"]') !== null)
  expect(await home.locator('[data-runbook-card="alpha.md"] .rs-card-title').textContent()).toBe('Alpha, second edition')
}, 90_000)

test('a warning is printed once while its file stays the same, naming the file as it can be opened', async () => {
  writeFileSync(join(dir, 'links.md'), '# Links\n\n- [ ] See [the guide](gone.md)\n')
  const page = await browser.newPage()
  await page.goto(`${origin}/`)
  await until(page, () => document.querySelector('[data-runbook-card="links.md"]') !== null)
  // Another file's edit loads the site again: the unchanged file's warning is not printed again.
  writeFileSync(join(dir, 'alpha.md'), '# Alpha, third edition\n\n- [ ] First\n')
  await until(page, () => document.querySelector('[data-runbook-card="alpha.md"] .rs-card-title')?.textContent === 'Alpha, third edition')
  const warnings = dev.output().split('\n').filter((line) => line.includes('gone.md'))
  expect(warnings).toHaveLength(1)
  // The runbook folder is outside the folder dev was started in: the file is named whole.
  expect(warnings[0]).toContain(`${join(dir, 'links.md').split(sep).join('/')}:3:11  warning  Cannot find`)
  await page.close()
}, 60_000)

test('serves the site, not the other files of the runbook folder', async () => {
  for (const path of [`/@fs${dir}/deploy-secret.sh`, '/deploy-secret.sh']) {
    const answer = await fetch(origin + path)
    expect(await answer.text(), path).not.toContain('s3cr3t-value')
    expect(answer.status, path).toBeGreaterThanOrEqual(400)
  }
})

test('an address the site lacks shows the site’s own page of a missing address, as the built site does', async () => {
  const answer = await fetch(`${origin}/no/such/runbook/`)
  expect(answer.status).toBe(404)
  const page = await browser.newPage()
  await page.setContent(await answer.text())
  expect(await page.locator('.rs-not-found-home').first().getAttribute('href')).toBe('/')
  expect(await page.locator('h1').textContent()).toBe('Page not found')
  await page.close()
})
