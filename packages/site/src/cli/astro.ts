import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {AstroInlineConfig} from 'astro'
import {runsheet, type RunsheetOptions} from '../integration/integration.js'
import {packageRoot} from '../lib/package-root.js'

export interface AstroSettings {
  dir: string
  base?: string
  site?: string
  outDir?: string
  integration: Omit<RunsheetOptions, 'dir'>
  logLevel: NonNullable<AstroInlineConfig['logLevel']>
}

/**
 * The Astro project of one command. Its root is this package (Astro compiles the pages' scripts only for
 * components under the root), while its sources, public files and caches are a fresh temporary folder,
 * so two sites never share a cache; the Runsheet integration brings every page.
 */
export async function astroProject(settings: AstroSettings): Promise<{config: AstroInlineConfig; cleanup: () => Promise<void>}> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1'
  const scratch = await mkdtemp(join(tmpdir(), 'runsheet-site-'))
  const config: AstroInlineConfig = {
    root: packageRoot,
    srcDir: join(scratch, 'src'),
    publicDir: join(scratch, 'public'),
    cacheDir: join(scratch, 'cache'),
    configFile: false,
    logLevel: settings.logLevel,
    base: settings.base ?? '/',
    ...(settings.site ? {site: settings.site} : {}),
    ...(settings.outDir ? {outDir: settings.outDir} : {}),
    trailingSlash: 'ignore',
    build: {format: 'directory'},
    devToolbar: {enabled: false},
    integrations: [runsheet({...settings.integration, dir: settings.dir})]
  }
  return {config, cleanup: () => rm(scratch, {recursive: true, force: true})}
}
