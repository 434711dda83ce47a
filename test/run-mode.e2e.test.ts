/**
 * Run mode's records in a real browser: two tabs on one runbook add their ticks up; a run saved on one
 * edition of a runbook continues on the next (a renamed section keeps its ticks, an inserted repeated step
 * takes none, what is lost is named); an exported record imports to continue its run; saved state that is
 * broken or another runbook's is set aside with a notice, while a record of the same runbook under another
 * path imports; a browser that does not keep the run says so and the run lasts the visit, to be exported.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {main} from '../packages/parser/src/cli/main.js'
import {launchChromium, runsheet, tempDir} from './site-helpers.js'

const v1 = [
  '# Web restart',
  '',
  '**Operator**: ______',
  '',
  '## Web',
  '',
  '- [ ] Drain traffic',
  '- [ ] Restart nginx',
  '- [ ] Check logs',
  '',
  '## Database',
  '',
  '- [ ] Back up',
  '- [ ] Restart',
  '- [ ] Smoke test',
  '- [ ] Restart',
  '- [ ] Verify',
  ''
]
/** The next edition: `Web` renamed, `Check logs` gone (Back up's neighbour), a third `Restart` inserted before the first. */
const v2 = [
  '# Web restart',
  '',
  '**Operator**: ______',
  '',
  '## Web servers',
  '',
  '- [ ] Drain traffic',
  '- [ ] Restart nginx',
  '',
  '## Database',
  '',
  '- [ ] Back up',
  '- [ ] Restart',
  '- [ ] Restart',
  '- [ ] Smoke test',
  '- [ ] Restart',
  '- [ ] Verify',
  ''
]

let browser: Browser
const servers: Record<'v1' | 'v2', StaticServer> = {} as never
const work = tempDir('runsheet-run-mode-')

async function buildSite(name: 'v1' | 'v2', lines: string[]): Promise<StaticServer> {
  const source = join(work, name)
  mkdirSync(source, {recursive: true})
  writeFileSync(join(source, 'ops.md'), lines.join('\n'))
  // Pages with nothing to record, and with a choice alone.
  writeFileSync(join(source, 'notes.md'), '# Architecture\n\nThe service has two stores.\n\n```text\n[web] --> [db]\n```\n')
  writeFileSync(join(source, 'verdict.md'), '# Verdict\n\n**Result**: [ ] pass [ ] fail\n')
  const out = join(work, `${name}-site`)
  const build = await runsheet(['build', source, '--out', out, '--lang', 'en'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  return serveStatic(out)
}

beforeAll(async () => {
  const [one, two] = await Promise.all([buildSite('v1', v1), buildSite('v2', v2)])
  servers.v1 = one
  servers.v2 = two
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await servers.v1?.close()
  await servers.v2?.close()
})

type Watched = Page & {errors: string[]}

async function open(context: BrowserContext, version: 'v1' | 'v2'): Promise<Watched> {
  const page = (await context.newPage()) as Watched
  page.errors = []
  page.on('pageerror', (error) => page.errors.push(error.message))
  await page.goto(`${servers[version].origin}/ops/`)
  await page.locator('[data-runbar]:not([hidden])').waitFor()
  return page
}

/** The box of the `nth` step (from 0) whose text is `text`. */
function box(page: Page, text: string, nth = 0) {
  return page.locator('li[data-item]', {has: page.locator(':scope > .rs-item-line > .rs-item-text', {hasText: new RegExp(`^${text}$`)})}).nth(nth).locator(':scope > .rs-item-line input[data-check]')
}

/** The texts of the ticked steps, in page order, numbered where a text repeats: `Restart#2`. */
async function tickedSteps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>()
    const ticked: string[] = []
    for (const row of document.querySelectorAll<HTMLElement>('li[data-item]')) {
      const text = row.querySelector(':scope > .rs-item-line > .rs-item-text')!.textContent!.trim()
      const count = (seen.get(text) ?? 0) + 1
      seen.set(text, count)
      if (row.querySelector<HTMLInputElement>(':scope > .rs-item-line input[data-check]')!.checked) ticked.push(count > 1 ? `${text}#${count}` : text)
    }
    return ticked
  })
}

