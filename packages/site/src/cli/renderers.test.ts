import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import type {KeptRenderer} from '../lib/kept-renderer.js'
import {dropRenderer, keepRenderer, keptRenderer, keptRenderers, rendererId} from './renderers.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `runsheet-renderers-${prefix}-`))
  made.push(dir)
  return dir
}

const renderer: KeptRenderer = {
  entry: 'prerender-entry.Abc123.mjs',
  siteKey: 'site-1-abcdefgh',
  origin: 'http://localhost:4321',
  styles: [['/[...slug]&@runsheet/site/pages/[...slug].astro', [{depth: 0, order: 1, sheet: {type: 'external', src: '/_astro/page.css'}}]]],
  bundles: [['astro:scripts/page.js', '_astro/page.js']],
  scripts: []
}

/** A prerender folder as Astro leaves it: the entry and a chunk. */
function prerenderFolder(): string {
  const dir = folder('prerender')
  mkdirSync(join(dir, 'chunks'))
  writeFileSync(join(dir, renderer.entry), 'export const app = {}\n')
  writeFileSync(join(dir, 'chunks/page.mjs'), 'export const page = 1\n')
  return dir
}

test('a kept renderer is read back whole, with its bundle; a missing one is none', () => {
  const root = folder('root')
  const id = rendererId('code and settings')
  expect(keptRenderer(id, root)).toBeUndefined()
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  const kept = keptRenderer(id, root)
  expect(kept).toEqual({dir: join(root, id), renderer})
  expect(readdirSync(kept!.dir).sort()).toEqual(['chunks', renderer.entry, 'renderer.json'].sort())
  // Nothing written aside is left.
  expect(readdirSync(root)).toEqual([id])
})

test('the name is the same for the same code and settings, and another for others', () => {
  expect(rendererId('a')).toBe(rendererId('a'))
  expect(rendererId('a')).not.toBe(rendererId('b'))
  expect(rendererId('a')).toMatch(/^[0-9a-f]{32}$/)
})

test('a renderer whose description is not whole, or whose entry is gone, is none, and the next build keeps a new one', () => {
  const root = folder('root')
  const id = rendererId('x')
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  writeFileSync(join(root, id, 'renderer.json'), '{"entry": "prerender-entry.Abc123.mjs"')
  expect(keptRenderer(id, root)).toBeUndefined()
  writeFileSync(join(root, id, 'renderer.json'), JSON.stringify({...renderer, entry: '../outside.mjs'}))
  expect(keptRenderer(id, root)).toBeUndefined()
  writeFileSync(join(root, id, 'renderer.json'), JSON.stringify(renderer))
  rmSync(join(root, id, renderer.entry))
  expect(keptRenderer(id, root)).toBeUndefined()
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  expect(keptRenderer(id, root)?.renderer).toEqual(renderer)
})

test('a renderer that would not load is dropped', () => {
  const root = folder('root')
  const id = rendererId('y')
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  dropRenderer(id, root)
  expect(existsSync(join(root, id))).toBe(false)
  expect(keptRenderer(id, root)).toBeUndefined()
})

test(`only the ${keptRenderers} renderers used last stay`, () => {
  const root = folder('root')
  const ids = Array.from({length: keptRenderers}, (_, n) => rendererId(`settings ${n}`))
  ids.forEach((id, n) => {
    keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
    // The earlier kept, the longer unused.
    const when = new Date(Date.UTC(2026, 0, 1, 0, n))
    utimesSync(join(root, id), when, when)
  })
  // The first is used again, then two more are kept: the two used longest ago go.
  keptRenderer(ids[0]!, root)
  keepRenderer(rendererId('one more'), {dir: prerenderFolder(), renderer}, root)
  keepRenderer(rendererId('two more'), {dir: prerenderFolder(), renderer}, root)
  expect(readdirSync(root).sort()).toEqual([ids[0]!, ...ids.slice(3), rendererId('one more'), rendererId('two more')].sort())
})
