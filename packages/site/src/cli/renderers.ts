/**
 * The page code of recent builds, kept for rebuilds to render with instead of having Astro bundle it again
 * (`render-kept.ts`). It lives in this package's scratch folder, as Astro's own bundle does during a build:
 * it imports Astro's runtime dependencies by bare name, which resolve only from inside this install. A
 * renderer is named by everything its code is made of (`codeDigest` and the build's settings), so a build
 * with other code or settings never takes it.
 */
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {keptRendererSchema, type KeptRenderer} from '../lib/kept-renderer.js'
import type {CapturedRenderer} from '../integration/prerender-capture.js'
import {scratchRoot} from './scratch.js'

/** How many renderers stay: the most recently used (each is a few hundred KB). */
export const keptRenderers = 8

const describedIn = 'renderer.json'

/** A kept renderer and its folder. */
export interface KeptRendererFolder {
  dir: string
  renderer: KeptRenderer
}

/** The name of the renderer for pages bundled from `made` (the code's digest and the build's settings). */
export function rendererId(made: string): string {
  return createHash('sha256').update(made).digest('hex').slice(0, 32)
}

/** The renderer kept under `id`, marked as just used; none when it is missing or not whole. */
export function keptRenderer(id: string, root = defaultRoot()): KeptRendererFolder | undefined {
  const dir = join(root, id)
  let renderer: KeptRenderer
  try {
    const parsed = keptRendererSchema.safeParse(JSON.parse(readFileSync(join(dir, describedIn), 'utf8')))
    if (!parsed.success || !existsSync(join(dir, parsed.data.entry))) return undefined
    renderer = parsed.data
    const now = new Date()
    utimesSync(dir, now, now)
  } catch {
    return undefined
  }
  return {dir, renderer}
}

/**
 * Keeps a build's page code under `id`, unless it is kept already, and drops the least recently used past
 * {@link keptRenderers}. Written aside and renamed in, so that a renderer is whole or absent, even with two
 * builds at once; a failure only costs the next rebuild its speed.
 */
export function keepRenderer(id: string, captured: CapturedRenderer, root = defaultRoot()): void {
  const dir = join(root, id)
  if (keptRenderer(id, root)) return
  const aside = join(root, `.${id}-${process.pid}`)
  try {
    mkdirSync(root, {recursive: true})
    rmSync(aside, {recursive: true, force: true})
    cpSync(captured.dir, aside, {recursive: true})
    writeFileSync(join(aside, describedIn), JSON.stringify(captured.renderer))
    rmSync(dir, {recursive: true, force: true})
    renameSync(aside, dir)
  } catch {
    rmSync(aside, {recursive: true, force: true})
    return
  }
  dropLeastRecent(root, keptRenderers)
}

/** Forgets the renderer kept under `id` (one that would not load): the next build with Astro keeps a new one. */
export function dropRenderer(id: string, root = defaultRoot()): void {
  rmSync(join(root, id), {recursive: true, force: true})
}

/** Removes all but the `count` most recently used renderers. */
function dropLeastRecent(root: string, count: number): void {
  const renderers = readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({path: join(root, entry.name), used: usedAt(join(root, entry.name))}))
    .sort((a, b) => b.used - a.used)
  for (const stale of renderers.slice(count)) rmSync(stale.path, {recursive: true, force: true})
}

function usedAt(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function defaultRoot(): string {
  return join(scratchRoot, 'renderers')
}
