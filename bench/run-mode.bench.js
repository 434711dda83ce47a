// Run mode at scale: how long a tick takes on a runbook page of 20 000 steps, in headless Chromium. A
// runbook of SECTIONS × STEPS steps is built with the working tree's `runsheet build`, served, and ticked:
// the figure is the time from the click to the end of run mode's handler (the script's own work), and to
// the next frame (style, layout and paint included): the first tick after the page opened, then ticks on
// an empty run and on a run with all but a few steps ticked, and, in a second tab, the time its storage
// listener takes to show each of those ticks. Figures only: no assertion. The machine's load shows in them:
// run it on a quiet machine for figures to compare.
//
//   node bench/run-mode.bench.js [--steps 20000] [--ticks 30] [--keep]
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {chromium} from 'playwright-core'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    steps: {type: 'string', default: '20000'},
    ticks: {type: 'string', default: '30'},
    keep: {type: 'boolean', default: false}
  }
})
const total = Number(values.steps)
const ticks = Number(values.ticks)
const log = (line) => console.error(`bench: ${line}`)

/** A runbook of `total` steps: sections of 100 steps, each step's text its own. */
function runbookOf(count) {
  const lines = ['# Run mode at scale', '', '**Operator**: ______', '']
  for (let step = 0; step < count; step++) {
    if (step % 100 === 0) lines.push('', `## Part ${step / 100 + 1}`, '')
    lines.push(`- [ ] Step ${step + 1}: check host-${step % 97} and restart service-${step % 13}`)
  }
  return `${lines.join('\n')}\n`
}

