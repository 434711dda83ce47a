/**
 * What a rebuild needs, besides the page code Astro bundled for a previous build, to render pages with it
 * without bundling again (`cli/render-kept.ts`): what Astro's build knew of the pages when it rendered
 * them, and which the bundle does not hold.
 */
import {z} from 'zod'

/** A style sheet of a page, as Astro's build lists them: a file or inline CSS, and where it goes. */
const styleSchema = z.object({
  depth: z.number(),
  order: z.number(),
  sheet: z.union([z.object({type: z.literal('external'), src: z.string()}), z.object({type: z.literal('inline'), content: z.string()})])
})

export const keptRendererSchema = z.object({
  /** The bundle's entry, a file in the renderer's folder (Astro's `prerender-entry.*.mjs`). */
  entry: z.string().regex(/^[\w.-]+\.mjs$/),
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
