/**
 * `runsheet build`, `pdf` and `dev` as a user runs them: the linked `runsheet` bin, in a working folder of its
 * own with no node_modules above it and a TMPDIR of its own. Whatever Astro writes must resolve its packages
 * from the site package's install; the build must never lose a file it did not make; nothing may be left in
 * the working folder, the temp folder or the package's scratch folder, whichever way the command ends.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {scratchRoot} from '../packages/site/src/lib/scratch-root.js'
import {serveStatic} from '../packages/site/src/lib/static-server.js'
import {ensureSiteBuilt, repo, userShellEnv} from './site-helpers.js'
import {pageTexts} from './print-helpers.js'

const bin = join(repo, 'node_modules/.bin/runsheet')
let base: string
let temp: string

/** The environment of a user's shell, with the test's TMPDIR once it exists. */
let userEnv: NodeJS.ProcessEnv = userShellEnv()

/** Every file and folder under `dir`, as sorted relative paths. */
function tree(dir: string): string[] {
  const found: string[] = []
  const visit = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      found.push(prefix + entry.name)
      if (entry.isDirectory()) visit(join(folder, entry.name), `${prefix}${entry.name}/`)
    }
  }
  visit(dir, '')
  return found.sort()
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
}

/** A fresh working folder under the test's base folder (which has no node_modules above it). */
function workFolder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(base, 'work-'))
  write(dir, files)
  return dir
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  pid: number
}

/** Runs the linked `runsheet` bin in `cwd`; `until` may stop it with a signal once `ready` says so. */
function runsheet(args: string[], cwd: string, until?: {ready: (output: string, pid: number) => boolean; signal: NodeJS.Signals}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: userEnv})
    let stdout = ''
    let stderr = ''
    const poll = until
      ? setInterval(() => {
          if (until.ready(stdout + stderr, child.pid!)) {
            clearInterval(poll)
            child.kill(until.signal)
          }
        }, 20)
      : undefined
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearInterval(poll)
      done({code, signal, stdout, stderr, pid: child.pid!})
    })
  })
}

/**
 * What the commands left in their TMPDIR. Node's own module compile cache (`node-compile-cache/`, which
 * Node ≥ 22 keeps there for any program that turns it on, npm among them) is Node's, meant to stay, and
 * not counted.
 */
function leftInTemp(): string[] {
  return readdirSync(temp).filter((name) => name !== 'node-compile-cache')
}

/** The scratch folders a command left behind, known by the process id in their names. */
function leftBy(pid: number): string[] {
  if (!existsSync(scratchRoot)) return []
  return readdirSync(scratchRoot).filter((name) => name.includes(`-${pid}-`))
}

const runbooks = {
  'deploy.md': '# Deploy\n\n- [ ] Run [the rollback](ops/rollback.md)\n',
  'ops/rollback.md': '# Rollback\n\n- [ ] Restore\n',
  '...md': '# Three dots\n',
  '..md': '# Two dots\n'
}

