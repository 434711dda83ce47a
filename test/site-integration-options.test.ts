/**
 * runsheet() in a project of one's own, built by `astro build`: a policy the project set is merged with the
 * site's, each directive once, and what the integration cannot serve (a second instance, `build.format:
 * 'file'`, a bad option) is refused with one line before anything is built; runbooks with errors fail it.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {ensureSiteBuilt, repo} from './site-helpers.js'

let project: string

beforeAll(() => {
  ensureSiteBuilt()
  // Inside the repository, as a project that installed @runsheet/site and astro finds them, and ignored by git.
  const caches = join(repo, 'node_modules/.cache')
  mkdirSync(caches, {recursive: true})
  project = mkdtempSync(join(caches, 'runsheet-integration-options-'))
  mkdirSync(join(project, 'src/pages'), {recursive: true})
  writeFileSync(join(project, 'src/pages/index.astro'), '---\n---\n<html lang="en"><head><title>Own</title></head><body><p>Own page</p></body></html>\n')
  for (const [folder, title] of [['ops', 'Ops runbook'], ['sec', 'Sec runbook']] as const) {
    mkdirSync(join(project, folder))
    writeFileSync(join(project, folder, `${folder}.md`), `# ${title}\n\n## Steps\n\n- [ ] Check\n`)
  }
}, 60_000)

afterAll(() => {
  if (project) rmSync(project, {recursive: true, force: true})
})

/** Builds the project with `config` (the object inside `defineConfig`), into its own output folder. */
async function build(name: string, config: string): Promise<{code: number; log: string; out: string}> {
  const out = join(project, `dist-${name}`)
  // The caches in the project, removed with it.
  const file = [
    "import {defineConfig} from 'astro/config'",
    "import {runsheet} from '@runsheet/site'",
    `export default defineConfig({cacheDir: './cache', vite: {cacheDir: './cache/vite'}, outDir: ${JSON.stringify(out)}, ...${config}})`
  ].join('\n')
  writeFileSync(join(project, 'astro.config.mjs'), file)
  let log = ''
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {cwd: project, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}})
    child.stdout.on('data', (chunk) => (log += chunk))
    child.stderr.on('data', (chunk) => (log += chunk))
    child.on('close', (status) => done(status ?? 1))
  })
  return {code, log, out}
}

/** The directives of the page's `<meta>` policy in order, repeated ones included, with their sources. */
function directivesOf(html: string): [string, string[]][] {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? ''
  return content
    .replace(/&#39;|&#x27;/g, "'")
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]) => [name!, sources])
}

test('a project’s own policy is kept and the pages’ needs are added to it, each directive once', async () => {
  const {code, log, out} = await build(
    'csp',
    `{
      security: {csp: {
        directives: ["img-src 'self' https://images.example", 'connect-src https://api.example'],
        scriptDirective: {resources: ["'self'", 'https://cdn.example']},
        styleDirective: {resources: ["'self'", 'https://fonts.example']}
      }},
      integrations: [runsheet({dir: './ops', prefix: 'ops', report: 'silent'})]
    }`
  )
  expect(code, log).toBe(0)
  for (const page of ['index.html', 'ops/ops/index.html']) {
    const directives = directivesOf(readFileSync(join(out, page), 'utf8'))
    const names = directives.map(([name]) => name)
    expect(names, page).toEqual([...new Set(names)])
    const policy = Object.fromEntries(directives)
    expect(policy['img-src'], page).toEqual(["'self'", 'https://images.example', 'data:'])
    expect(policy['connect-src'], page).toEqual(['https://api.example', "'self'"])
    expect(policy['default-src'], page).toEqual(["'self'"])
    expect(policy['object-src'], page).toEqual(["'none'"])
    expect(policy['base-uri'], page).toEqual(["'self'"])
    expect(policy['form-action'], page).toEqual(["'self'"])
    const scripts = policy['script-src']!.filter((source) => !source.startsWith("'sha"))
    expect(scripts, page).toEqual(["'self'", 'https://cdn.example', "'wasm-unsafe-eval'"])
    expect(policy['style-src']!.filter((source) => !source.startsWith("'sha")), page).toEqual(["'self'", 'https://fonts.example'])
  }
}, 180_000)

test('a second runsheet() is refused before anything is built, naming both folders', async () => {
  const {code, log, out} = await build(
    'two',
    `{integrations: [runsheet({dir: './ops', prefix: 'ops'}), runsheet({dir: './sec', prefix: 'sec'})]}`
  )
  expect(code).toBe(1)
  expect(log).toContain("runsheet(): one runsheet() per project, but this one has 2 (dirs './ops' and './sec')")
  expect(existsSync(out)).toBe(false)
}, 120_000)

test('build.format file is refused before anything is built', async () => {
  const {code, log, out} = await build('file', `{build: {format: 'file'}, integrations: [runsheet({dir: './ops'})]}`)
  expect(code).toBe(1)
  expect(log).toContain("runsheet(): needs build.format 'directory' (Astro's default), not 'file'")
  expect(existsSync(out)).toBe(false)
}, 120_000)

test('runbooks with errors fail the build, as runsheet build fails, the errors printed', async () => {
  mkdirSync(join(project, 'conflict'))
  writeFileSync(join(project, 'conflict/y.md'), '# Y one\n\n- [ ] Check\n')
  writeFileSync(join(project, 'conflict/y.markdown'), '# Y two\n\n- [ ] Check\n')
  const {code, log} = await build('conflict', `{integrations: [runsheet({dir: './conflict'})]}`)
  expect(code).toBe(1)
  expect(log).toContain('runsheet:route-conflict')
  expect(log).toContain('runsheet(): 1 error in the runbooks, printed above: the site is not built')
}, 120_000)

test('a bad option is refused with one line naming it, before anything is built', async () => {
  const {code, log, out} = await build('lang', `{integrations: [runsheet({dir: './ops', lang: 'fr', searchPagesPerIndex: 0})]}`)
  expect(code).toBe(1)
  expect(log).toContain("runsheet(): lang takes ko or en, not 'fr'; searchPagesPerIndex takes a whole number of at least 1, not 0\n")
  expect(log).not.toContain('TypeError')
  expect(existsSync(out)).toBe(false)
}, 120_000)
