/**
 * A rebuild's pages rendered with the page code a previous build bundled (`renderers.ts`), instead of
 * having Astro bundle the same code again: most of a small rebuild's time went into that bundling. The
 * pages are rendered as Astro's build renders them (its app, its static paths, the same request and file
 * for each path, the first of two paths to one file), so the files are the ones `astro build` writes, byte
 * for byte; the site's assets (its `_astro/` folder) are the previous build's, which the same code writes
 * alike. Like the capture, it leans on Astro's build internals: whatever fails here, the caller builds
 * with Astro instead.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AstroLoggerMessage, PathWithRoute, RouteData} from 'astro'
import {feedSearch} from '../integration/search-feed.js'
import {keptPagesOf} from './kept-paths.js'
import {internalsOf, isBundledApp, type BundledApp} from '../lib/kept-renderer.js'
import type {LoadedSite} from '../lib/load-site.js'
import type {PageIndexer} from '../lib/page-indexer.js'
import {normaliseBase} from '../lib/paths.js'
import {provideSite} from '../lib/site-store.js'
import type {BuiltSite} from './astro.js'
import type {KeptRendererFolder} from './renderers.js'
import {scratchFolder} from './scratch.js'

export interface KeptRenderSettings {
  /** The site, as the pages read it. */
  loaded: Promise<LoadedSite>
  /** Starts the search index the pages are handed to, as `RunsheetOptions.indexSearch`; none: no search. */
  indexSearch?: ((outDir: string, loaded: LoadedSite) => PageIndexer) | false | undefined
  /** The least severe of the bundle's log messages to print. */
  logLevel: 'warn' | 'error'
}

/** The bundle's app and how to list its pages, as Astro's default prerenderer has them. */
interface Renderer {
  app: BundledApp
  paths: () => Promise<PathWithRoute[]>
}

/** Renders the site's pages that need it (`getStaticPaths` leaves out those a rebuild reuses) into a scratch folder. */
export async function renderWithKept(kept: KeptRendererFolder, settings: KeptRenderSettings): Promise<BuiltSite> {
  const {app, paths} = await rendererOf(kept, settings.logLevel)
  const scratch = scratchFolder('site')
  const outDir = join(scratch.path, 'site')
  const site = provideSite(() => settings.loaded, kept.renderer.siteKey)
  const indexSearch = settings.indexSearch
  const feed = indexSearch ? feedSearch({key: site.key, base: normaliseBase(app.manifest.base), start: (loaded) => indexSearch(outDir, loaded)}) : undefined
  try {
    mkdirSync(outDir, {recursive: true})
    const pages = firstOfEach(await paths(), settings.logLevel).map(({pathname, route}) => ({pathname, route, url: urlPathOf(pathname, route, app.manifest.base)}))
    await feed?.started
    // The pages the search index takes first: once the last is in, Pagefind writes the index on the other
    // core while the rest (the list pages) render.
    const indexed = pages.map((page) => feed?.wants(page.url) ?? false)
    const indexedFirst = [...pages.filter((_, at) => indexed[at]), ...pages.filter((_, at) => !indexed[at])]
    for (const {pathname, route, url} of indexedFirst) {
      const response = await renderedPage(app, new URL(url, kept.renderer.origin), route)
      if (!response.body) continue
      const file = join(outDir, fileOf(pathname, route))
      mkdirSync(dirname(file), {recursive: true})
      writeFileSync(file, Buffer.from(await response.arrayBuffer()))
      // Rendering a page waits for no I/O: without a turn of the event loop between pages, Pagefind's
      // answers (the index started, the page taken) were read after the last page, and the index written
      // after it instead of beside the list pages (bench/RESULTS.md).
      await new Promise((resolve) => setImmediate(resolve))
    }
  } catch (error) {
    scratch.remove()
    throw error
  } finally {
    feed?.stop()
    site.release()
  }
  return {dir: outDir, scratch}
}

/**
 * Loads the page code kept in `kept` as a rebuild does, and renders nothing: Node's compile cache
 * (`compiled-code.ts`) then holds it under the paths rebuilds load it from. The build that kept it ran it
 * from Astro's own folder, and the cache knows code by its path: the first rebuild compiled all of it
 * again, 52 ms to load it instead of 37.
 */
