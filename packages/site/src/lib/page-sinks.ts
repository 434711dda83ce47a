/**
 * Where the search middleware hands the pages Astro renders to the build's search index. Astro prerenders
 * in the process that runs the integration, but the middleware runs as bundled by Vite and the integration
 * as compiled by `tsc`, each with its own copy of this module: the sinks are kept on `globalThis`, under a
 * registered symbol both copies name alike, as the sites are (`site-store.ts`). No `node:` imports here:
 * the middleware bundles this file.
 */

/** What the build's search index takes of the rendered pages. */
export interface PageSink {
  /** Whether the index waits for the page at this URL path: else the middleware leaves the page alone. */
  wants(pathname: string): boolean
  /** Hands the page's HTML over; resolves when the index has room for more. */
  add(pathname: string, html: string): Promise<void>
}

const sinks: Map<string, PageSink> = ((globalThis as Record<symbol, unknown>)[Symbol.for('@runsheet/site:page-sinks')] ??= new Map()) as Map<string, PageSink>

/** Lets the middleware of the site under `key` hand its pages to `sink`, until the returned function is called. */
export function providePageSink(key: string, sink: PageSink): () => void {
  sinks.set(key, sink)
  return () => {
    if (sinks.get(key) === sink) sinks.delete(key)
  }
}

/** The sink of the site under `key`: none outside `astro build`, or when the site has no search. */
export function pageSinkOf(key: string): PageSink | undefined {
  return sinks.get(key)
}
