/**
 * The pages the search index holds, named as files of the built site (`<prefix>/<slug>/index.html`, the
 * build's format being `directory`): known from the site before a page is rendered, and found from the URL
 * a page is rendered at. No `node:` imports: only names are computed here.
 */
import {runbookPages} from './pages.js'
import type {Site} from './site.js'

/** The runbook pages of the site (the only ones with `data-pagefind-body`), as files of the built site. */
export function searchPagesOf(site: Site): string[] {
  return runbookPages(site).flatMap((entry) => pageFileOf(entry.url, site.base) ?? [])
}

/**
 * The file of the page at a URL path: `/docs/ops/배포/` under the base `/docs/` → `ops/배포/index.html`.
 * Undefined for a path outside the base or one that does not decode.
 */
export function pageFileOf(pathname: string, base: string): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (!path.startsWith(base)) return undefined
  const rest = path.slice(base.length)
  return `${rest}${rest === '' || rest.endsWith('/') ? '' : '/'}index.html`
}
