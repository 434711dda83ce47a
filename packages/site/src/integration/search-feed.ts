import type {LoadedSite} from '../lib/load-site.js'
import type {PageIndexer} from '../lib/page-indexer.js'
import {providePageSink} from '../lib/page-sinks.js'
import {pageFileOf} from '../lib/search-pages.js'
import {loadedSite} from '../lib/site-store.js'

/** A build's search index being fed the pages it renders. */
export interface SearchFeed {
  /** Settles once the index has started (or could not: the error is the start's). */
  started: Promise<void>
  /** Whether the index takes the page at this URL path (with the base): known once `started` has settled. */
  wants(pathname: string): boolean
  /** Stops handing pages over; the index itself is the caller's to finish. */
  stop(): void
}

export interface SearchFeedOptions {
  /** The key of the site whose pages are rendered (`provideSite`). */
  key: string
  /** The site's base path, normalised (`normaliseBase`). */
  base: string
  /** Starts the index, once the site is loaded. */
  start: (loaded: LoadedSite) => PageIndexer
}

/**
 * Hands the search middleware's pages to the index `start` makes. The pages are known before any is
 * rendered, once the site is loaded, and the pages wait for the site too: the index has started by the
 * first. A page the index did not take is read from its file at the end.
 */
export function feedSearch({key, base, start}: SearchFeedOptions): SearchFeed {
  let indexer: PageIndexer | undefined
  const started = loadedSite(key).then(
    (loaded) => {
      indexer = start(loaded)
    },
    // The pages fail the build with it.
    () => {}
  )
  // An index that could not start fails the build when it is done, not the process now.
  started.catch(() => {})
  const wants = (pathname: string) => {
    const page = pageFileOf(pathname, base)
    return page !== undefined && indexer !== undefined && indexer.wants(page)
  }
  const stop = providePageSink(key, {wants, add: (pathname, html) => indexer!.add(pageFileOf(pathname, base)!, html)})
  return {started, wants, stop}
}