beforeAll(() => {
  ensureSiteBuilt()
  // Under /var/tmp as the fresh-start check does: no node_modules above, whatever the OS temp folder is.
  base = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : resolve(repo, '..'), 'runsheet-cli-'))
  temp = join(base, 'tmp')
  mkdirSync(temp)
  userEnv = userShellEnv({TMPDIR: temp, ASTRO_TELEMETRY_DISABLED: '1'})
  for (let dir = base; ; dir = resolve(dir, '..')) {
    expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules would hide missing dependencies`).toBe(false)
    if (dir === resolve(dir, '..')) break
  }
})

afterAll(() => {
  if (base) rmSync(base, {recursive: true, force: true})
})

describe('runsheet build . --out dist, from the runbook folder', () => {
  let dir: string
  let first: Run
  let second: Run

  beforeAll(async () => {
    dir = workFolder({...runbooks, 'dist/.git/HEAD': 'ref: refs/heads/gh-pages\n'})
    first = await runsheet(['build', '.', '--out', 'dist', '--no-search'], dir)
    // A second build finds its own output in the runbook folder: it is neither a source nor foreign.
    writeFileSync(join(dir, 'dist', 'stale.html'), '')
    second = await runsheet(['build', '.', '--out', 'dist', '--no-search'], dir)
  }, 240_000)

  test('builds every runbook, each page inside the output folder', () => {
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^runsheet: built 4 runbooks into dist\//)
    const files = tree(join(dir, 'dist'))
    for (const page of ['index.html', 'deploy/index.html', 'ops/rollback/index.html', '_../index.html', '_./index.html']) expect(files).toContain(page)
    const home = readFileSync(join(dir, 'dist/index.html'), 'utf8')
    expect(home).toContain('href="/_./"')
    expect(home).not.toContain('href="/./"')
  })

  test('leaves out its own output, replaces it whole, and keeps a .git checked out there', () => {
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/built 4 runbooks/)
    const files = tree(join(dir, 'dist'))
    expect(files).not.toContain('stale.html')
    expect(files).toContain('.runsheet-site')
    expect(readFileSync(join(dir, 'dist/.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n')
    expect(files.some((file) => file.startsWith('.prerender') || file.startsWith('.astro'))).toBe(false)
  })

  test('writes nothing but the output folder, and leaves no scratch folder behind', () => {
    expect(readdirSync(dir).sort()).toEqual(['...md', '..md', 'deploy.md', 'dist', 'ops'])
    expect(readdirSync(base).filter((name) => !name.startsWith('work-') && name !== 'tmp')).toEqual([])
    expect(leftInTemp()).toEqual([])
    expect(leftBy(first.pid)).toEqual([])
    expect(leftBy(second.pid)).toEqual([])
  })
})

test('any file name becomes a page that its link reaches: percent, #, ?, spaces, Hangul', async () => {
  const names = ['pct%20x.md', 'hash#1.md', 'q?x.md', 'a b.md', '배포 절차.md']
  const dir = workFolder(Object.fromEntries(names.map((name, index) => [`src/${name}`, `# Page ${index}\n\n- [ ] Step\n`])))
  const built = await runsheet(['build', 'src', '--out', 'site', '--no-search'], dir)
  expect(built.code, built.stderr).toBe(0)
  const server = await serveStatic(join(dir, 'site'))
  try {
    const home = await (await fetch(`${server.origin}/`)).text()
    const pages = new Set([...home.matchAll(/href="(\/[^"#?]+\/)"/g)].map((match) => match[1]!).filter((href) => !/^\/(ko|en|_astro|pagefind)\//.test(href)))
    expect(pages.size, home).toBe(names.length)
    const titles = new Set<string>()
    for (const href of pages) {
      const answer = await fetch(server.origin + href)
      expect(answer.status, href).toBe(200)
      titles.add(/<h1[^>]*>([^<]*)<\/h1>/.exec(await answer.text())?.[1] ?? '')
    }
    expect([...titles].sort()).toEqual(names.map((_, index) => `Page ${index}`))
  } finally {
    await server.close()
  }
}, 120_000)

test("no heading takes an id of the page's own, so every id is on one element and the contents reach the sections", async () => {
  const headings = ['main', 'rs-toc', 'rs-search-input', 'rs-search-results', 'rs-filter-input', 'rs-refs']
  const dir = workFolder({'src/ids.md': `# Ids\n\n${headings.map((heading) => `## ${heading}\n\n- [ ] Step of ${heading}\n`).join('\n')}`})
  const built = await runsheet(['build', 'src', '--out', 'site'], dir)
  expect(built.code, built.stderr).toBe(0)
  for (const page of ['ids/index.html', 'index.html']) {
    const html = readFileSync(join(dir, 'site', page), 'utf8')
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index), page).toEqual([])
  }
  const html = readFileSync(join(dir, 'site/ids/index.html'), 'utf8')
  for (const heading of headings) {
    expect(html, heading).toMatch(new RegExp(`<section class="rs-section" id="${heading}"`))
    expect(html, heading).toContain(`href="#${heading}"`)
  }
}, 120_000)

describe('the build never loses a file it did not make', () => {
  const refused = async (files: Record<string, string>, args: (dir: string) => string[], message: RegExp) => {
    const dir = workFolder(files)
    const before = tree(dir)
    const result = await runsheet(args(dir), dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stdout).toBe('')
    expect(tree(dir)).toEqual(before)
    return dir
  }

  test('an --out inside the runbooks that holds runbooks is refused, not emptied', async () => {
    await refused({'src/a.md': '# A\n', 'src/docs/guide.md': '# Guide\n'}, () => ['build', 'src', '--out', 'src/docs'], /--out 'src\/docs' holds files that runsheet build did not make \(guide\.md\)/)
  })

  test('an --out that links to the runbook folder is refused', async () => {
    const dir = workFolder({'src/a.md': '# A\n'})
    symlinkSync(join(dir, 'src'), join(dir, 'site'))
    const result = await runsheet(['build', 'src', '--out', 'site', '--force'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--out 'site' is the runbook folder/)
    expect(readFileSync(join(dir, 'src/a.md'), 'utf8')).toBe('# A\n')
  })

  test('a file-system root or the runbook folder itself is refused, even with --force', async () => {
    await refused({'a.md': '# A\n'}, () => ['build', '.', '--out', '/', '--force'], /--out '\/' is the root of a file system/)
    await refused({'a.md': '# A\n'}, () => ['build', '.', '--out', '.', '--force'], /--out '\.' is the runbook folder/)
    await refused({'src/a.md': '# A\n'}, () => ['build', 'src', '--out', '.', '--force'], /--out '\.' holds the runbook folder/)
  })

  test('--force replaces a folder of other files', async () => {
    const dir = workFolder({'src/a.md': '# A\n', 'site/notes.txt': 'mine\n'})
    const result = await runsheet(['build', 'src', '--out', 'site', '--force', '--no-search'], dir)
    expect(result.code).toBe(0)
    expect(existsSync(join(dir, 'site/notes.txt'))).toBe(false)
    expect(existsSync(join(dir, 'site/a/index.html'))).toBe(true)
  }, 120_000)

  test('two runbooks with one page are an error naming both, and nothing is written', async () => {
    const dir = workFolder({'src/y.md': '# y\n', 'src/y.MD': '# Y\n'})
    const result = await runsheet(['build', 'src', '--out', 'site'], dir)
    expect(result.code).toBe(1)
    // Named as given, relative to the folder the command was run in (the build itself runs in another).
    expect(result.stderr).toMatch(/^src\/y\.md:1:1 {2}error {2}Its page would be `\/y\/`, which is already the page of `y\.MD`: rename one of the two files {2}runsheet:route-conflict$/m)
    expect(existsSync(join(dir, 'site'))).toBe(false)
  })
})

describe('scratch folders go on every exit', () => {
  test('a build stopped by SIGTERM or SIGINT removes its scratch folder and dies of the signal', async () => {
    const dir = workFolder(runbooks)
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const result = await runsheet(['build', '.', '--out', 'dist'], dir, {ready: (_, pid) => leftBy(pid).length > 0, signal})
      expect(result.signal).toBe(signal)
      expect(leftBy(result.pid)).toEqual([])
      expect(existsSync(join(dir, 'dist'))).toBe(false)
    }
    expect(leftInTemp()).toEqual([])
  }, 120_000)

  test('dev stopped by Ctrl-C or SIGTERM removes its scratch folder', async () => {
    const dir = workFolder(runbooks)
    // Ctrl-C stops it gracefully; on SIGTERM Vite closes the server and exits with 128 + 15.
    for (const [signal, code] of [['SIGINT', 0], ['SIGTERM', 143]] as const) {
      const result = await runsheet(['dev', '.', '--port', '0'], dir, {ready: (output) => /http:\/\/127\.0\.0\.1:\d+/.test(output), signal})
      expect(result.stdout + result.stderr).toMatch(/http:\/\/127\.0\.0\.1:\d+/)
      expect(result.code).toBe(code)
      expect(leftBy(result.pid)).toEqual([])
    }
    expect(readdirSync(dir).sort()).toEqual(['...md', '..md', 'deploy.md', 'ops'])
    expect(leftInTemp()).toEqual([])
  }, 120_000)
})

describe('runsheet pdf', () => {
  test('prints with a TMPDIR of any depth, and leaves nothing in it', async () => {
    // Chromium puts a Unix socket under TMPDIR, whose path may not pass 107 bytes.
    const deep = join(temp, 'a'.repeat(60), 'b'.repeat(60))
    mkdirSync(deep, {recursive: true})
    const dir = workFolder({'deploy.md': '# Deploy\n\n- [ ] Ship\n'})
    const result = await new Promise<{code: number | null; stderr: string}>((done) => {
      const child = spawn(process.execPath, [bin, 'pdf', 'deploy.md'], {cwd: dir, env: {...userEnv, TMPDIR: deep}})
      let stderr = ''
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (code) => done({code, stderr}))
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(readdirSync(deep).filter((name) => name !== 'node-compile-cache')).toEqual([])
    rmSync(join(temp, 'a'.repeat(60)), {recursive: true, force: true})
  }, 120_000)

  test('prints a file named on the command line whatever its extension, and leaves only the PDF', async () => {
    const dir = workFolder({'seed.txt': readFileSync(join(repo, 'examples/production-deploy.ko.md'), 'utf8')})
    const result = await runsheet(['pdf', 'seed.txt'], dir)
    // The seed links to files of its own repository, which are not here: warnings, named as given, that do not stop the print.
    const warnings = result.stderr.split('\n').filter((line) => line !== '')
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.filter((line) => !/^seed\.txt:\d+:\d+  warning  .*  runsheet:unresolved-link$/.test(line))).toEqual([])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^runsheet: printed seed\.txt \(\d+ pages, A4\) to seed\.pdf/)
    expect(readdirSync(dir).sort()).toEqual(['seed.pdf', 'seed.txt'])
    expect(readFileSync(join(dir, 'seed.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    // The paper names the file given, not the copy named `seed.md` that the site was built from.
    const pages = pageTexts(join(dir, 'seed.pdf'))
    expect(pages.every((page) => /seed\.txt · sha256 [0-9a-f]{12}/.test(page))).toBe(true)
    expect(pages.join('\n')).not.toContain('seed.md')
    expect(leftBy(result.pid)).toEqual([])
    expect(leftInTemp()).toEqual([])
  }, 180_000)

  test('refuses a runbook the parser could not read, with its errors as build gives them, and writes no PDF', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Deploy\n\n- [ ] Ship\n', 'utf16le')])
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const dir = workFolder({'front.md': '---\ntitle: [\n---\n\n# Deploy\n\n- [ ] Ship\n'})
    writeFileSync(join(dir, 'bin.md'), png)
    writeFileSync(join(dir, 'utf16.md'), utf16)
    writeFileSync(join(dir, 'euc-kr.md'), Buffer.from([0x23, 0x20, 0xb9, 0xe8, 0xc6, 0xf7, 0x0a]))
    writeFileSync(join(dir, 'big.md'), `# Big\n\n${'- [ ] Check the replica lag\n'.repeat(200_000)}`)
    const given = readdirSync(dir).sort()
    for (const name of given) {
      const result = await runsheet(['pdf', name], dir)
      const lines = result.stderr.trim().split('\n')
      expect(lines[0], name).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+  error  `))
      expect(lines.at(-1), name).toBe('runsheet: pdf failed: 1 error, nothing printed')
      expect(result.code, name).toBe(1)
      expect(result.stdout, name).toBe('')
      expect(leftBy(result.pid)).toEqual([])
    }
    // A folder of them prints none of its runbooks either.
    const folder = await runsheet(['pdf', '.', '--out', 'all.pdf'], dir)
    expect(folder.stderr).toMatch(/^\.\/bin\.md:1:1  error  /m)
    expect(folder.stderr.trim().split('\n').at(-1)).toBe(`runsheet: pdf failed: ${given.length} errors, nothing printed`)
    expect(folder.code).toBe(1)
    expect(readdirSync(dir).sort()).toEqual(given)
    expect(leftInTemp()).toEqual([])
  }, 120_000)

  test('prints the runbooks a folder links to inside itself, and stops at a link back up', async () => {
    const dir = workFolder({'deploy.md': '# Deploy\n\n- [ ] Ship\n', 'ops/rollback.md': '# Rollback\n\n- [ ] Restore\n'})
    symlinkSync(join('ops', 'rollback.md'), join(dir, 'undo.md'))
    symlinkSync('ops', join(dir, 'operations'))
    symlinkSync('..', join(dir, 'ops', 'up'))
    const result = await runsheet(['pdf', '.', '--split', '--out', `${dir}-pdf`], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(tree(`${dir}-pdf`)).toEqual(['deploy.pdf', 'operations', 'operations/rollback.pdf', 'ops', 'ops/rollback.pdf', 'undo.pdf'])
    rmSync(`${dir}-pdf`, {recursive: true, force: true})
  }, 180_000)

  test('prints a runbook with warnings only, and names them as build does', async () => {
    const dir = workFolder({'deploy.md': '# Deploy\n\n- [ ] Run [the rollback](rollback.md)\n'})
    const result = await runsheet(['pdf', 'deploy.md'], dir)
    expect(result.stderr).toMatch(/^deploy\.md:3:\d+  warning  .*  runsheet:unresolved-link\n$/)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^runsheet: printed deploy\.md /)
    expect(readFileSync(join(dir, 'deploy.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  }, 180_000)
})
