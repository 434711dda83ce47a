/**
 * The site at scale: folders of 100 and 1 000 runbooks made of copies of examples/. `runsheet build` reads
 * each runbook once; a home page lists one page of runbooks however many there are, and every runbook is
 * on exactly one page of the list; a runbook's page does not grow with the site; the filter brings the
 * other pages of the list in and goes through all of them.
 */
import {cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {runbooksPerPage} from '../packages/site/src/lib/pages.js'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'
import {launchChromium, repo, runsheet, tempDir} from './site-helpers.js'

/** The runbooks of examples/, as paths under it. */
function examples(): string[] {
  const found: string[] = []
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory() && entry.name !== 'astro-project') visit(join(dir, entry.name))
      else if (entry.name.endsWith('.md')) found.push(relative(join(repo, 'examples'), join(dir, entry.name)))
    }
  }
  visit(join(repo, 'examples'))
  return found.sort()
}

/** `count` runbooks: the examples copied, a set per folder (`set-001/…`), as many sets as it takes. */
function generate(count: number): {dir: string; paths: string[]} {
  const dir = tempDir(`runsheet-scale-${count}-`)
  const sources = examples()
  const paths: string[] = []
  for (let index = 0; index < count; index++) {
    const source = sources[index % sources.length]!
    const path = `set-${String(Math.floor(index / sources.length) + 1).padStart(3, '0')}/${source}`
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    cpSync(join(repo, 'examples', source), join(dir, path))
    paths.push(path)
  }
  return {dir, paths}
}

/**
 * A module for `--import` that counts, per file, how often the process opens or reads a runbook under
 * `RUNSHEET_READS_UNDER` through `node:fs`, whoever asks (the CLI, the integration, the pages), and
 * writes the counts to `RUNSHEET_READS_TO/<pid>.json` when the process exits.
 */
const countReads = `
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
const under = process.env.RUNSHEET_READS_UNDER
const counts = {}
const count = (file) => {
  const path = file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? file : ''
  if (path.startsWith(under) && path.endsWith('.md')) counts[path] = (counts[path] ?? 0) + 1
}
// A call inside another (readFileSync opens the file with openSync) is the same read.
let within = 0
const wrap = (owner, name) => {
  const original = owner[name]
  owner[name] = function (file, ...rest) {
    if (within === 0) count(file)
    within++
    try {
      return original.call(this, file, ...rest)
    } finally {
      within--
    }
  }
}
for (const name of ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream']) wrap(fs, name)
for (const name of ['readFile', 'open']) wrap(fs.promises, name)
syncBuiltinESMExports()
process.on('exit', () => fs.writeFileSync(join(process.env.RUNSHEET_READS_TO, process.pid + '.json'), JSON.stringify(counts)))
`

interface Built {
  paths: string[]
  out: string
  /** How often each runbook was read, by its path under the folder. */
  reads: Map<string, number>
  stdout: string
}

async function build(count: number): Promise<Built> {
  const {dir, paths} = generate(count)
  const out = join(tempDir(`runsheet-scale-${count}-out-`), 'site')
  const probe = tempDir('runsheet-reads-')
  const hook = join(probe, 'count-reads.mjs')
  writeFileSync(hook, countReads)
  const result = await runsheet(['build', dir, '--out', out, '--no-search', '--quiet'], {
    NODE_OPTIONS: `--import=${hook}`,
    RUNSHEET_READS_UNDER: `${dir}/`,
    RUNSHEET_READS_TO: probe
  })
  if (result.code !== 0) throw new Error(`build of ${count} runbooks failed:\n${result.stdout}\n${result.stderr}`)
  const reads = new Map<string, number>()
  for (const name of readdirSync(probe).filter((each) => each.endsWith('.json'))) {
    for (const [path, times] of Object.entries(JSON.parse(readFileSync(join(probe, name), 'utf8')) as Record<string, number>)) {
      const key = relative(dir, path)
      reads.set(key, (reads.get(key) ?? 0) + times)
    }
  }
  return {paths, out, reads, stdout: result.stdout}
}