const work = mkdtempSync(join(tmpdir(), 'runsheet-run-mode-bench-'))
const { serveStatic } = await import(join(root, 'packages/site/dist/lib/static-server.js'))
const { chromiumArgs, chromiumPath } = await import(join(root, 'packages/site/dist/pdf/chromium.js'))
let browser
let server
try {
  mkdirSync(join(work, 'runbooks'))
  writeFileSync(join(work, 'runbooks/scale.md'), runbookOf(total))
  log(`building a page of ${total} steps…`)
  execFileSync(join(root, 'node_modules/.bin/runsheet'), ['build', join(work, 'runbooks'), '--out', join(work, 'site')], {stdio: ['ignore', 'ignore', 'inherit']})
  server = await serveStatic(join(work, 'site'))
  browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs})
  const context = await browser.newContext({viewport: {width: 1280, height: 900}})
  const page = await context.newPage()
  await page.goto(`${server.origin}/scale/`, {timeout: 300_000})
  await page.waitForSelector('[data-runbar]:not([hidden])', {timeout: 300_000})

  /** Ticks the step at each index, one by one: per tick, ms to the end of the handler and to the next frame. */
  const tick = (indexes) =>
    page.evaluate(async (indexes) => {
      const boxes = document.querySelectorAll('input[data-check]')
      const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
      const times = []
      for (const index of indexes) {
        await frame()
        const start = performance.now()
        boxes[index].click()
        const handled = performance.now()
        await frame()
        times.push([handled - start, performance.now() - start])
      }
      return times
    }, indexes)

  /** A saved run with every step but the last `keep` ticked, as run mode writes it, and the page reloaded. */
  const saveAllBut = (target, keep) =>
    target.evaluate((keep) => {
      const article = document.querySelector('[data-run-key]')
      const record = JSON.parse(article.querySelector('script[data-runbook-record]').textContent)
      const at = new Date().toISOString().replace(/\.\d+Z$/, '+00:00')
      const rows = [...document.querySelectorAll('li[data-item]')]
      const key = article.dataset.runKey
      for (const row of rows.slice(0, rows.length - keep)) {
        const text = row.querySelector('.rs-item-text').textContent
        localStorage.setItem(`${key}\u001fitems\u001f${row.id}`, JSON.stringify({value: true, at, text, key: Math.random().toString(36).slice(2, 12)}))
      }
      record.startedAt = record.updatedAt = at
      localStorage.setItem(key, JSON.stringify(record))
    }, keep)

  /** A second tab whose storage listener notes, per event, how long after dispatch run mode's was done. */
  const otherTab = async () => {
    const other = await context.newPage()
    await other.goto(`${server.origin}/scale/`, {timeout: 300_000})
    await other.waitForSelector('[data-runbar]:not([hidden])', {timeout: 300_000})
    // Run mode's listener was added first, so this one runs after it; the event's timeStamp is its dispatch.
    await other.evaluate(() => {
      window.rsReceived = []
      window.addEventListener('storage', (event) => window.rsReceived.push(performance.now() - event.timeStamp))
    })
    return other
  }
  const receivedBy = async (other, name) => {
    const times = (await other.evaluate(() => window.rsReceived)).sort((a, b) => a - b)
    await other.close()
    return {case: name, ticks: times.length, 'handler median ms': +times[Math.floor(times.length / 2)].toFixed(1), 'handler p95 ms': +times[Math.min(times.length - 1, Math.floor(times.length * 0.95))].toFixed(1)}
  }

  const summary = (name, times) => {
    const handler = times.map(([each]) => each).sort((a, b) => a - b)
    const frame = times.map(([, each]) => each).sort((a, b) => a - b)
    const median = (list) => list[Math.floor(list.length / 2)]
    const p95 = (list) => list[Math.min(list.length - 1, Math.floor(list.length * 0.95))]
    return {case: name, ticks: times.length, 'handler median ms': +median(handler).toFixed(1), 'handler p95 ms': +p95(handler).toFixed(1), 'to next frame median ms': +median(frame).toFixed(1), 'to next frame p95 ms': +p95(frame).toFixed(1)}
  }

  const rows = []
  const spread = (count, from) => Array.from({length: count}, (_, index) => from + Math.floor((index * (total - from - 1)) / count))
  // An operator reads before the first tick: run mode reads the steps' texts while the page is idle.
  await page.waitForTimeout(3000)
  // The first change after the page opened pays once for what the browser does lazily (layers, raster).
  rows.push(summary('first tick after the page opened', await tick([total - 1])))
  rows.push(summary('ticks, run empty', await tick(spread(ticks, 0))))
  // A second tab: the ticks of this one, shown there (measured apart: both tabs render on the same cores).
  let other = await otherTab()
  await tick(spread(ticks, 1))
  rows.push(await receivedBy(other, '  the same in a second tab (storage event)'))

  log(`saving a run with all but ${2 * ticks} steps ticked and reloading…`)
  await saveAllBut(page, 2 * ticks)
  const loadStart = Date.now()
  await page.reload({timeout: 300_000})
  await page.waitForSelector('[data-runbar]:not([hidden])', {timeout: 300_000})
  const loaded = Date.now() - loadStart
  await page.waitForTimeout(3000)
  rows.push(summary(`ticks, ${total - 2 * ticks} steps ticked`, await tick(Array.from({length: ticks}, (_, index) => total - 2 * ticks + index))))
  other = await otherTab()
  await tick(Array.from({length: ticks}, (_, index) => total - ticks + index))
  rows.push(await receivedBy(other, '  the same in a second tab (storage event)'))
  const bytes = await page.evaluate((key) => Object.keys(localStorage).filter((each) => each.startsWith(key)).reduce((sum, each) => sum + each.length + localStorage.getItem(each).length, 0), await page.locator('[data-run-key]').getAttribute('data-run-key'))
  console.table(rows)
  console.log(JSON.stringify({steps: total, savedRecordChars: bytes, reloadWithFullRunMs: loaded, rows}, null, 2))
} finally {
  await browser?.close()
  await server?.close()
  if (values.keep) log(`kept ${work}`)
  else rmSync(work, {recursive: true, force: true})
}
