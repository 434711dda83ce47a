/**
 * Rebuilds: `runsheet build` with a cache parses only the runbooks that changed and renders only the pages
 * whose inputs changed, with the page code the previous build bundled; the other pages (and the search
 * index's unchanged parts) stay where the site it built before has them. Whatever changed, the rebuilt site is the site a cold build of the same runbooks writes, byte for
 * byte: an edit (which the home pages' counts show), a removed section that another runbook links to, a new
 * title (which the pages linking to it, its editions and the home pages show), a rename and a deletion
 * (which leave links to it unresolved); and when the kept code is unusable or a file it names is gone,
 * Astro bundles the pages again.
 */
import {cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {repo, runsheet, tempDir} from './site-helpers.js'

const work = tempDir('runsheet-incremental-')
const dir = join(work, 'runbooks')
const out = join(work, 'site')
const cache = join(work, 'cache')

/** Every file of a site, by path, but the marker (which names the build). */
function filesOf(site: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(site, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || entry.name === '.runsheet-site') continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(site, path), readFileSync(path))
  }
  return files
}

/** The files that differ between two sites: missing on one side, or not the same bytes. */
function differences(a: string, b: string): string[] {
  const left = filesOf(a)
  const right = filesOf(b)
  const paths = new Set([...left.keys(), ...right.keys()])
  return [...paths].filter((path) => !left.get(path)?.equals(right.get(path) ?? Buffer.alloc(0)) || !right.has(path)).sort()
}

/** The runbook pages a rebuild rendered and of how many, from its summary line. */
function rendered(stdout: string): {rendered: number; of: number} | undefined {
  const match = /; (\d+) of (\d+) runbook pages? and \d+ of \d+ list pages? rendered, the others reused/.exec(stdout)
  return match ? {rendered: Number(match[1]), of: Number(match[2])} : undefined
}

/** The pages of the list of runbooks a rebuild rendered and of how many. */
function listRendered(stdout: string): {rendered: number; of: number} | undefined {
  const match = /and (\d+) of (\d+) list pages? rendered, the others reused/.exec(stdout)
  return match ? {rendered: Number(match[1]), of: Number(match[2])} : undefined
}

/** How a build says (with `RUNSHEET_DEBUG`) that it rendered with the page code the previous build bundled. */
const withKeptCode = /^runsheet: rendering with the page code kept in (.+)$/m
/** How it says that Astro bundled the pages. */
const withAstro = /^runsheet: bundling the pages with Astro/m

/**
 * Rebuilds `dir` into `site` with the cache, and builds the same runbooks cold into a folder of their own;
 * the rebuild says how it rendered (`RUNSHEET_DEBUG`).
 */
async function rebuildAndCold(name: string, site = out, flags: string[] = ['--cache', cache, '--search-index-size', '5']): Promise<{stdout: string; stderr: string; differences: string[]}> {
  const again = await runsheet(['build', dir, '--out', site, ...flags], {RUNSHEET_DEBUG: '1'})
  if (again.code !== 0) throw new Error(`rebuild failed:\n${again.stderr}`)
  const cold = join(work, `cold-${name}`)
  const fresh = await runsheet(['build', dir, '--out', cold, ...withoutCache(flags), '--no-cache'])
  if (fresh.code !== 0) throw new Error(`cold build failed:\n${fresh.stderr}`)
  return {stdout: again.stdout, stderr: again.stderr, differences: differences(site, cold)}
}

/** The flags but `--cache` and its folder. */
function withoutCache(flags: string[]): string[] {
  return flags.filter((flag, n) => flag !== '--cache' && flags[n - 1] !== '--cache')
}

beforeAll(async () => {
  cpSync(join(repo, 'examples'), dir, {recursive: true, filter: (path) => !path.includes('astro-project')})
  const first = await runsheet(['build', dir, '--out', out, '--cache', cache, '--search-index-size', '5'])
  if (first.code !== 0) throw new Error(`first build failed:\n${first.stderr}`)
}, 120_000)

