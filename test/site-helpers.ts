/**
 * Shared pieces of the site's browser tests: building a site through the real CLI (in a child process, as
 * a user runs it), serving it, and a headless Debian Chromium.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll} from 'vitest'
import {chromiumArgs, chromiumPath} from '../packages/site/src/pdf/chromium.js'
import {serveStatic, type StaticServer} from '../packages/site/src/lib/static-server.js'

export const repo = fileURLToPath(new URL('..', import.meta.url))
const sitePackage = join(repo, 'packages/site')

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** The time the newest file in `dir` whose name ends in `extension` (tests left out) was written. */
function newest(dir: string, extension: string): number {
  let time = 0
  if (!existsSync(dir)) return time
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) time = Math.max(time, newest(path, extension))
    else if (entry.name.endsWith(extension) && !entry.name.includes('.test.')) time = Math.max(time, statSync(path).mtimeMs)
  }
  return time
}

/**
 * Compiles the site package when its `dist/` is missing or older than its sources (the CLI runs from it), and
 * bundles the CLI again, as its `build` script does: also when the parser was compiled since, as the bundle
 * holds the parser.
 */
export function ensureSiteBuilt(): void {
  const cli = join(sitePackage, 'dist/bundle/cli.js')
  const sources = Math.max(newest(join(sitePackage, 'src'), '.ts'), newest(join(repo, 'packages/parser/dist'), '.js'))
  if (existsSync(cli) && statSync(cli).mtimeMs >= sources) return
  for (const args of [[join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(sitePackage, 'tsconfig.build.json')], [join(sitePackage, 'scripts/bundle-cli.js')]]) {
    const result = spawnSync(process.execPath, args, {encoding: 'utf8'})
    if (result.status !== 0) throw new Error(`building @runsheet/site failed:\n${result.stdout}${result.stderr}`)
  }
}

/**
 * The environment of a user's shell: the test runner's own variables (`NODE_ENV=test`, `VITEST…`) left
 * out, which change how Astro serves and builds; `extra` on top.
 */
export function userShellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')))
  return {...env, ...extra}
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `runsheet <args>` through the site package's CLI entry, from the repository root, with `env` added. */
export function runsheet(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  ensureSiteBuilt()
  const script = "const {main} = await import('@runsheet/site/cli'); process.exitCode = await main(process.argv.slice(1))"
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {cwd: repo, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({code: code ?? 1, stdout, stderr}))
  })
}

/** Debian's Chromium, launched as `runsheet pdf` launches it; Playwright gives each launch a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath(), args: chromiumArgs})
}

/**
 * The examples built through the CLI into a scratch folder, served, and a Chromium: ready before the test
 * file's tests, closed and removed after them. Read `server` and `browser` inside the tests.
 */
export function servedExamples(prefix: string): {readonly server: StaticServer; readonly browser: Browser} {
  return servedSite(prefix, () => 'examples')
}

/** As `servedExamples`, for the folder `folder()` gives (made before the build), built with `args` added. */
export function servedSite(prefix: string, folder: () => string, args: readonly string[] = []): {readonly server: StaticServer; readonly browser: Browser} {
  let out: string | undefined
  let server: StaticServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    out = join(tempDir(prefix), 'site')
    const build = await runsheet(['build', folder(), '--out', out, ...args])
    if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
    server = await serveStatic(out, {port: 0})
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (out) rmSync(dirname(out), {recursive: true, force: true})
  })
  return {
    get server() {
      return server!
    },
    get browser() {
      return browser!
    }
  }
}

export const axeSource = join(repo, 'node_modules/axe-core/axe.min.js')

/** What axe finds serious or critical on the page as it is now, as `rule (nodes)`. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses scripts it has no hash for.
  await page.evaluate(readFileSync(axeSource, 'utf8'))
  return page.evaluate(async () => {
    const result = await (window as unknown as {axe: {run: () => Promise<{violations: {id: string; impact: string; nodes: unknown[]}[]}>}}).axe.run()
    return result.violations.filter((each) => each.impact === 'serious' || each.impact === 'critical').map((each) => `${each.id} (${each.nodes.length})`)
  })
}

/** A `runsheet dev` of the working tree's packages, serving `dir` on a free port. */
export interface DevServer {
  origin: string
  /** Everything it printed so far, stdout and stderr. */
  output(): string
  /** Stops it (Ctrl-C), and waits until it has. */
  stop(): Promise<void>
}

/**
 * Starts `runsheet dev DIR --port 0` (this checkout's, or `installed`: a user's install of the packages) and
 * resolves once it says where it serves; rejects if it stops first.
 */
export async function startDev(dir: string, installed?: {bin: string; cwd: string; env: NodeJS.ProcessEnv}): Promise<DevServer> {
  let output = ''
  let dev: ReturnType<typeof spawn>
  if (installed) {
    // As a user runs it, from where the packages are installed.
    dev = spawn(installed.bin, ['dev', dir, '--port', '0'], {cwd: installed.cwd, env: {...installed.env, ASTRO_TELEMETRY_DISABLED: '1'}})
  } else {
    ensureSiteBuilt()
    const script = "const {main} = await import('@runsheet/site/cli'); process.exitCode = await main(process.argv.slice(1))"
    dev = spawn(process.execPath, ['--input-type=module', '-e', script, 'dev', dir, '--port', '0'], {cwd: repo, env: userShellEnv({ASTRO_TELEMETRY_DISABLED: '1'})})
  }
  const origin = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (found) done(found[0])
    }
    dev.stdout!.on('data', read)
    dev.stderr!.on('data', read)
    dev.on('close', () => fail(new Error(`runsheet dev stopped:\n${output}`)))
  })
  return {
    origin,
    output: () => output,
    async stop() {
      if (dev.exitCode !== null) return
      const closed = new Promise((done) => dev.once('close', done))
      dev.kill('SIGINT')
      await closed
    }
  }
}
