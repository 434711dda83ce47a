/**
 * Run mode and `runsheet format --record` match a record by one definition of a step's fingerprint: the
 * parser's, from the model. The built page carries exactly those fingerprints, for every step, blank and
 * choice it shows, over the examples and the seed.
 */
import {cpSync, existsSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {parseRunbook, recordTargetsOf} from '@runsheet/parser'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {repo, runsheet, tempDir} from './site-helpers.js'

const examples = join(repo, 'examples')
const seed = join(repo, '../shared/seeds/000_b05671f3170c945e.txt')
const files: string[] = []
let dir = ''
let out = ''

function markdownUnder(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'astro-project' || entry.name === 'node_modules' ? [] : markdownUnder(path)
    return entry.name.endsWith('.md') ? [path] : []
  })
}

beforeAll(async () => {
  dir = tempDir('runsheet-keys-')
  for (const path of markdownUnder(examples)) {
    const name = relative(examples, path)
    cpSync(path, join(dir, name))
    files.push(name)
  }
  if (existsSync(seed)) {
    cpSync(seed, join(dir, 'seed.md'))
    files.push('seed.md')
  }
  out = join(tempDir('runsheet-keys-out-'), 'site')
  const build = await runsheet(['build', dir, '--out', out, '--no-search', '--quiet'])
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
}, 180_000)

/** Id → fingerprint (`data-fp`, or '' without one) of the page's elements that carry `attribute`. */
function fingerprintsWith(html: string, attribute: string): Map<string, string> {
  const tags = [...html.matchAll(new RegExp(`<[a-z]+\\b[^>]*\\s${attribute}(?=[\\s>=])[^>]*>`, 'g'))].map((tag) => tag[0])
  return new Map(tags.map((tag) => [unescapeHtml(/\sid="([^"]*)"/.exec(tag)?.[1] ?? ''), /\sdata-fp="([^"]*)"/.exec(tag)?.[1] ?? '']))
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

afterAll(() => {
  for (const each of [dir, dirname(out)]) if (each) rmSync(each, {recursive: true, force: true})
})

test('every page carries the parser’s fingerprint of each step, blank and choice it shows', () => {
  expect(files.length).toBeGreaterThan(5)
  let steps = 0
  for (const name of files) {
    const html = readFileSync(join(out, name.replace(/\.md$/, ''), 'index.html'), 'utf8')
    expect(html, `${name}: no table of keys by id`).not.toContain('data-runbook-keys')
    const targets = recordTargetsOf(parseRunbook(readFileSync(join(dir, name), 'utf8'), {path: name}).runbook)
    const shown = {items: fingerprintsWith(html, 'data-task'), blanks: fingerprintsWith(html, 'data-blank'), choices: fingerprintsWith(html, 'data-choice')}
    for (const kind of ['items', 'blanks', 'choices'] as const) {
      const keys = new Map(targets[kind].map((target) => [target.id, target.key]))
      for (const [id, fingerprint] of shown[kind]) {
        expect(fingerprint, `${name}: ${kind} #${id} carries the parser's fingerprint`).toBe(keys.get(id))
      }
    }
    steps += shown.items.size
  }
  expect(steps).toBeGreaterThan(100)
})
