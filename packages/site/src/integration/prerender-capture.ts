/**
 * Astro's own prerenderer, watched: once its setup has loaded the page code Astro bundled, that code is
 * handed over (`keep`) with what Astro's build gave it (`lib/kept-renderer.ts`), so that a later build with
 * the same code can render pages with it without bundling again (`cli/render-kept.ts`). Anything
 * unexpected means nothing is kept, and the build goes on as Astro's.
 */
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AstroPrerenderer} from 'astro'
import {isBundledApp, keptRendererOf, prerenderEntryPattern, type BuildInternals, type BundledApp, type KeptRenderer} from '../lib/kept-renderer.js'

/** The page code of a build, in the folder Astro bundled it into, and what rendering with it needs. */
export interface CapturedRenderer {
  /** Astro's prerender folder, which it removes once the pages are rendered. */
  dir: string
  renderer: KeptRenderer
}

export interface CaptureOptions {
  /** Astro's prerender folder (`.prerender` in the output folder). */
  dir: string
  /** The site key the pages were bundled with. */
  siteKey: string
  /** The origin Astro's build requests the pages from: the `site`'s, else the dev server's. */
  origin: string
  /** Takes the renderer while its folder still exists: it must copy what it keeps before returning. */
  keep: (captured: CapturedRenderer) => void
  /** Told why nothing is kept, when it is not. */
  notKept?: ((why: string) => void) | undefined
}

/** `prerenderer`, which also hands its page code to `options.keep` when it has loaded it. */
export function capturingPrerenderer(prerenderer: AstroPrerenderer, options: CaptureOptions): AstroPrerenderer {
  return {
    ...prerenderer,
    name: prerenderer.name,
    async setup() {
      const watched = await watchedApp(options.dir)
      await prerenderer.setup?.()
      const captured = typeof watched === 'string' ? watched : capturedFrom(watched, (prerenderer as {app?: unknown}).app, options)
      try {
        if (typeof captured === 'string') options.notKept?.(captured)
        else options.keep(captured)
      } catch (error) {
        // Keeping the code only makes the next rebuild faster: never fail this build for it.
        options.notKept?.(`it could not be copied: ${String(error)}`)
      }
    },
    getStaticPaths: () => prerenderer.getStaticPaths(),
    render: (request, renderOptions) => prerenderer.render(request, renderOptions)
  }
}

interface Watched {
  entry: string
  app: BundledApp
  internals: () => BuildInternals | undefined
}

/** The renderer of the page code Astro loaded, or why it cannot be kept. */
function capturedFrom(watched: Watched, app: unknown, options: CaptureOptions): CapturedRenderer | string {
  if (app !== watched.app) return 'Astro loaded another app than the prerender bundle'
  const internals = watched.internals()
  if (!internals) return 'Astro gave the prerender bundle no build internals'
  const renderer = keptRendererOf(watched.entry, options.siteKey, options.origin, watched.app, internals)
  return renderer ? {dir: options.dir, renderer} : 'what Astro gave the page code is not what this version knows'
}

/**
 * The bundle's app, loaded before Astro's setup loads the same module (so both hold one app), with the
 * build internals Astro then gives it recorded on the way; or why it cannot be watched.
 */
async function watchedApp(dir: string): Promise<Watched | string> {
  try {
    const entry = readdirSync(dir).find((name) => prerenderEntryPattern.test(name))
    if (!entry) return `no prerender entry in ${dir}`
    const {app} = (await import(/* @vite-ignore */ pathToFileURL(join(dir, entry)).href)) as {app?: unknown}
    if (!isBundledApp(app)) return 'the prerender bundle has no app this version knows'
    let internals: BuildInternals | undefined
    const setInternals = app.setInternals.bind(app)
    app.setInternals = (value) => {
      internals = value
      setInternals(value)
    }
    return {entry, app, internals: () => internals}
  } catch (error) {
    return `the prerender bundle did not load: ${String(error)}`
  }
}
