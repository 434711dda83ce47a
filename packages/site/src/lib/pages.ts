/**
 * The pages of the standalone site (the `runsheet()` integration): the home pages, the list of runbooks
 * split so that no page grows with the site, and one page per runbook. No `node:` imports: the pages
 * bundle this file.
 */
import type {UiLang} from './i18n.js'
import {pageUrl} from './paths.js'
import {homeUrl, type Site, type SiteEntry} from './site.js'

/** How many runbooks a home page lists; the others are on the pages after it (`page/2/`, …). */
export const runbooksPerPage = 50

/** One page of the list of runbooks in one language: the home page is number 1. */
export interface HomePageRef {
  lang: UiLang
  number: number
  /** How many pages the list takes, in every language. */
  count: number
}

/** How many pages the list of runbooks takes: one at least, the home page, even for an empty site. */
export function homePageCount(site: Site): number {
  return Math.max(1, Math.ceil(site.entries.length / runbooksPerPage))
}

/**
 * Page `number` (from 1) of a list of runbooks: where it starts in the list, and what it shows. The page
 * renders this, and a rebuild's digest of the page is made of it.
 */
export function listPage<T>(listed: readonly T[], number: number): {first: number; shown: readonly T[]} {
  const first = (number - 1) * runbooksPerPage
  return {first, shown: listed.slice(first, first + runbooksPerPage)}
}

/** Every page of the list of runbooks, in each language. */
export function homePages(site: Site): HomePageRef[] {
  const count = homePageCount(site)
  return site.langs.flatMap((lang) => Array.from({length: count}, (_, index) => ({lang, number: index + 1, count})))
}

/** The route of a page of the list under the site's root: '' (the home page), `ko`, `page/2`, `ko/page/2`. */
export function homeSlug(site: Site, lang: UiLang, number: number): string {
  const home = lang === site.lang ? '' : lang
  if (number <= 1) return home
  return home === '' ? `page/${number}` : `${home}/page/${number}`
}

/** The URL of a page of the list of runbooks. */
export function homePageUrl(site: Site, lang: UiLang, number: number): string {
  return number <= 1 ? homeUrl(site, lang) : pageUrl(site.root, homeSlug(site, lang, number))
}

/**
 * Routes that Astro gives the site's error pages when the site starts at the root: a runbook named `404.md`
 * would become the page every missing URL shows.
 */
const errorRoutes = ['404', '500']

/**
 * The routes the site's own pages take, case folded as pages are compared, with what each is: the home
 * pages, and the error pages when the runbooks start at the root. A runbook whose page would be one of them
 * is reported and gets no page.
 */
export function siteRoutes(site: Site): Map<string, 'language' | 'list' | 'error'> {
  const routes = new Map<string, 'language' | 'list' | 'error'>()
  for (const home of homePages(site)) {
    const slug = homeSlug(site, home.lang, home.number).toLowerCase()
    if (slug !== '') routes.set(slug, home.number === 1 ? 'language' : 'list')
  }
  if (notFoundSlug(site) !== undefined) for (const route of errorRoutes) routes.set(route, 'error')
  return routes
}

/**
 * The route of the page a static host shows for an address the site lacks (`404.html`), when the site
 * has one: when its runbooks start at the root. Under a prefix, in another Astro project, that page is
 * the project's own.
 */
export function notFoundSlug(site: Site): string | undefined {
  return site.root === site.base ? '404' : undefined
}

/** The runbook pages this build renders: all of them, but those it reuses from the previous site (by slug). */
export function renderedRunbookPages(site: Site, reused: ReadonlySet<string> | undefined): readonly SiteEntry[] {
  const pages = runbookPages(site)
  return reused && reused.size > 0 ? pages.filter((entry) => !reused.has(entry.slug)) : pages
}

/** The pages of the list of runbooks this build renders: all of them, but those it reuses (by slug). */
export function renderedHomePages(site: Site, reused: ReadonlySet<string> | undefined): HomePageRef[] {
  const pages = homePages(site)
  return reused && reused.size > 0 ? pages.filter((home) => !reused.has(homeSlug(site, home.lang, home.number))) : pages
}

const pagesOf = new WeakMap<Site, SiteEntry[]>()

/**
 * The runbooks that get a page: all but one whose page a home page or another runbook already has (the
 * build reports those instead of writing one page over another).
 */
export function runbookPages(site: Site): readonly SiteEntry[] {
  let pages = pagesOf.get(site)
  if (!pages) {
    const taken = new Set<string>(siteRoutes(site).keys())
    pages = []
    for (const entry of site.entries) {
      const page = entry.slug.toLowerCase()
      if (taken.has(page)) continue
      taken.add(page)
      pages.push(entry)
    }
    pagesOf.set(site, pages)
  }
  return pages
}
