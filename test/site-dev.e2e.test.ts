/**
 * `runsheet dev`: the pages show the folder as it is now. A runbook edited, added or removed shows in the
 * page open in the browser, which reloads by itself; the home page and the model beside a page follow.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {ensureSiteBuilt, launchChromium, repo, tempDir, userShellEnv} from './site-helpers.js'

let dir: string
let dev: ChildProcess
let origin: string
let browser: Browser
let output = ''


beforeAll(async () => {
  ensureSiteBuilt()
  dir = tempDir('runsheet-dev-')
  writeFileSync(join(dir, 'alpha.md'), '# Alpha\n\n## Steps\n\n- [ ] First\n')
  writeFileSync(join(dir, 'deploy-secret.sh'), 'export TOKEN=s3cr3t-value\n')
  const script = "const {main} = await import('@runsheet/site/cli'); process.exitCode = await main(process.argv.slice(1))"
  dev = spawn(process.execPath, ['--input-type=module', '-e', script, 'dev', dir, '--port', '0'], {cwd: repo, env: userShellEnv({ASTRO_TELEMETRY_DISABLED: '1'})})
  origin = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (found) done(found[0])
    }
    dev.stdout!.on('data', read)
    dev.stderr!.on('data', read)
    dev.on('close', () => fail(new Error(`runsheet dev stopped:\n${output}`)))
  })
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (dev && dev.exitCode === null) {
    const closed = new Promise((done) => dev.once('close', done))
    dev.kill('SIGINT')
    await closed
  }
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

  rmSync(join(dir, 'beta.md'))
  await until(home, () => document.querySelector('[data-runbook-card="beta.md"]') === null && document.querySelector('[data-runbook-card="alpha.md"]') !== null)
  expect(await home.locator('[data-runbook-card="alpha.md"] .rs-card-title').textContent()).toBe('Alpha, second edition')
}, 90_000)

test('serves the site, not the other files of the runbook folder', async () => {
  for (const path of [`/@fs${dir}/deploy-secret.sh`, '/deploy-secret.sh']) {
    const answer = await fetch(origin + path)
    expect(await answer.text(), path).not.toContain('s3cr3t-value')
    expect(answer.status, path).toBeGreaterThanOrEqual(400)
  }
})
