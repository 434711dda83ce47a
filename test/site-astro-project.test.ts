/**
 * The example Astro project (examples/astro-project) builds: the integration's whole site under /site/,
 * and pages of its own from the content collection of the loader, rendered by the components.
 */
import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, expect, test} from 'vitest'
import {cspOf} from './csp-helpers.js'
import {ensureSiteBuilt, repo, tempDir} from './site-helpers.js'

let out: string
let log = ''

beforeAll(async () => {
  ensureSiteBuilt()
  out = join(tempDir('runsheet-astro-project-'), 'dist')
  const astro = join(repo, 'node_modules/astro/bin/astro.mjs')
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', join(repo, 'examples/astro-project'), '--outDir', out], {
      cwd: repo,
      env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}
    })
    child.stdout.on('data', (chunk) => (log += chunk))
    child.stderr.on('data', (chunk) => (log += chunk))
    child.on('close', (status) => done(status ?? 1))
  })
  if (code !== 0) throw new Error(`astro build failed:\n${log}`)
}, 180_000)

const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8')

test('the loader gives the collection every runbook, listed by a page of the project', () => {
  const home = page('')
  expect(home.match(/href="\/runbooks\//g)?.length).toBe(12)
  expect(home).toContain('프로덕션 배포 체크리스트')
})

test('the components render a runbook with ids, run mode and cross-links between the collection pages', () => {
  const guide = page('runbooks/docs/TROUBLESHOOTING')
  expect(guide).toContain('href="/runbooks/production-deploy/#rollback-procedure"')
  const deploy = page('runbooks/production-deploy.ko')
  expect(deploy).toMatch(/<section class="rs-section" id="롤백-절차"/)
  expect(deploy).toContain('data-runbook-model')
  expect(deploy).toContain('class="rs-toc')
})

test('the integration adds the whole site under its prefix, with a search index', () => {
  expect(page('site')).toContain('data-runbook-card="production-deploy.ko.md"')
  expect(page('site/ko')).toContain('<html lang="ko"')
  expect(page('site/production-deploy')).toContain('href="/site/docs/TROUBLESHOOTING/"')
  expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true)
})

test('the project’s own pages and the integration’s carry the site’s Content-Security-Policy', () => {
  for (const path of ['', 'runbooks/production-deploy.ko', 'site', 'site/production-deploy']) {
    const csp = cspOf(page(path))
    expect(csp?.['script-src'], path).toContain("'self'")
    expect(csp?.['script-src'], path).not.toContain("'unsafe-inline'")
    expect(csp?.['object-src'], path).toEqual(["'none'"])
  }
})
