/**
 * The search index, fed while the site is built: each runbook page goes to Pagefind as soon as it is
 * rendered, so Pagefind (a process of its own) indexes on the second core while Node renders the next
 * page, instead of reading every file once rendering is over. Pages not handed over (a rebuild's reused
 * pages, or any the build did not pass on) are read from their files in their turn or at the end.
 *
 * The index is the same, byte for byte, as indexing the files: Pagefind numbers pages in the order they
 * arrive, so each part is fed in sorted order (pages handed over early wait for their turn), and the parts
 * are laid out as `partsOf` says, for a rebuild to keep the unchanged ones. A rebuild that changed few pages
 * keeps every part and feeds those pages to an overlay instead (`overlayOf`).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as pagefind from 'pagefind'
import {hiddenResultsOf, overlayOf} from './search-overlay.js'
import {hasPart, overlayFolder, partFolder, partsOf, sameAsBefore, writePartsList, type IndexResult, type PreviousIndex} from './search-parts.js'

export interface PageIndexerOptions {
  /** The built site's folder: the index goes to its `pagefind/`, and pages not handed over are read from it. */
  outDir: string
  /** Every page the index holds, relative to `outDir` (POSIX): those rendered and those reused alike. */
  pages: readonly string[]
  /** The most pages in one index (default 2 000): a larger site is split into parts. */
  pagesPerIndex?: number | undefined
  previous?: PreviousIndex | undefined
  /**
   * The file to read a page from that this build does not render (a rebuild reads the pages it reuses from
   * the previous site): read in its turn, it does not hold back the pages after it.
   */
  sourceOf?: ((page: string) => string | undefined) | undefined
  /** Pagefind started ahead of the pages (`startPagefind`): the first index this indexer opens is its. */
  started?: StartedPagefind | undefined
}

/** An index Pagefind was asked for ahead of the pages, for the page indexer to take. */
export interface StartedPagefind {
  /** The index, to the first caller; nothing after that. */
  take(): ReturnType<typeof pagefind.createIndex> | undefined
  /**
   * Stops Pagefind, unless its index was taken: then the indexer that took it stops it. Pagefind is one
   * process for all indexes, so this is for once every indexer has stopped.
   */
  stop(): Promise<void>
}

/** A new index in Pagefind's process: one language for all pages, so that one index holds ko and en (`search-index.ts`). */
function newIndex(): ReturnType<typeof pagefind.createIndex> {
  return pagefind.createIndex({forceLanguage: 'en'})
}

/**
 * Starts Pagefind and asks it for an index now, while the site loads. Asked when the indexer started, once
 * the site was loaded, it answered only after the first page was rendered, which holds the thread that
 * reads its answers: in a rebuild of 100 runbooks, the index of the one page changed was written after the
 * last page instead of beside the list pages.
 */
export function startPagefind(): StartedPagefind {
  let index: ReturnType<typeof pagefind.createIndex> | undefined = newIndex()
  // Its failure is the indexer's to report, when it takes the index.
  index.catch(() => {})
  return {
    take() {
      const taken = index
      index = undefined
      return taken
    },
    async stop() {
      if (index === undefined) return
      index = undefined
      await pagefind.close()
    }
  }
}

export interface StreamedIndexResult extends IndexResult {
  /** How many pages were indexed as they were handed over, not read from their files. */
  streamed: number
}

export interface PageIndexer {
  /** Whether the index still waits for this page: the build hands it over only then. */
  wants(page: string): boolean
  /** Hands a rendered page over; resolves when Pagefind has room for more (Node holds few pages). */
  add(page: string, html: string): Promise<void>
  /** Indexes the pages not handed over from their files, writes the last parts and the list of parts. */
  finish(): Promise<StreamedIndexResult>
  /** Stops Pagefind for a build that failed: no process is left behind. */
  stop(): Promise<void>
}

/**
 * Pages sent to Pagefind and not yet indexed: enough to keep it busy, few enough to hold little in Node.
 * When Pagefind falls behind (its core is busy), rendering waits for it; 64 instead of 16 made no
 * difference measured on a busy machine.
 */
const inFlight = 16

/** Pages handed over ahead of their turn that are kept for it; later ones are read from their files instead. */
const aheadKept = 64

/**
 * Starts the index of `pages`. One Pagefind process at a time: a part's process is stopped (its memory
 * handed back) once its pages are written, before the next part's starts.
 */
