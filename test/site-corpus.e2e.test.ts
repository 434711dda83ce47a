/**
 * Every real runbook of the shared corpus (and the seed) renders: each section and step carries its model
 * id, each step's text (emoji shortcodes as GitHub shows them) and each command is on the page. Skipped
 * when ../shared is absent.
 */
import {cpSync, existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {parseRunbook, walk, type Runbook} from '@runsheet/parser'
import {beforeAll, describe, expect, test} from 'vitest'
import {withEmoji} from '../packages/site/src/lib/emoji.js'
import {repo, runsheet, tempDir} from './site-helpers.js'

const shared = join(repo, '../shared')
const corpus = join(shared, 'corpus')
const available = existsSync(corpus)

describe.skipIf(!available)('the shared corpus', () => {
  let dir: string
  let out: string
  const files: string[] = []

  beforeAll(async () => {
    dir = tempDir('runsheet-corpus-')
    for (const name of readdirSync(corpus).filter((name) => name.endsWith('.md'))) {
      cpSync(join(corpus, name), join(dir, name))
      files.push(name)
    }
    const seed = join(shared, 'seeds/000_b05671f3170c945e.txt')
    if (existsSync(seed)) {
      cpSync(seed, join(dir, 'seed.md'))
      files.push('seed.md')
    }
    out = join(tempDir('runsheet-corpus-out-'), 'site')
    const build = await runsheet(['build', dir, '--out', out, '--no-search', '--quiet'])
    if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  }, 120_000)

  test('every section, step, command and blank is on its page', () => {
    for (const name of files) {
      const html = readFileSync(join(out, name.replace(/\.md$/, ''), 'index.html'), 'utf8')
      const {runbook} = parseRunbook(readFileSync(join(dir, name), 'utf8'), {path: name})
      // What a reader sees: the notes for screen readers ("(Unresolved link: …)") and the page's JSON left out.
      const visible = html.replace(/<span class="rs-sr-only">[^<]*<\/span>/g, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      const text = visible.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
      for (const [kind, id, words] of nodesOf(runbook)) {
        if (id) expect(html, `${name}: ${kind} #${id}`).toContain(`id="${escape(id)}"`)
        // As GitHub shows it: emoji shortcodes as their emoji.
        if (words) expect(squash(text), `${name}: ${kind} text`).toContain(squash(withEmoji(words)))
      }
      expect(text.match(/:(?:white_check_mark|rocket|warning|chart_with_downwards_trend):/g), `${name}: shortcodes shown as written`).toBeNull()
    }
  })
})

function nodesOf(runbook: Runbook): [string, string | null, string | null][] {
  const found: [string, string | null, string | null][] = []
  walk(runbook, (node) => {
    if (node.type === 'section') found.push(['section', node.id, node.titleText])
    else if (node.type === 'item') found.push(['item', node.id, node.content.some((each) => each.type === 'blank' || each.type === 'image' || each.type === 'html') ? null : node.text.split('\n')[0]!])
    else if (node.type === 'command') found.push(['command', null, node.code.split('\n')[0]!])
    else if (node.type === 'blank') found.push(['blank', node.id, null])
    else if (node.type === 'choice') found.push(['choice', node.id, null])
  })
  return found
}

function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
}
