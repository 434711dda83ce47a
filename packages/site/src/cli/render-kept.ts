/**
 * A rebuild's pages rendered with the page code a previous build bundled (`renderers.ts`), instead of
 * having Astro bundle the same code again: most of a small rebuild's time went into that bundling. The
 * pages are rendered as Astro's build renders them (its app, its static paths, the same request and file
 * for each path), so the files are the ones `astro build` writes, byte for byte; the site's assets (its
 * `_astro/` folder) are the previous build's, which the same code writes alike.
 *
 * Like the capture, it leans on Astro's build internals: a bundle that does not load as expected is
 * {@link RendererUnusable}, and the caller builds with Astro instead.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AstroLoggerMessage, RouteData} from 'astro'
import {StaticPaths} from 'astro/runtime/prerender/static-paths.js'
import {feedSearch} from '../integration/search-feed.js'
import type {LoadedSite} from '../lib/load-site.js'
import type {PageIndexer} from '../lib/page-indexer.js'
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

/** A renderer that cannot be used (not the Astro it was kept for, a file gone): build with Astro instead. */
export class RendererUnusable extends Error {}

/** The prerender bundle's app, as Astro's default prerenderer drives it. */
interface BundledApp {
  manifest: {base: string; routes: {routeData: RouteData}[]}
  setInternals(internals: unknown): void
  setOptions(options: unknown): void
  render(request: Request, options: {routeData: RouteData}): Promise<Response>
  getComponentByRoute(route: RouteData): Promise<unknown>
}

/** Renders the site's pages that need it (`getStaticPaths` leaves out those a rebuild reuses) into a scratch folder. */
export async function renderWithKept(kept: KeptRendererFolder, settings: KeptRenderSettings): Promise<BuiltSite> {
  const app = await appOf(kept, settings.logLevel)
  const scratch = scratchFolder('site')
  const outDir = join(scratch.path, 'site')
  const site = provideSite(() => settings.loaded, kept.renderer.siteKey)
  const indexSearch = settings.indexSearch
  const feed = indexSearch ? feedSearch({key: site.key, base: app.manifest.base, start: (loaded) => indexSearch(outDir, loaded)}) : undefined
  try {
    mkdirSync(outDir, {recursive: true})
    for (const {pathname, route} of await new StaticPaths(app as never).getAll()) {
      const response = await renderedPage(app, new URL(urlPathOf(pathname, route, app.manifest.base), kept.renderer.origin), route)
      if (!response.body) continue
      const file = join(outDir, fileOf(pathname, route))
      mkdirSync(dirname(file), {recursive: true})
      writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    }
  } catch (error) {
    scratch.remove()
    throw error
  } finally {
    feed?.stop()
    site.release()
  }
  await feed?.started
  return {dir: outDir, scratch}
}

/** The bundle's app, given what Astro's build would have given it. */
async function appOf(kept: KeptRendererFolder, logLevel: KeptRenderSettings['logLevel']): Promise<BundledApp> {
  let app: BundledApp | undefined
  try {
    ;({app} = (await import(pathToFileURL(join(kept.dir, kept.renderer.entry)).href)) as {app?: BundledApp})
  } catch (error) {
    throw new RendererUnusable(`the kept renderer did not load: ${String(error)}`)
  }
  const known = (['setInternals', 'setOptions', 'render', 'getComponentByRoute'] as const).every((method) => typeof app?.[method] === 'function')
  if (!app || !known || !Array.isArray(app.manifest?.routes)) throw new RendererUnusable('the kept renderer is not an Astro prerender bundle this version knows')
  // Every page's code loaded now, so that a chunk gone missing means building with Astro, not a failed build.
  try {
    for (const {routeData} of app.manifest.routes) if (routeData.prerender) await app.getComponentByRoute(routeData)
  } catch (error) {
    throw new RendererUnusable(`the kept renderer's pages did not load: ${String(error)}`)
  }
  const {styles, bundles, scripts} = kept.renderer
  // What rendering reads of the build's internals and settings: each route's style sheets, the files the
  // scripts were bundled into, and the scripts integrations injected.
  app.setInternals({pagesByKeys: new Map(styles.map(([key, sheets]) => [key, {styles: sheets}])), entrySpecifierToBundleMap: new Map(bundles)})
  app.setOptions({settings: {scripts}, logger: {options: {destination: {write: printed(logLevel)}}}})
  return app
}

/** Renders one page as Astro's build does: a prerendered request, without headers, for the page's URL. */
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
