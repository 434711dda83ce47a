import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import type {KeptRenderer} from '../lib/kept-renderer.js'
import {dropRenderer, keepRenderer, keptRenderer, keptRendererFor, keptRenderers, rendererId} from './renderers.js'

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
  styles: [['/[...slug]&@runsheet/site/pages/[...slug].astro', [{depth: 0, order: 1, sheet: {type: 'external', src: '_astro/page.css'}}]]],
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

test('a rebuild takes the renderer its output folder was rendered with, while the site has every file it names', () => {
  const root = folder('root')
  const out = folder('out')
  mkdirSync(join(out, '_astro'))
  writeFileSync(join(out, '_astro/page.css'), 'body{}')
  writeFileSync(join(out, '_astro/page.js'), '')
  const id = rendererId('settings')
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  const previous = {id: 'build', pages: {}, renderer: id, assets: ['_astro/page.css', '_astro/page.js']}
  expect(keptRendererFor(id, previous, out, root)?.dir).toBe(join(root, id))
  // Other code or settings, no record of the renderer or of the assets, none kept.
  expect(keptRendererFor(rendererId('other settings'), previous, out, root)).toBeUndefined()
  expect(keptRendererFor(id, {...previous, renderer: undefined}, out, root)).toBeUndefined()
  expect(keptRendererFor(id, {...previous, assets: undefined}, out, root)).toBeUndefined()
  expect(keptRendererFor(id, undefined, out, root)).toBeUndefined()
  // A style sheet the pages link that the site's build did not write: the renderer is another build's.
  expect(keptRendererFor(id, {...previous, assets: ['_astro/page.js']}, out, root)).toBeUndefined()
  // A file of the site gone since.
  rmSync(join(out, '_astro/page.js'))
  expect(keptRendererFor(id, previous, out, root)).toBeUndefined()
})

test('a renderer kept while another build kept one is not replaced; a broken one is', () => {
  const root = folder('root')
  const id = rendererId('z')
  keepRenderer(id, {dir: prerenderFolder(), renderer}, root)
  expect(keepRenderer(id, {dir: prerenderFolder(), renderer: {...renderer, siteKey: 'site-2-other'}}, root)).toBe(true)
  expect(keptRenderer(id, root)?.renderer.siteKey).toBe(renderer.siteKey)
  rmSync(join(root, id, renderer.entry))
  expect(keepRenderer(id, {dir: prerenderFolder(), renderer: {...renderer, siteKey: 'site-2-other'}}, root)).toBe(true)
  expect(keptRenderer(id, root)?.renderer.siteKey).toBe('site-2-other')
  expect(readdirSync(root)).toEqual([id])
})

test('a renderer that cannot be copied is not kept, and leaves nothing aside', () => {
  const root = folder('root')
  const id = rendererId('w')
  expect(keepRenderer(id, {dir: join(root, 'no such folder'), renderer}, root)).toBe(false)
  expect(readdirSync(root)).toEqual([])
})