/** This origin's saved run: every localStorage item of the page's run key. */
async function savedRun(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const key = document.querySelector<HTMLElement>('[data-run-key]')!.dataset.runKey!
    return Object.keys(localStorage)
      .filter((each) => each.startsWith(key))
      .map((each) => [each, localStorage.getItem(each)!] as [string, string])
  })
}

describe('pages with nothing to record', () => {
  test('have no run bar and no run mode; a choice alone is something to record', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${servers.v1.origin}/notes/`)
    await page.locator('h1').waitFor()
    expect(await page.locator('[data-runbar], [data-run-key], script[data-runbook-record]').count()).toBe(0)
    await page.goto(`${servers.v1.origin}/verdict/`)
    await page.locator('[data-runbar]:not([hidden])').waitFor()
    expect(await page.locator('[data-run-key]').count()).toBe(1)
    await context.close()
  })
})

describe('two tabs on one runbook', () => {
  test('each tab’s ticks reach the other and both survive a reload', async () => {
    const context = await browser.newContext()
    const first = await open(context, 'v1')
    const second = await open(context, 'v1')
    await box(first, 'Drain traffic').check()
    await box(second, 'Back up').check()
    await box(first, 'Smoke test').check()
    // The other tab shows them as they are made.
    await expect.poll(() => tickedSteps(second)).toEqual(['Drain traffic', 'Back up', 'Smoke test'])
    await expect.poll(() => tickedSteps(first)).toEqual(['Drain traffic', 'Back up', 'Smoke test'])
    await box(second, 'Drain traffic').uncheck()
    await expect.poll(() => tickedSteps(first)).toEqual(['Back up', 'Smoke test'])
    for (const page of [first, second]) {
      await page.reload()
      expect(await tickedSteps(page)).toEqual(['Back up', 'Smoke test'])
      expect(await page.locator('[data-run-count]').textContent()).toBe('2 / 8 done')
      expect(page.errors).toEqual([])
    }
    await context.close()
  })

  test('a page shown again from the history shows the run as saved, not the boxes as they were when it was left', async () => {
    const context = await browser.newContext()
    const first = await open(context, 'v1')
    await box(first, 'Drain traffic').check()
    await first.goto(`${servers.v1.origin}/notes/`)
    // Meanwhile, in another tab, the run goes on.
    const second = await open(context, 'v1')
    await box(second, 'Drain traffic').uncheck()
    await box(second, 'Check logs').check()
    await first.goBack()
    await first.locator('[data-runbar]:not([hidden])').waitFor()
    await expect.poll(() => tickedSteps(first)).toEqual(['Check logs'])
    expect(await first.locator('[data-run-count]').textContent()).toBe('1 / 8 done')
    await box(second, 'Back up').check()
    await expect.poll(() => tickedSteps(first)).toEqual(['Check logs', 'Back up'])
    expect(first.errors).toEqual([])
    await context.close()
  })
})

describe('a run continued on a changed runbook', () => {
  /** A run on v1: Drain traffic, Check logs, Back up and both Restarts ticked, the operator filled in. */
  async function runOnV1(context: BrowserContext): Promise<Watched> {
    const page = await open(context, 'v1')
    for (const [text, nth] of [['Drain traffic', 0], ['Check logs', 0], ['Back up', 0], ['Restart', 0], ['Restart', 1]] as const) await box(page, text, nth).check()
    await page.locator('input[data-blank]').first().fill('Kim')
    expect(await tickedSteps(page)).toEqual(['Drain traffic', 'Check logs', 'Back up', 'Restart', 'Restart#2'])
    return page
  }

  /** What v2's page shows of the v1 run: ticks that are sure, none on the inserted Restart, the rest named. */
  async function expectContinued(page: Watched): Promise<void> {
    // Drain traffic kept its tick through the section's new name, Back up through its neighbour's going;
    // the Restart before Verify is the third now; the first one cannot be told from the inserted one
    // beside it, so neither is ticked.
    expect(await tickedSteps(page)).toEqual(['Drain traffic', 'Back up', 'Restart#3'])
    expect(await page.locator('input[data-blank]').first().inputValue()).toBe('Kim')
    const notice = page.locator('[data-run-notice]')
    expect(await notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toMatch(/^.*2 ticks or values could not be matched .*: (“Check logs”, “Restart”|“Restart”, “Check logs”)\.$/)
    expect(page.errors).toEqual([])
  }

  test('a run saved in the browser: kept where sure, dropped and named where not, and told again until the run goes on', async () => {
    const context = await browser.newContext()
    const before = await runOnV1(context)
    const saved = await savedRun(before)
    // The site is rebuilt with v2: here, v2 is served on an origin of its own, given v1's saved run.
    const after = await open(context, 'v2')
    await after.evaluate((items) => {
      for (const [key, value] of items) localStorage.setItem(key, value)
    }, saved)
    await after.reload()
    await expectContinued(after)
    expect(await after.locator('[data-run-status]').textContent()).toContain('This runbook changed since the run started')
    await after.reload()
    await expectContinued(after)
    // The run goes on: it is written as this edition's, and the next visit has nothing left to tell.
    await box(after, 'Verify').check()
    await after.reload()
    expect(await tickedSteps(after)).toEqual(['Drain traffic', 'Back up', 'Restart#3', 'Verify'])
    expect(await after.locator('[data-run-notice]').isVisible()).toBe(false)
    await context.close()
  })

  test('an exported record imports to continue its run, on the same edition or the next', async () => {
    const context = await browser.newContext({acceptDownloads: true})
    const before = await runOnV1(context)
    const [download] = await Promise.all([before.waitForEvent('download'), before.locator('[data-export=json]').click()])
    const file = join(work, 'ops-run.json')
    writeFileSync(file, readFileSync((await download.path())!))
    const record = JSON.parse(readFileSync(file, 'utf8'))
    expect(record.format).toBe('runsheet-record/1')
    expect(Object.values(record.items).every((entry) => typeof (entry as {key?: unknown}).key === 'string')).toBe(true)

    // A fresh browser on the same edition continues the run as it was.
    const fresh = await browser.newContext()
    const same = await open(fresh, 'v1')
    await same.locator('input[data-import-file]').setInputFiles(file)
    await expect.poll(() => tickedSteps(same)).toEqual(['Drain traffic', 'Check logs', 'Back up', 'Restart', 'Restart#2'])
    expect(await same.locator('[data-run-notice]').textContent()).toBe('Continuing the run from ops-run.json.')
    await same.reload()
    expect(await tickedSteps(same)).toEqual(['Drain traffic', 'Check logs', 'Back up', 'Restart', 'Restart#2'])

    // On the next edition, over a run already under way (the operator agrees to replace it).
    const next = await open(fresh, 'v2')
    await box(next, 'Verify').check()
    next.once('dialog', (dialog) => void dialog.accept())
    await next.locator('input[data-import-file]').setInputFiles(file)
    await expect.poll(() => tickedSteps(next)).toEqual(['Drain traffic', 'Back up', 'Restart#3'])
    expect(await next.locator('[data-run-notice]').textContent()).toMatch(/^Continuing the run from ops-run\.json\. 2 ticks or values could not be matched/)
    await next.reload()
    expect(await tickedSteps(next)).toEqual(['Drain traffic', 'Back up', 'Restart#3'])
    expect([...same.errors, ...next.errors]).toEqual([])

    // `runsheet format --record` matches by the same rule: the same steps ticked, the same two named.
    const out: string[] = []
    const err: string[] = []
    const code = await main(['format', join(work, 'v2', 'ops.md'), '--record', file], {stdout: (text) => out.push(text), stderr: (text) => err.push(text)})
    expect(code).toBe(0)
    expect(out.join('\n').split('\n').filter((line) => line.startsWith('- [x] '))).toEqual(['- [x] Drain traffic', '- [x] Back up', '- [x] Restart'])
    expect(out.join('\n')).toContain('- [x] Back up\n- [ ] Restart\n- [ ] Restart\n- [ ] Smoke test\n- [x] Restart')
    expect(err).toHaveLength(2)
    expect(err.join('\n')).toContain('left out the step “Check logs”')
    await context.close()
    await fresh.close()
  })

  test('a record of this runbook from a site built from another root (another path) imports, as `runsheet format --record` takes it', async () => {
    const context = await browser.newContext({acceptDownloads: true})
    const page = await open(context, 'v1')
    await box(page, 'Back up').check()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    const variants: [string, object][] = [
      // The same edition: its sha256 says so, whatever the path and title.
      ['moved.json', {path: 'runbooks/restart.md', title: 'Restart of the web tier'}],
      // Another edition under another path: its title says so.
      ['edited.json', {path: 'runbooks/restart.md', sha256: 'f'.repeat(64)}]
    ]
    for (const [name, runbook] of variants) {
      const file = join(work, name)
      writeFileSync(file, JSON.stringify({...exported, runbook: {...exported.runbook, ...runbook}}))
      page.once('dialog', (dialog) => void dialog.accept())
      await page.locator('[data-reset]').click()
      expect(await tickedSteps(page)).toEqual([])
      await page.locator('input[data-import-file]').setInputFiles(file)
      await expect.poll(() => page.locator('[data-run-notice]').textContent()).toBe(`Continuing the run from ${name}.`)
      expect(await tickedSteps(page)).toEqual(['Back up'])
    }
    expect(page.errors).toEqual([])
    await context.close()
  })

  test('a record exported before entries carried fingerprints still imports on its edition', async () => {
    const context = await browser.newContext()
    const page = await open(context, 'v1')
    const empty = JSON.parse((await page.locator('script[data-runbook-record]').textContent())!)
    const id = (await page.locator('li[data-item]').nth(3).getAttribute('id'))!
    const at = '2026-01-02T03:04:05+09:00'
    const file = join(work, 'old-run.json')
    writeFileSync(file, JSON.stringify({...empty, startedAt: at, updatedAt: at, items: {[id]: {value: true, at}}}))
    await page.locator('input[data-import-file]').setInputFiles(file)
    await expect.poll(() => tickedSteps(page)).toEqual(['Back up'])
    expect(page.errors).toEqual([])
    await context.close()
  })
})

describe('saved or imported state that is not this runbook’s run', () => {
  /** Another runbook: another edition (sha256), path and title. */
  const otherRunbook = {path: 'other.md', title: 'Other runbook', sha256: 'f'.repeat(64)}

  test('a broken or foreign saved run is set aside with a notice; the page works and starts a new run', async () => {
    const context = await browser.newContext()
    const page = await open(context, 'v1')
    const key = (await page.locator('[data-run-key]').getAttribute('data-run-key'))!
    const empty = JSON.parse((await page.locator('script[data-runbook-record]').textContent())!)
    const cases: [string, RegExp][] = [
      ['{"format":"runsheet-record/1","runbook":', /could not be read, so it was set aside/],
      [JSON.stringify({format: 'runsheet-record/9'}), /could not be read, so it was set aside/],
      [JSON.stringify({...empty, runbook: {...empty.runbook, ...otherRunbook}}), /belongs to another runbook \(Other runbook\)/]
    ]
    for (const [saved, notice] of cases) {
      await page.evaluate(([key, saved]) => localStorage.setItem(key!, saved!), [key, saved])
      await page.reload()
      expect(await page.locator('[data-run-notice]').textContent()).toMatch(notice)
      expect(await tickedSteps(page)).toEqual([])
      await box(page, 'Verify').check()
      await page.reload()
      expect(await tickedSteps(page)).toEqual(['Verify'])
      expect(await page.locator('[data-run-notice]').isVisible()).toBe(false)
      page.once('dialog', (dialog) => void dialog.accept())
      await page.locator('[data-reset]').click()
    }
    expect(page.errors).toEqual([])
    await context.close()
  })

  test('an import that is not a run record, or is another runbook’s, is refused and changes nothing', async () => {
    const context = await browser.newContext()
    const page = await open(context, 'v1')
    await box(page, 'Verify').check()
    const empty = JSON.parse((await page.locator('script[data-runbook-record]').textContent())!)
    const files: [string, string, RegExp][] = [
      ['notes.json', '{"hello": 1}', /^notes\.json is not a run record of Runsheet, so nothing was imported: format does not fit the run record format$/],
      ['broken.json', '{', /^broken\.json is not a run record of Runsheet, so nothing was imported: it is not JSON$/],
      ['other.json', JSON.stringify({...empty, runbook: {...empty.runbook, ...otherRunbook}}), /^other\.json records a run of another runbook \(Other runbook\), so nothing was imported\.$/]
    ]
    for (const [name, text, notice] of files) {
      const file = join(work, name)
      writeFileSync(file, text)
      await page.locator('input[data-import-file]').setInputFiles(file)
      await expect.poll(() => page.locator('[data-run-notice]').textContent()).toMatch(notice)
      expect(await tickedSteps(page)).toEqual(['Verify'])
    }
    expect(page.errors).toEqual([])
    await context.close()
  })
})

describe('a browser that does not keep the run', () => {
  const notSaved = 'This browser does not keep the run, so a reload loses it: export it as JSON to keep it.'

  /** The texts of the steps ticked in the JSON export. */
  async function exportedTicks(page: Page): Promise<string[]> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=json]').click()])
    const record = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {items: Record<string, {value: boolean; text?: string}>}
    return Object.values(record.items).flatMap((entry) => (entry.value ? [entry.text!] : []))
  }

  test('storage the page may not touch: the notice says so once, and ticks and both exports last the visit', async () => {
    const context = await browser.newContext({acceptDownloads: true})
    await context.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        }
      })
    )
    const page = await open(context, 'v1')
    expect(await page.locator('[data-run-notice]').isVisible()).toBe(false)
    await box(page, 'Drain traffic').check()
    expect(await page.locator('[data-run-notice]').textContent()).toBe(notSaved)
    await box(page, 'Verify').check()
    expect(await page.locator('[data-run-notice]').textContent()).toBe(notSaved)
    expect(await page.locator('[data-run-progress]').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(2)
    expect((await exportedTicks(page)).sort()).toEqual(['Drain traffic', 'Verify'])
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=markdown]').click()])
    const text = readFileSync((await markdown.path())!, 'utf8')
    expect(text).toContain('- [x] Drain traffic')
    expect(text).toContain('- [x] Verify')
    expect(page.errors).toEqual([])
    await context.close()
  })

  test('a full quota: the notice is added to what it says, and goes once a write goes through, the whole run saved', async () => {
    const context = await browser.newContext({acceptDownloads: true})
    // Full on every load, until the test empties it: each write is refused as a full quota refuses it.
    await context.addInitScript(() => {
      const own = window as unknown as {storageFull: boolean}
      own.storageFull = true
      const setItem = Storage.prototype.setItem
      Storage.prototype.setItem = function (key: string, value: string) {
        if (own.storageFull && this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        setItem.call(this, key, value)
      }
    })
    const page = await open(context, 'v1')
    const key = (await page.locator('[data-run-key]').getAttribute('data-run-key'))!
    const empty = JSON.parse((await page.locator('script[data-runbook-record]').textContent())!)
    // A run of another runbook saved before the quota filled: its notice is what the page says first.
    const foreign = JSON.stringify({...empty, runbook: {...empty.runbook, path: 'other.md', title: 'Other runbook', sha256: 'f'.repeat(64)}})
    await page.evaluate(([key, foreign]) => {
      ;(window as unknown as {storageFull: boolean}).storageFull = false
      localStorage.setItem(key!, foreign!)
    }, [key, foreign])
    await page.reload()
    const foreignNotice = (await page.locator('[data-run-notice]').textContent())!
    expect(foreignNotice).toMatch(/belongs to another runbook \(Other runbook\)/)

    await box(page, 'Drain traffic').check()
    await box(page, 'Verify').check()
    expect(await page.locator('[data-run-notice]').textContent()).toBe(`${foreignNotice} ${notSaved}`)
    expect((await exportedTicks(page)).sort()).toEqual(['Drain traffic', 'Verify'])

    await page.evaluate(() => ((window as unknown as {storageFull: boolean}).storageFull = false))
    await box(page, 'Back up').check()
    expect(await page.locator('[data-run-notice]').textContent()).toBe(foreignNotice)
    // Read back with the quota full again: what the browser holds is the whole run.
    await page.reload()
    expect(await tickedSteps(page)).toEqual(['Drain traffic', 'Back up', 'Verify'])
    expect(page.errors).toEqual([])
    await context.close()
  })
})
