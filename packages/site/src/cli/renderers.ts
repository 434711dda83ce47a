/**
 * The page code of recent builds, kept for rebuilds to render with instead of having Astro bundle it again
 * (`render-kept.ts`). It lives in this package's scratch folder, as Astro's own bundle does during a build:
 * it imports Astro's runtime dependencies by bare name, which resolve only from inside this install. A
 * renderer is named by everything its code is made of (`codeDigest` and the build's settings), so a build
 * with other code or settings never takes it. Keeping, dropping and pruning only ever cost speed: none of
 * them fails a build.
 */
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {keptRendererSchema, type KeptRenderer} from '../lib/kept-renderer.js'
import type {CapturedRenderer} from '../integration/prerender-capture.js'
import type {BuildRecord} from './reuse.js'
import {scratchRoot} from '../lib/scratch-root.js'

/** How many renderers stay: the most recently used (each is a few hundred KB)… */
export const keptRenderers = 8
/** …and any used more recently than this, which a build may be rendering with. */
const inUse = 10 * 60 * 1000

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

/**
 * The renderer to render a rebuild with: the one the previous build of the output folder was rendered
 * with, when it is `id` (the same code and settings), it is still kept, and the site's files that it names
 * are all still there.
 */
export function keptRendererFor(id: string, previous: BuildRecord | undefined, out: string, root = defaultRoot()): KeptRendererFolder | undefined {
  if (previous?.renderer !== id || !previous.assets) return undefined
  if (!previous.assets.every((file) => existsSync(join(out, file)))) return undefined
  const kept = keptRenderer(id, root)
  // Another build with the same code may have kept it: its style sheets must be the ones the site has.
  const assets = new Set(previous.assets)
  return kept && styleSheetsOf(kept.renderer).every((file) => assets.has(file)) ? kept : undefined
}

/** The files of the site that the renderer's pages link as style sheets. */
function styleSheetsOf(renderer: KeptRenderer): string[] {
  return renderer.styles.flatMap(([, sheets]) => sheets.flatMap(({sheet}) => (sheet.type === 'external' ? [sheet.src.replace(/^\/+/, '')] : [])))
}

/** The renderer kept under `id`, marked as just used; none when it is missing or not whole. */
export function keptRenderer(id: string, root = defaultRoot()): KeptRendererFolder | undefined {
  const dir = join(root, id)
  const renderer = whole(dir)
  if (!renderer) return undefined
  try {
    const now = new Date()
    utimesSync(dir, now, now)
  } catch {
    // Only its place in the order of use is lost.
  }
  return {dir, renderer}
}

/**
 * Keeps a build's page code under `id`, unless a whole one is kept already, and drops the least recently
 * used past {@link keptRenderers}. Written aside and renamed in, so that a renderer is whole or absent, even
 * with two builds at once; whether it is kept.
 */
export function keepRenderer(id: string, captured: CapturedRenderer, root = defaultRoot()): boolean {
  const dir = join(root, id)
  const aside = join(root, `.${id}-${process.pid}`)
  try {
    if (whole(dir)) return true
    mkdirSync(root, {recursive: true})
    rmSync(aside, {recursive: true, force: true})
    cpSync(captured.dir, aside, {recursive: true})
    writeFileSync(join(aside, describedIn), JSON.stringify(captured.renderer))
    // Another build may have kept one meanwhile: its own, as good, which a third may be rendering with.
    if (whole(dir)) {
      rmSync(aside, {recursive: true, force: true})
      return true
    }
    // A broken one is moved out of the way first: a folder cannot be renamed over a folder with files.
    if (existsSync(dir)) renameSync(dir, `${aside}-broken`)
    renameSync(aside, dir)
  } catch {
    removeQuietly(aside)
    return false
  } finally {
    removeQuietly(`${aside}-broken`)
  }
  dropLeastRecent(root)
  return true
}

/** Forgets the renderer kept under `id` (one that failed): the next build with Astro keeps a new one. */
export function dropRenderer(id: string, root = defaultRoot()): void {
  removeQuietly(join(root, id))
}

/** The description of the whole renderer in `dir`, if there is one. */
function whole(dir: string): KeptRenderer | undefined {
  try {
    const parsed = keptRendererSchema.safeParse(JSON.parse(readFileSync(join(dir, describedIn), 'utf8')))
    return parsed.success && existsSync(join(dir, parsed.data.entry)) ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Removes all but the {@link keptRenderers} renderers used last and those in use, and what builds that
 * were stopped left aside.
 */
function dropLeastRecent(root: string): void {
  try {
    const now = Date.now()
    const entries = readdirSync(root, {withFileTypes: true}).filter((entry) => entry.isDirectory())
    for (const entry of entries) if (entry.name.startsWith('.') && now - usedAt(join(root, entry.name)) > inUse) removeQuietly(join(root, entry.name))
    const renderers = entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => ({path: join(root, entry.name), used: usedAt(join(root, entry.name))}))
      .sort((a, b) => b.used - a.used)
    for (const stale of renderers.slice(keptRenderers)) if (now - stale.used > inUse) removeQuietly(stale.path)
  } catch {
    // Pruned by the next build that keeps one.
  }
}

function usedAt(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, {recursive: true, force: true})
  } catch {
    // Removed by a later prune.
  }
}

function defaultRoot(): string {
  return join(scratchRoot, 'renderers')
}