export async function loadKeptCode(kept: KeptRendererFolder): Promise<void> {
  await rendererOf(kept, 'error')
}

/** The bundle's app, given what Astro's build would have given it, with every page's code loaded. */
async function rendererOf(kept: KeptRendererFolder, logLevel: KeptRenderSettings['logLevel']): Promise<Renderer> {
  const {app} = (await import(pathToFileURL(join(kept.dir, kept.renderer.entry)).href)) as {app?: unknown}
  if (!isBundledApp(app)) throw new Error('it is not an Astro prerender bundle this version knows')
  const {buildFormat, trailingSlash} = app.manifest
  // The pages' URLs and files below are those of the site `runsheet build` configures.
  if (buildFormat !== 'directory' || trailingSlash !== 'ignore') throw new Error(`it was built for other URLs (${buildFormat}, ${trailingSlash})`)
  app.setInternals(internalsOf(kept.renderer))
  app.setOptions({settings: {scripts: kept.renderer.scripts}, logger: {options: {destination: {write: printed(logLevel)}}}})
  for (const {routeData} of app.manifest.routes) if (routeData.prerender) await app.getComponentByRoute(routeData)
  return {app, paths: () => keptPagesOf(app)}
}

/**
 * The paths in order, but one that another before it already writes (Astro's build keeps the first, with
 * a warning): a runbook page and another's `runbook.json` may name the same file.
 */
function firstOfEach(paths: readonly PathWithRoute[], logLevel: KeptRenderSettings['logLevel']): PathWithRoute[] {
  const seen = new Map<string, RouteData>()
  const first: PathWithRoute[] = []
  for (const path of paths) {
    const normalised = path.pathname.replace(/\/$/, '')
    const winner = seen.get(normalised)
    if (winner) {
      printed(logLevel)({label: 'build', level: 'warn', message: `${path.pathname} of ${path.route.route} is left out: ${winner.route} renders the same path`, newLine: true})
      continue
    }
    seen.set(normalised, path.route)
    first.push(path)
  }
  return first
}

/** Renders one page as Astro's build does: a request without headers for the page's URL. */
async function renderedPage(app: BundledApp, url: URL, route: RouteData): Promise<Response> {
  let response: Response
  try {
    response = await app.render(new Request(url), {routeData: route})
  } catch (error) {
    throw new Error(`rendering ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
  }
  if (response.status >= 300 && response.status < 400) throw new Error(`rendering ${url.pathname}: a redirect, which Runsheet's pages never answer`)
  return response
}

/** The URL path Astro's build requests a page at: a folder's, as the site is built (`format: 'directory'`). */
export function urlPathOf(pathname: string, route: Pick<RouteData, 'type'>, base: string): string {
  const root = base.replace(/\/+$/, '')
  if (pathname === '/' || pathname === '') return `${root}/`
  const path = pathname.replace(/^\//, '')
  return route.type === 'endpoint' ? `${root}/${path}` : `${root}/${path.replace(/\/$/, '')}/`
}

/** The file Astro's build writes a page to, in the output folder: `index.html` in a folder, an endpoint's own name. */
export function fileOf(pathname: string, route: Pick<RouteData, 'type'>): string {
  const path = pathname.replace(/^\/+|\/+$/g, '')
  if (route.type === 'endpoint') return path
  // Astro writes status pages beside their folder, even as folders.
  if (path === '404' || path === '500') return `${path}.html`
  return path === '' ? 'index.html' : `${path}/index.html`
}

/** A log destination printing the bundle's messages from `level` up, as Astro's build would. */
function printed(level: KeptRenderSettings['logLevel']): (message: AstroLoggerMessage) => void {
  const shown = level === 'warn' ? new Set(['warn', 'error']) : new Set(['error'])
  return (message) => {
    if (!shown.has(message.level)) return
    process.stderr.write(`[${message.level.toUpperCase()}]${message.label ? ` [${message.label}]` : ''} ${message.message}\n`)
  }
}
