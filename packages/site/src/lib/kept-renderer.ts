/**
 * What a rebuild needs, besides the page code Astro bundled for a previous build, to render pages with it
 * without bundling again (`cli/render-kept.ts`): what Astro's build gave that code when it rendered the
 * pages, and which the bundle does not hold. Both sides of that exchange are here: what is read from the
 * build (`keptRendererOf`), and what is given back to the bundle from it (`internalsOf`).
 *
 * It leans on Astro's build internals (the prerender bundle's `app`, the build's page data), which a minor
 * version may change: whatever does not have the shape known here is not kept, or not used.
 */
import * as z from 'zod'

/** A style sheet of a page, as Astro's build lists them: a file or inline CSS, and where it goes. */
const styleSchema = z.object({
  depth: z.number(),
  order: z.number(),
  sheet: z.union([z.object({type: z.literal('external'), src: z.string()}), z.object({type: z.literal('inline'), content: z.string()})])
})

/** The name of the bundle's entry that Astro gives it. */
export const prerenderEntryPattern = /^prerender-entry\.[\w-]+\.mjs$/

export const keptRendererSchema = z.object({
  /** The bundle's entry, a file in the renderer's folder (Astro's `prerender-entry.*.mjs`). */
  entry: z.string().regex(prerenderEntryPattern),
  /** The key of the site the pages read (`virtual:runsheet/site`), as it was bundled. */
  siteKey: z.string(),
  /** The origin of the requests the pages were rendered for (their `Astro.url`). */
  origin: z.string(),
  /** The style sheets of each page route, by Astro's key for it (route and component). */
  styles: z.array(z.tuple([z.string(), z.array(styleSchema)])),
  /** The files Astro bundled each script of the pages into, by the script's id. */
  bundles: z.array(z.tuple([z.string(), z.string()])),
  /** The scripts integrations injected into every page (`injectScript`), at the stages that reach the head. */
  scripts: z.array(z.object({stage: z.enum(['page', 'head-inline']), content: z.string()}))
})

/** A kept renderer's description, written beside its bundle. */
export type KeptRenderer = z.infer<typeof keptRendererSchema>

/** The build internals Astro gives the bundle's app, as far as rendering a page reads them. */
export interface BuildInternals {
  pagesByKeys: Map<string, {styles?: unknown}>
  entrySpecifierToBundleMap: Map<string, string>
}

/** The app of Astro's prerender bundle, as Astro's default prerenderer drives it. */
export interface BundledApp {
  manifest: {base: string; buildFormat?: string; trailingSlash?: string; routes: {routeData: {prerender: boolean}}[]}
  setInternals(internals: BuildInternals): void
  setOptions(options: unknown): void
  getSettings(): {scripts?: {stage: string; content: string}[]}
  getComponentByRoute(route: unknown): Promise<unknown>
  render(request: Request, options: {routeData: unknown}): Promise<Response>
}

const appMethods = ['setInternals', 'setOptions', 'getSettings', 'getComponentByRoute', 'render'] as const

/** Whether `app` is a prerender bundle's app of the shape this code drives: else it is neither kept nor used. */
export function isBundledApp(app: unknown): app is BundledApp {
  if (typeof app !== 'object' || app === null) return false
  const methods = app as Record<string, unknown>
  return appMethods.every((method) => typeof methods[method] === 'function') && Array.isArray((app as {manifest?: {routes?: unknown}}).manifest?.routes)
}

/** What the bundle's `app` was given by Astro's build, as kept; nothing when it is not of the shape known. */
export function keptRendererOf(entry: string, siteKey: string, origin: string, app: BundledApp, internals: BuildInternals): KeptRenderer | undefined {
  try {
    const parsed = keptRendererSchema.safeParse({
      entry,
      siteKey,
      origin,
      styles: [...internals.pagesByKeys].map(([key, page]) => [key, page.styles ?? []]),
      bundles: [...internals.entrySpecifierToBundleMap],
      scripts: (app.getSettings().scripts ?? []).filter((script) => script.stage === 'page' || script.stage === 'head-inline')
    })
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The build internals to give the bundle's app again, from what was kept. */
export function internalsOf(renderer: KeptRenderer): BuildInternals {
  return {
    pagesByKeys: new Map(renderer.styles.map(([key, sheets]) => [key, {styles: sheets}])),
    entrySpecifierToBundleMap: new Map(renderer.bundles)
  }
}
