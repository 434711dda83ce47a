/**
 * A rebuild that changed a few pages need not index whole parts again: it keeps every part as it was and
 * indexes those pages alone into an overlay (`pagefind/overlay/`). The parts' entries for them (and for
 * pages removed since) are then stale; `pagefind/parts.json` names them by Pagefind's result id, and the
 * search box leaves them out. Once what the overlay stands in for passes a tenth of a part, the index is
 * laid out again from scratch, as a cold build lays it out.
 *
 * A result's id is its fragment's name, which Pagefind derives from the fragment's content: a page indexed
 * again with the same text gets the same id in the overlay as its entry in its part. Such an id is listed
 * as `once` instead (the search box shows its first result). An id that names the fragments of two pages
 * would hide the wrong one: the index is laid out again instead.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {hasPart, overlayFolder, partFolder, type HiddenResults, type Overlay, type PreviousIndex} from './search-parts.js'
import {pageFileOf} from './search-pages.js'

/**
 * The overlay a rebuild can index instead of laying the parts out again (`pages` is every page of the site
 * now): the pages changed or added since the parts were laid out, when with those removed since they are
 * at most a tenth of a part, and the previous site has every part and the fragments of the stale entries.
 * Undefined when the index must be laid out again, or when nothing changed since it was.
 */
export function overlayOf(previous: PreviousIndex | undefined, pages: readonly string[]): Overlay | undefined {
  if (!previous) return undefined
  const now = new Set(pages)
  const before = previous.overlay
  const overlaid = new Set(before?.pages.filter((page) => now.has(page)))
  for (const page of pages) if (!previous.unchanged(page)) overlaid.add(page)
  const stale = new Map(Object.entries(before?.stale ?? {}))
  const newly = new Set(previous.parts.flat().filter((page) => !stale.has(page) && (overlaid.has(page) || !now.has(page))))
  if (!before && overlaid.size === 0 && newly.size === 0) return undefined
  // Removed pages count too: their entries stay in the parts, hidden, until the index is laid out again.
  const limit = Math.floor((previous.parts[0]?.length ?? 0) / 10)
  if (new Set([...overlaid, ...stale.keys(), ...newly]).size > limit) return undefined
  if (!previous.parts.every((_, part) => hasPart(previous.dir, part))) return undefined
  const fragments = fragmentsOf(previous, newly)
  if (!fragments) return undefined
  for (const page of newly) {
    const id = fragments.idOf.get(page)
    if (id === undefined) return undefined
    stale.set(page, id)
  }
  if ([...stale.values()].some((id) => fragments.count.get(id) !== 1)) return undefined
  return {pages: [...overlaid].sort(), stale: Object.fromEntries([...stale].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}
}

/**
 * The result ids of these pages in the previous parts, and how many of the parts' fragments bear each id
 * (read from their names; only the parts holding these pages are opened). Undefined when a part cannot be
 * read (its folder edited by hand).
 */
function fragmentsOf(previous: PreviousIndex, pages: ReadonlySet<string>): {idOf: Map<string, string>; count: Map<string, number>} | undefined {
  const idOf = new Map<string, string>()
  const count = new Map<string, number>()
  try {
    previous.parts.forEach((list, part) => {
      const index = join(previous.dir, partFolder(part))
      for (const id of fragmentIds(index)) count.set(id, (count.get(id) ?? 0) + 1)
      if (!list.some((page) => pages.has(page))) return
      for (const [id, page] of fragmentPages(index)) if (pages.has(page)) idOf.set(page, id)
    })
  } catch {
    return undefined
  }
  return {idOf, count}
}

/** The result ids of an index (`pagefind/…`): its fragments' names (an index of no page has no folder of them). */
function fragmentIds(index: string): string[] {
  const folder = join(index, 'fragment')
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith(fragmentExtension))
    .map((name) => name.slice(0, -fragmentExtension.length))
}

const fragmentExtension = '.pf_fragment'

/** The page of each fragment of an index (`pagefind/…`), by result id: fragments record their page's URL. */
function fragmentPages(index: string): Map<string, string> {
  const pages = new Map<string, string>()
  for (const id of fragmentIds(index)) {
    const text = gunzipSync(readFileSync(join(index, 'fragment', `${id}${fragmentExtension}`))).toString('utf8')
    const {url} = JSON.parse(text.slice(text.indexOf('{'))) as {url?: unknown}
    const page = typeof url === 'string' ? pageFileOf(url, '/') : undefined
    if (page === undefined) throw new Error(`${id}: no page URL`)
    pages.set(id, page)
  }
  return pages
}

/**
 * The results the search box leaves out, once the overlay is written (in `outDir`; none is written for no
 * page): the parts' stale entries, but those the overlay has again under the same id (the same page, the
 * same text), shown once.
 * An id the overlay gives another page is reported: that page's results would be hidden.
 */
export function hiddenResultsOf(outDir: string, overlay: Overlay): {results: HiddenResults; errors: string[]} {
  const written = fragmentPages(join(outDir, overlayFolder))
  const results: HiddenResults = {hidden: [], once: []}
  const errors: string[] = []
  for (const [page, id] of Object.entries(overlay.stale)) {
    const again = written.get(id)
    if (again === undefined) results.hidden.push(id)
    else if (again === page) results.once.push(id)
    else {
      results.hidden.push(id)
      errors.push(`${again}: its result id is also that of the earlier ${page}; it is not found until the next build without a cache (--no-cache)`)
    }
  }
  return {results: {hidden: results.hidden.sort(), once: results.once.sort()}, errors}
}
