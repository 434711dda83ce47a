import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {linkLeftOutWarning, markdownFilesIn, markdownFilesUnder, type LinkLeftOut} from './files.js'
import {main} from './main.js'

let base = ''
/** The folder walked, inside `base`, beside a folder outside it. */
let dir = ''

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'runsheet-files-'))
  dir = join(base, 'runbooks')
  const files: Record<string, string> = {
    'runbooks/real/deploy.md': '# Deploy\n\n- [ ] Ship\n',
    'runbooks/ops/rollback.md': '# Rollback\n\n- [ ] Restore\n',
    'runbooks/notes.txt': 'not a runbook\n',
    'outside/secret.md': '# Secret\n',
    'outside/more/other.md': '# Other\n'
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, '..'), {recursive: true})
    writeFileSync(join(base, path), text)
  }
  // Relative targets, as people make them; each inside the folder unless named otherwise.
  symlinkSync('real/deploy.md', join(dir, 'deploy.md'))
  symlinkSync('ops', join(dir, 'operations'))
  symlinkSync('notes.txt', join(dir, 'notes.md'))
  symlinkSync('../outside/secret.md', join(dir, 'secret.md'))
  symlinkSync('../outside/more', join(dir, 'more'))
  symlinkSync('gone.md', join(dir, 'broken.md'))
  symlinkSync('..', join(dir, 'ops', 'up'))
  symlinkSync('.', join(dir, 'real', 'here'))
})

afterAll(() => {
  if (base) rmSync(base, {recursive: true, force: true})
})

test('a link to a file or folder inside the folder is followed, and found by its own path', async () => {
  expect(await markdownFilesUnder(dir)).toEqual(['deploy.md', 'notes.md', 'operations/rollback.md', 'ops/rollback.md', 'real/deploy.md'])
})

test('a link leading outside the folder, nowhere, or back to a folder it is in is left out, and said so', async () => {
  const leftOut: [string, LinkLeftOut][] = []
  await markdownFilesUnder(dir, {onLinkLeftOut: (path, why) => leftOut.push([path, why])})
  expect(leftOut.sort()).toEqual([
    ['broken.md', 'broken'],
    ['more', 'outside'],
    ['operations/up', 'loop'],
    ['ops/up', 'loop'],
    ['real/here', 'loop'],
    ['secret.md', 'outside']
  ])
})

test('a folder given through a link is walked as itself', async () => {
  symlinkSync('runbooks', join(base, 'linked'))
  expect(await markdownFilesUnder(join(base, 'linked'))).toEqual(await markdownFilesUnder(dir))
  expect(await markdownFilesIn([join(base, 'linked')])).toContain(join(base, 'linked', 'deploy.md'))
})

test('markdownFilesIn names the links it leaves out by their paths joined to the folder given', async () => {
  const lines: string[] = []
  await markdownFilesIn([dir], {onLinkLeftOut: (path, why) => lines.push(linkLeftOutWarning(path, why))})
  expect(lines).toContain(`runsheet: warning: '${join(dir, 'secret.md')}' is a symbolic link left out: it leads outside the folder`)
})

test('lint DIR checks a runbook reached through a link, as lint FILE does', async () => {
  const lintDir = join(base, 'lint')
  mkdirSync(join(lintDir, 'src'), {recursive: true})
  writeFileSync(join(lintDir, 'src', 'broken.txt'), '---\ntitle: [\n---\n\n# Deploy\n')
  symlinkSync(join('src', 'broken.txt'), join(lintDir, 'deploy.md'))
  const out: string[] = []
  const code = await main(['lint', lintDir], {stdout: (line) => out.push(line), stderr: (line) => out.push(line)})
  expect(code).toBe(1)
  expect(out.join('\n')).toMatch(/lint[/\\]deploy\.md:\d+:\d+/)
})

test('lint DIR says which links it left out, unless --quiet; their names are printed safely', async () => {
  const lintDir = join(base, 'lint-left-out')
  mkdirSync(lintDir, {recursive: true})
  writeFileSync(join(lintDir, 'ok.md'), '# Deploy\n\n- [ ] Ship\n')
  symlinkSync(join('..', '..', 'elsewhere.md'), join(lintDir, 'away\u001b[2J.md'))
  const lint = async (...flags: string[]) => {
    const err: string[] = []
    const code = await main(['lint', lintDir, ...flags], {stdout: () => {}, stderr: (line) => err.push(line)})
    return {code, err}
  }
  const loud = await lint()
  expect(loud.code).toBe(0)
  expect(loud.err).toEqual([`runsheet: warning: '${join(lintDir, 'away\\u001b[2J.md')}' is a symbolic link left out: it leads nowhere`])
  expect(await lint('--quiet')).toEqual({code: 0, err: []})
})

test('a link does not open what the walk skips by name, nor an excluded folder reached by another path', async () => {
  const walked = join(base, 'skips')
  mkdirSync(join(walked, '.private'), {recursive: true})
  mkdirSync(join(walked, 'node_modules', 'pkg'), {recursive: true})
  mkdirSync(join(walked, 'out'), {recursive: true})
  writeFileSync(join(walked, '.private', 'secret.md'), '# Secret\n')
  writeFileSync(join(walked, 'node_modules', 'pkg', 'README.md'), '# Package\n')
  writeFileSync(join(walked, 'out', 'page.md'), '# Built\n')
  writeFileSync(join(walked, 'ok.md'), '# Ok\n')
  symlinkSync(join('.private', 'secret.md'), join(walked, 'public.md'))
  symlinkSync('node_modules', join(walked, 'nm'))
  symlinkSync('out', join(walked, 'out-link'))
  symlinkSync('skips', join(base, 'skips-link'))
  // The folder given through a link, the output folder named through it: the link to it is excluded too.
  expect(await markdownFilesUnder(join(base, 'skips-link'), {exclude: [join(base, 'skips-link', 'out')]})).toEqual(['ok.md'])
})
