import {resolve, sep} from 'node:path'
import {isMarkdownPath} from '@runsheet/parser'
import type {Plugin, ViteDevServer} from 'vite'
import type {ProvidedSite} from '../lib/site-store.js'

/** The module the pages import the site's key and settings from. */
export const siteModuleId = 'virtual:runsheet/site'
const resolvedId = `\0${siteModuleId}`

export interface SiteModuleSettings {
  /** Shown in the header and the home page title. */
  title: string
  /** Whether pages show the search box (the index is built after the pages). */
  search: boolean
  /** Whether the integration set the site's Content-Security-Policy, which runbook pages add to. */
  csp: boolean
}

export interface VirtualSiteOptions {
  /** The runbook folder, absolute. */
  dir: string
  settings: SiteModuleSettings
  /** The site the pages read (`loadedSite(key)`); reloaded after a runbook changes during `astro dev`. */
  site: ProvidedSite
}

/**
 * A Vite plugin serving `virtual:runsheet/site`: the key the pages read the site under, and the settings.
 * A few bytes whatever the size of the site: the models stay where the integration loaded them. In dev it
 * watches the runbook folder; when a runbook is edited, added or removed, the site is loaded again, the
 * module (and so every page importing it) is invalidated and the browser reloads.
 *
 * @internal
 */
export function virtualSite(options: VirtualSiteOptions): Plugin {
  const inFolder = (file: string) => resolve(file).startsWith(options.dir + sep) && isMarkdownPath(file)

  return {
    name: 'runsheet:site',
    resolveId(id) {
      return id === siteModuleId ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId) return undefined
      return [
        `export const key = ${JSON.stringify(options.site.key)};`,
        `export const settings = ${JSON.stringify(options.settings)};`,
        ''
      ].join('\n')
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(options.dir)
      const changed = (file: string) => {
        if (!inFolder(file)) return
        options.site.reload()
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(resolvedId)
          if (module) environment.moduleGraph.invalidateModule(module)
        }
        server.ws.send({type: 'full-reload', path: '*'})
      }
      server.watcher.on('add', changed)
      server.watcher.on('change', changed)
      server.watcher.on('unlink', changed)
      // A folder moved away stops being watched, and would not be seen coming back: asked for again,
      // the watcher waits for it in its parent.
      server.watcher.on('unlinkDir', (path) => {
        if (resolve(path) === options.dir) server.watcher.add(options.dir)
      })
    }
  }
}
