import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {main} from './cli.js'

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, {stdout: (text) => out.push(text), stderr: (text) => err.push(text)})
  return {code, out: out.join('\n'), err: err.join('\n')}
}

test('the public API', async () => {
  expect(Object.keys(await import('./cli.js')).sort()).toEqual(['main'])
  expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
    [
      "collectRunbooks",
      "createSite",
      "elementIdOf",
      "entryOf",
      "hasErrors",
      "homeUrl",
      "indexSite",
      "loadSite",
      "referencedBy",
      "resolveLink",
      "runsheet",
      "runsheetLoader",
      "siteReport",
      "t",
      "translationsOf",
      "uiLangs",
    ]
  `)
})

test('each command has --help', async () => {
  for (const command of ['build', 'dev', 'preview']) {
    const result = await run([command, '--help'])
    expect(result.code).toBe(0)
    expect(result.out).toContain(`Usage: runsheet ${command}`)
  }
})

test('problems are one line and a non-zero exit, never a stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['build'], /^runsheet: 'build' needs the folder of runbooks/],
    [['build', 'no/such/folder'], /^runsheet: no folder at 'no\/such\/folder'$/],
    [['build', '.', '--frobnicate'], /^runsheet: unknown option '--frobnicate' for 'build'/],
    [['build', '.', '--lang', 'fr'], /^runsheet: --lang takes ko or en, not 'fr'$/],
    [['dev', '.', '--port', 'x'], /^runsheet: --port takes a number/],
    [['preview', 'no/such/dist'], /^runsheet: no folder at 'no\/such\/dist'/],
    [['deploy'], /^runsheet: unknown command 'deploy'/]
  ]
  for (const [argv, message] of cases) {
    const result = await run(argv)
    expect(result.code, argv.join(' ')).toBe(2)
    expect(result.err.split('\n'), argv.join(' ')).toHaveLength(1)
    expect(result.err, argv.join(' ')).toMatch(message)
  }
})

test('--strict fails on an unresolved link, reported once, and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-strict-'))
  writeFileSync(join(dir, 'a.md'), '# A\n\n- [ ] See [the guide](guide.md)\n')
  const out = join(dir, '..', `${dir.split('/').pop()}-out`)
  const result = await run(['build', dir, '--strict', '--out', out])
  expect(result.code).toBe(1)
  expect(result.err.match(/a\.md:3:11 {2}warning {2}Cannot find `guide\.md` linked as `guide\.md` {2}runsheet:unresolved-link/g)).toHaveLength(1)
  expect(result.err).toMatch(/build failed: 1 problem \(--strict\)/)
  expect(existsSync(out)).toBe(false)
})

test('the output folder may not hold the runbooks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-out-'))
  const result = await run(['build', dir, '--out', join(dir, '..')])
  expect(result.code).toBe(2)
  expect(result.err).toMatch(/holds the runbook folder/)
})
