/**
 * Where the pages of the `runsheet()` integration find their site. Astro prerenders the pages (and serves
 * them in dev) in the process that runs the integration, so the integration leaves the loaded site here
 * and the pages read the same objects: no generated module holds the models, nothing is parsed twice.
 *
 * The integration runs as compiled by `tsc` and the pages as bundled by Vite, so each has its own copy of
 * this module: the sites are kept on `globalThis`, under a registered symbol both copies name alike.
 * No `node:` imports here: the pages bundle this file.
 */
import type {LoadedSite} from './load-site.js'

/** One integration's site: how to load it, and the load in progress or done. */
interface StoredSite {
  load: () => Promise<LoadedSite>
  current: Promise<LoadedSite> | undefined
}

const sites: Map<string, StoredSite> = ((globalThis as Record<symbol, unknown>)[Symbol.for('@runsheet/site:sites')] ??= new Map()) as Map<
  string,
  StoredSite
>

let counter = 0

/** What the integration holds of the site it provides: its key, for the pages, and its reload and release. */
export interface ProvidedSite {
  /** The key the pages read the site with (from `virtual:runsheet/site`). */
  key: string
  /** The site, loaded on first use (and again after a failed load). */
  get(): Promise<LoadedSite>
  /** Drops the loaded site: the next read loads the folder again (a runbook changed in dev). */
  reload(): void
  /** Forgets the site, once its pages are built. */
  release(): void
}

/**
 * Registers a site that `load` reads on first use, for the pages to read under the returned key: a fresh
 * one, or `key` when the pages were bundled with it (a rebuild rendering with the code a previous build
 * bundled, `cli/render-kept.ts`).
 */
export function provideSite(load: () => Promise<LoadedSite>, key = `site-${++counter}-${Math.random().toString(36).slice(2, 10)}`): ProvidedSite {
  const stored: StoredSite = {load, current: undefined}
  sites.set(key, stored)
  return {
    key,
    get: () => loadedSite(key),
    reload() {
      stored.current = undefined
    },
    release() {
      sites.delete(key)
    }
  }
}

/**
 * The site stored under `key`, loaded on first use. Fails when no integration in this process provides it,
 * or when the load fails (which is not kept: the next read loads again).
 */
export function loadedSite(key: string): Promise<LoadedSite> {
  const stored = sites.get(key)
  if (!stored) {
    return Promise.reject(new Error(`@runsheet/site: no site '${key}' in this process: the pages of runsheet() render only where the integration runs`))
  }
  if (stored.current) return stored.current
  const loading = stored.load().catch((error: unknown) => {
    // Not kept: a folder briefly missing (moved, checked out again) would fail every later read until a
    // restart. The next read, or the next change in the folder, loads again.
    if (stored.current === loading) stored.current = undefined
    throw failedLoad(error)
  })
  stored.current = loading
  return loading
}

/** The error a failed load gives the page: what went wrong, as one line; the stack stays in `cause`. */
function failedLoad(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  return new Error(`@runsheet/site: the runbooks could not be read (${reason})`, {cause: error})
}
