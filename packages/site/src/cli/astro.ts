import {rmSync} from 'node:fs'
import {join} from 'node:path'
import type {AstroInlineConfig} from 'astro'
import {runsheetIntegration, type RunsheetOptions} from '../integration/integration.js'
import type {LoadedSite} from '../lib/load-site.js'
import {packageRoot} from '../lib/package-root.js'
import {scratchFolder, type Scratch} from './scratch.js'

export interface AstroSettings {
  dir: string
  base?: string | undefined
  site?: string | undefined
  integration: Omit<RunsheetOptions, 'dir'>
  logLevel: NonNullable<AstroInlineConfig['logLevel']>
  /**
   * The site, when the command loads it itself with the same options (`loadSite(dir, …)`): the pages then
   * use it, and the folder is read once. A promise lets Astro bundle the pages' code meanwhile.
   */
  loaded?: LoadedSite | Promise<LoadedSite> | undefined
}

/** An Astro project of one command and the scratch folder that holds its sources, caches and output. */
export interface AstroProject {
  config: AstroInlineConfig
  scratch: Scratch
}

/**
 * The Astro project of one command. Its root is this package (Astro compiles the pages' scripts only for
 * components under the root), while its sources, public files, caches and output are a fresh scratch
 * folder inside this package's install, so two sites never share a cache and nothing lands in the user's
 * working or temp folder; the Runsheet integration brings every page.
 */
export function astroProject(settings: AstroSettings): AstroProject {
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1'
  const scratch = scratchFolder('site')
  const config: AstroInlineConfig = {
    root: packageRoot,
    srcDir: join(scratch.path, 'src'),
    publicDir: join(scratch.path, 'public'),
    cacheDir: join(scratch.path, 'cache'),
    outDir: join(scratch.path, 'site'),
    configFile: false,
    logLevel: settings.logLevel,
    base: settings.base ?? '/',
    ...(settings.site ? {site: settings.site} : {}),
    trailingSlash: 'ignore',
    build: {format: 'directory'},
    devToolbar: {enabled: false},
    integrations: [runsheetIntegration({...settings.integration, dir: settings.dir}, settings.loaded)]
  }
  return {config, scratch}
}

/** A built site: its folder, inside the scratch folder that the caller removes when done with it. */
export interface BuiltSite {
  dir: string
  scratch: Scratch
}

/**
 * The packages the pages' server code imports, bundled into it rather than loaded from `node_modules`. A
 * rebuild renders with that code kept (`render-kept.ts`): as a few chunks it loads in a fraction of the
 * time that zod's hundred modules and the rest take to be found and linked. Any not listed still loads.
 */
const inlinedInPageCode = ['zod', 'devalue', 'cookie', 'piccolore', 'html-escaper', 'clsx', '@oslojs/encoding', 'github-slugger', 'gemoji']

/**
 * Builds the site into a scratch folder. Astro puts its prerender chunks beside the output only when the
 * output is inside the current folder (else in `<cwd>/.astro/`), and those chunks must be under this
 * package to find its dependencies: the build runs from the scratch folder for that.
 */
export async function buildSite(settings: AstroSettings): Promise<BuiltSite> {
  const {config, scratch} = astroProject(settings)
  const cwd = process.cwd()
  try {
    // Loaded here: a rebuild that renders with a kept renderer (`render-kept.ts`) never loads Astro's build.
    const {build} = await import('astro')
    process.chdir(scratch.path)
    // No content-layer sync: the site reads runbooks itself, and two builds must not share `.astro/`.
    await build({...config, vite: {environments: {prerender: {resolve: {noExternal: inlinedInPageCode}}}}}, {sync: false} as Parameters<typeof build>[1])
  } catch (error) {
    scratch.remove()
    throw error
  } finally {
    process.chdir(cwd)
  }
  const dir = join(scratch.path, 'site')
  rmSync(join(dir, '.prerender'), {recursive: true, force: true})
  return {dir, scratch}
}