export function startPageIndexer(options: PageIndexerOptions): PageIndexer {
  const {outDir, previous} = options
  const pages = [...new Set(options.pages)].sort()
  const overlay = overlayOf(previous, pages)
  // With an overlay, the previous parts are kept as they are and the overlay is the one index fed.
  const parts = overlay ? previous!.parts.map((list) => [...list]) : partsOf(pages, options.pagesPerIndex)
  // An overlay of no page (pages were only removed) is not written: Pagefind's index of nothing has no language.
  const fed = overlay && overlay.pages.length > 0 ? [...parts, overlay.pages] : parts
  const folders = fed.map((_, part) => (overlay && part === parts.length ? overlayFolder : partFolder(part)))
  const position = new Map(pages.map((page, at) => [page, at]))
  const partOf = new Map(fed.flatMap((list, part) => list.map((page) => [page, part] as const)))
  // Pages stale in a previous overlay's parts make those parts no longer the pages' own index.
  const staleBefore = new Set(Object.keys(previous?.overlay?.stale ?? {}))
  const kept = fed.map(
    (list, part) => part < parts.length && previous !== undefined && (overlay !== undefined || (sameAsBefore(previous, part, list, staleBefore) && hasPart(previous.dir, part)))
  )
  const ahead = new Map<string, string>()
  const sent = new Set<Promise<void>>()
  const errors: string[] = []
  let failure: {error: unknown} | undefined
  let next = 0
  let part = -1
  let index: Promise<pagefind.PagefindIndex | undefined> = Promise.resolve(undefined)
  let adds: Promise<void>[] = []
  // The Pagefind process's life, one part after another: a part starts once the one before is written.
  let lifecycle: Promise<unknown> = Promise.resolve()
  let indexed = 0
  let streamed = 0
  let stopped = false

  const fail = (error: unknown): undefined => {
    failure ??= {error}
    return undefined
  }

  /** Closes the parts before `target` and opens it (and any empty or kept ones on the way). */
  function enter(target: number): void {
    while (part < target) {
      if (part >= 0 && !kept[part]) close(part)
      part++
      if (part < fed.length && !kept[part]) open()
    }
  }

  function open(): void {
    index = lifecycle.then(async () => {
      if (stopped) return undefined
      const created = await (options.started?.take() ?? newIndex())
      errors.push(...created.errors)
      return created.index
    }).catch(fail)
    adds = []
    lifecycle = index
  }

  function close(at: number): void {
    const opened = index
    const added = adds
    lifecycle = (async () => {
      try {
        await Promise.all(added)
        const done = await opened
        if (done && !stopped) errors.push(...(await done.writeFiles({outputPath: join(outDir, folders[at]!)})).errors)
      } catch (error) {
        fail(error)
      } finally {
        await pagefind.close()
      }
    })()
  }

  function feed(page: string, html: string): void {
    enter(partOf.get(page)!)
    const added = index
      .then(async (opened) => {
        if (!opened) return
        const result = await opened.addHTMLFile({sourcePath: page, content: html})
        errors.push(...result.errors)
        indexed++
      })
      .catch(fail)
    adds.push(added)
    sent.add(added)
    void added.then(() => sent.delete(added))
  }

  /** Feeds the pages whose turn it is, as far as they are at hand: all of them, from their files, at the end. */
  function pump(atEnd: boolean): void {
    for (; next < pages.length; next++) {
      const page = pages[next]!
      if (kept[partOf.get(page)!]) continue
      const handed = ahead.get(page)
      const source = handed === undefined ? (options.sourceOf?.(page) ?? (atEnd ? join(outDir, page) : undefined)) : undefined
      if (handed === undefined && source === undefined) return
      ahead.delete(page)
      if (handed !== undefined) streamed++
      feed(page, handed ?? readFileSync(source!, 'utf8'))
    }
    // Every page is in: the last part is written now, while the build may still go on.
    enter(fed.length)
  }

  function wants(page: string): boolean {
    const at = position.get(page)
    return !stopped && at !== undefined && at >= next && !ahead.has(page) && !kept[partOf.get(page)!]
  }

  // Pagefind's process is started now, not with the first page: it starts on another core while the pages
  // render (a rebuild's overlay index waits on nothing else).
  const first = kept.indexOf(false)
  if (first >= 0) enter(first)

  return {
    wants,
    async add(page, html) {
      if (!wants(page)) return
      if (page !== pages[next] && ahead.size >= aheadKept) return
      ahead.set(page, html)
      pump(false)
      while (sent.size >= inFlight) await Promise.race(sent)
    },
    async finish() {
      pump(true)
      await lifecycle
      const reusedParts: number[] = []
      const stale = new Set(Object.keys(overlay?.stale ?? {}))
      kept.forEach((keep, at) => {
        if (!keep) return
        indexed += fed[at]!.filter((page) => !stale.has(page)).length
        reusedParts.push(at)
      })
      if (failure) throw failure.error
      const hidden = overlay && hiddenResultsOf(outDir, overlay)
      writePartsList(outDir, parts.length, hidden && {written: fed.length > parts.length, results: hidden.results})
      errors.push(...(hidden?.errors ?? []))
      return {pages: indexed, parts, reusedParts, errors, streamed, overlay}
    },
    async stop() {
      stopped = true
      ahead.clear()
      await pagefind.close()
    }
  }
}