const size = (file: string) => statSync(file).size
const html = (site: Built, url: string) => readFileSync(join(site.out, ...url.split('/').filter(Boolean), 'index.html'), 'utf8')
const cardsOf = (page: string) => [...page.matchAll(/data-runbook-card="([^"]*)"/g)].map((match) => match[1]!)

let small: Built
let large: Built
let seed: number

beforeAll(async () => {
  ;[small, large] = await Promise.all([build(100), build(1000)])
  const examplesOut = join(tempDir('runsheet-scale-examples-'), 'site')
  const result = await runsheet(['build', 'examples', '--out', examplesOut, '--no-search', '--quiet'])
  if (result.code !== 0) throw new Error(`build of examples failed:\n${result.stderr}`)
  seed = size(join(examplesOut, 'production-deploy.ko/index.html'))
}, 300_000)

describe.each([
  ['100', () => small],
  ['1 000', () => large]
])('%s runbooks', (_, site) => {
  test('the build reads every runbook once', () => {
    const {paths, reads} = site()
    expect([...reads.keys()].sort()).toEqual([...paths].sort())
    expect([...reads].filter(([, times]) => times !== 1)).toEqual([])
  })

  test('every runbook is on one page of the list, in each language; each page lists at most a page of them', () => {
    const {paths} = site()
    const pages = Math.ceil(paths.length / runbooksPerPage)
    for (const home of ['/', '/ko/']) {
      const listed: string[] = []
      for (let number = 1; number <= pages; number++) {
        const cards = cardsOf(html(site(), number === 1 ? home : `${home}page/${number}/`))
        expect(cards.length).toBeLessThanOrEqual(runbooksPerPage)
        listed.push(...cards)
      }
      expect(listed.sort()).toEqual([...paths].sort())
    }
  })

  test('a runbook\'s page is as small as in a site of 12', () => {
    expect(size(join(site().out, 'set-001/production-deploy.ko/index.html'))).toBeLessThanOrEqual(seed * 1.02)
  })
})

test('the home page does not grow with the site', () => {
  const homes = [small, large].map((site) => size(join(site.out, 'index.html')))
  expect(homes[0]).toBeLessThanOrEqual(80 * 1024)
  expect(homes[1]).toBeLessThanOrEqual(homes[0]! * 1.02)
  expect(size(join(large.out, 'ko/page/20/index.html'))).toBeLessThanOrEqual(80 * 1024)
})

describe('the filter on a list of several pages', () => {
  let server: StaticServer

  beforeAll(async () => {
    server = await serveStatic(small.out)
  })

  afterAll(async () => {
    await server?.close()
  })

  test('brings in the other pages and filters them all; without words it shows the page and its pager', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${server.origin}/page/2/`)
      expect(await page.locator('[data-runbook-card]').count()).toBe(runbooksPerPage)
      expect(await page.locator('[data-pager] [aria-current=page]').textContent()).toBe('2')
      expect(await page.locator('[data-pager] a[rel=prev]').getAttribute('href')).toBe('/')

      await page.fill('[id="rs:filter-input"]', 'failover')
      const failover = small.paths.filter((path) => path.includes('/database-failover.'))
      await page.waitForFunction((count) => document.querySelectorAll('[data-runbook-card]').length === count, small.paths.length)
      expect(await page.locator('[data-runbook-card]:visible').count()).toBe(failover.length)
      const all = await page.locator('[data-runbook-card]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-runbook-card')))
      expect(all.sort()).toEqual([...small.paths].sort())
      // A folder that ran on across two pages is one group again, and every id on the page is unique.
      const folders = await page.locator('[data-index-groups] > [data-folder]').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-folder')))
      expect(new Set(folders).size).toBe(folders.length)
      const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(await page.locator('[data-pager]').isVisible()).toBe(false)
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
