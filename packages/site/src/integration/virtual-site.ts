import {resolve, sep} from 'node:path'
import {isMarkdownPath} from '@runsheet/parser'
import type {Plugin, ViteDevServer} from 'vite'
import type {LoadedSite} from '../lib/load-site.js'

/** The module the pages import the site from. */
export const siteModuleId = 'virtual:runsheet/site'
const resolvedId = `\0${siteModuleId}`

export interface SiteModuleSettings {
  /** Shown in the header and the home page title. */
  title: string
  /** Whether pages show the search box (the index is built after the pages). */
  search: boolean
}

export interface VirtualSiteOptions {
  /** The runbook folder, absolute. */
  dir: string
  settings: SiteModuleSettings
  /** Reads the folder; called again after a runbook changes during `astro dev`. */
  load: () => Promise<LoadedSite>
  /** Told about every (re)load, to report its messages. */
  onLoad?: (loaded: LoadedSite) => void
}

/**
 * A Vite plugin serving `virtual:runsheet/site`: the site model and settings as plain data. In dev it
 * watches the runbook folder and reloads the browser when a runbook changes.
 *
 * @internal
 */
export function virtualSite(options: VirtualSiteOptions): Plugin {
  let current: Promise<LoadedSite> | undefined
  const loaded = () => {
    current ??= options.load().then((result) => {
      options.onLoad?.(result)
      return result
    })
    return current
  }
  const inFolder = (file: string) => resolve(file).startsWith(options.dir + sep) && isMarkdownPath(file)

  return {
    name: 'runsheet:site',
    resolveId(id) {
      return id === siteModuleId ? resolvedId : undefined
    },
    async load(id) {
      if (id !== resolvedId) return undefined
      const {site} = await loaded()
      const data = JSON.stringify({site, settings: options.settings})
      return `const data = JSON.parse(${JSON.stringify(data)});\nexport const site = data.site;\nexport const settings = data.settings;\n`
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(options.dir)
      const changed = (file: string) => {
        if (!inFolder(file)) return
        current = undefined
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(resolvedId)
          if (module) environment.moduleGraph.invalidateModule(module)
        }
        server.ws.send({type: 'full-reload', path: '*'})
      }
      server.watcher.on('add', changed)
      server.watcher.on('change', changed)
      server.watcher.on('unlink', changed)
    }
  }
}