afterAll(() => {
  rmSync(work, {recursive: true, force: true})
})

describe('a rebuild with the cache', () => {
  test('with nothing changed, renders no runbook page and writes the same site', async () => {
    const {stdout, stderr, differences} = await rebuildAndCold('same')
    expect(stderr).toMatch(withKeptCode)
    expect(rendered(stdout)).toEqual({rendered: 0, of: 12})
    expect(listRendered(stdout)).toEqual({rendered: 0, of: 2})
    expect(differences).toEqual([])
  }, 120_000)

  test('after one runbook is edited, renders its page alone, and writes what a cold build writes', async () => {
    const file = join(dir, 'incident/database-failover.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Afterwards\n\n- [ ] Write the incident note zebracorn\n`)
    const {stdout, stderr, differences} = await rebuildAndCold('edit')
    // Rendered with the code the first build bundled: Astro bundles nothing.
    expect(stderr).toMatch(withKeptCode)
    expect(stderr).not.toMatch(withAstro)
    // The pages linking to it name sections it still has: they are copied. The home pages count its steps.
    expect(rendered(stdout)).toEqual({rendered: 1, of: 12})
    expect(listRendered(stdout)).toEqual({rendered: 2, of: 2})
    expect(differences).toEqual([])
    expect(readFileSync(join(out, 'incident/database-failover/index.html'), 'utf8')).toContain('zebracorn')
  }, 120_000)

  test('after a section that another runbook links to is renamed, renders that runbook too: its link is unresolved', async () => {
    const file = join(dir, 'docs/sdlc/knowledge-database/architecture.md')
    const linking = join(out, 'incident/database-failover/index.html')
    expect(readFileSync(linking, 'utf8')).toContain('architecture/#data-stores-and-recovery')
    writeFileSync(file, readFileSync(file, 'utf8').replace('## 💾 Data stores and recovery', '## 💾 Storage'))
    const {stdout, stderr, differences} = await rebuildAndCold('section')
    expect(stderr).toMatch(withKeptCode)
    expect(rendered(stdout)).toEqual({rendered: 2, of: 12})
    expect(differences).toEqual([])
    expect(readFileSync(linking, 'utf8')).not.toContain('architecture/#data-stores-and-recovery')
  }, 120_000)

  test('after a title changes, the pages linking to it, its edition and the home pages show the new one', async () => {
    const file = join(dir, 'production-deploy.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# .*$/m, '# Renamed deploy checklist'))
    const {stderr, differences} = await rebuildAndCold('title')
    expect(stderr).toMatch(withKeptCode)
    expect(differences).toEqual([])
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Renamed deploy checklist')
    expect(readFileSync(join(out, 'production-deploy.ko/index.html'), 'utf8')).toContain('Renamed deploy checklist')
  }, 120_000)

  test('after a rename and a deletion, links to them are unresolved everywhere, as in a cold build', async () => {
    renameSync(join(dir, 'incident/database-failover.md'), join(dir, 'incident/db-failover.md'))
    rmSync(join(dir, 'docs/TROUBLESHOOTING.md'))
    const {stderr, differences} = await rebuildAndCold('rename')
    expect(stderr).toMatch(withKeptCode)
    expect(differences).toEqual([])
    expect(readdirSync(join(out, 'incident'))).toContain('db-failover')
    expect(readdirSync(join(out, 'incident'))).not.toContain('database-failover')
    expect(readdirSync(join(out, 'docs'))).not.toContain('TROUBLESHOOTING')
  }, 120_000)
})

test('a site built without the cache since is not taken for the cached one: every page is rendered', async () => {
  const other = await runsheet(['build', dir, '--out', out, '--no-cache', '--search-index-size', '5'])
  expect(other.code).toBe(0)
  const again = await runsheet(['build', dir, '--out', out, '--cache', cache, '--search-index-size', '5'])
  expect(again.code).toBe(0)
  expect(rendered(again.stdout)).toBeUndefined()
}, 120_000)

describe('the page code a rebuild renders with', () => {
  // Settings of their own (a title, a base), so that no other test's build keeps or takes this code.
  const site = join(work, 'kept-site')
  const flags = ['--cache', join(work, 'kept-cache'), '--search-index-size', '5', '--base', '/docs', '--title', `Kept code ${process.pid}`]
  let kept = ''

  beforeAll(async () => {
    const first = await runsheet(['build', dir, '--out', site, ...flags], {RUNSHEET_DEBUG: '1'})
    if (first.code !== 0) throw new Error(`first build failed:\n${first.stderr}`)
    expect(first.stderr).toMatch(withAstro)
  }, 120_000)

  test("is the code the previous build bundled, under the site's base, and the site is the cold build's", async () => {
    const file = join(dir, 'production-deploy.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- [ ] Tell the team quokkafish\n`)
    const {stderr, differences} = await rebuildAndCold('kept', site, flags)
    kept = withKeptCode.exec(stderr)?.[1] ?? ''
    expect(kept).toContain('node_modules/.cache/runsheet/renderers/')
    expect(differences).toEqual([])
    expect(readFileSync(join(site, 'production-deploy/index.html'), 'utf8')).toContain('quokkafish')
  }, 120_000)

  test("that no longer loads is dropped: Astro bundles the pages, the site is the cold build's, and the next rebuild has code again", async () => {
    expect(kept).not.toBe('')
    const entry = readdirSync(kept).find((name) => name.startsWith('prerender-entry.'))!
    writeFileSync(join(kept, entry), "throw new Error('not the code that was kept')\n")
    const file = join(dir, 'production-deploy.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- [ ] Close the change wombatfern\n`)
    const broken = await rebuildAndCold('broken', site, flags)
    expect(broken.stderr).toMatch(/^runsheet: the kept page code failed \(.*not the code that was kept.*\): building with Astro$/m)
    expect(broken.stderr).toMatch(withAstro)
    expect(broken.differences).toEqual([])
    const next = await rebuildAndCold('next', site, flags)
    expect(next.stderr).toMatch(withKeptCode)
    expect(next.differences).toEqual([])
  }, 120_000)

  test('renders a new runbook with a Hangul path, without search, quietly, as a cold build does', async () => {
    const quiet = join(work, 'kept-quiet')
    const quietFlags = ['--cache', join(work, 'kept-quiet-cache'), '--no-search', '--quiet', '--title', `Kept quietly ${process.pid}`]
    const first = await runsheet(['build', dir, '--out', quiet, ...quietFlags])
    expect(first.code, first.stderr).toBe(0)
    mkdirSync(join(dir, '배포'), {recursive: true})
    writeFileSync(join(dir, '배포/점검 목록.md'), '# 배포 점검\n\n## 단계\n\n- [ ] 이미지 빌드 ibisloom\n- [ ] [롤백](../production-deploy.md)\n')
    const {stderr, differences} = await rebuildAndCold('quiet', quiet, quietFlags)
    expect(stderr).toMatch(withKeptCode)
    expect(differences).toEqual([])
    expect(readFileSync(join(quiet, '배포/점검 목록/index.html'), 'utf8')).toContain('ibisloom')
    expect(readdirSync(quiet)).not.toContain('pagefind')
    rmSync(join(dir, '배포'), {recursive: true})
  }, 120_000)

  test('is not used when a file of the site it names is gone: Astro bundles the pages and writes it again', async () => {
    const styles = readdirSync(join(site, '_astro')).filter((name) => name.endsWith('.css'))
    expect(styles.length).toBeGreaterThan(0)
    rmSync(join(site, '_astro', styles[0]!))
    const {stderr, differences} = await rebuildAndCold('asset', site, flags)
    expect(stderr).toMatch(withAstro)
    expect(stderr).not.toMatch(withKeptCode)
    expect(differences).toEqual([])
  }, 120_000)
})
