/**
 * How the search index is split into parts, and what a rebuild may copy of the previous one. The layout
 * depends only on the sorted list of pages and the size of a part, so a rebuild finds the same parts as
 * the build before it and copies those none of whose pages changed.
 *
 * A rebuild that changed a few pages copies every part instead, and indexes those pages alone into an
 * overlay (`pagefind/overlay/`): the parts' entries for them are then stale, and the search box leaves out
 * the results it lists in `pagefind/hidden.json`. Once the overlay would hold more than a tenth of a part's
 * pages, the index is laid out again from scratch, as a cold build lays it out.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {linkTree} from './link-files.js'

export interface IndexResult {
  pages: number
  /** The pages of each index, in order: `pagefind/`, then `pagefind/part-2/`… (the overlay's not among them). */
  parts: string[][]
  /** How many of the indexes were copied from the previous site instead of indexed again. */
  reused: number
  errors: string[]
  /** What the overlay holds and hides, when the index has one. */
  overlay?: Overlay | undefined
}

/** An overlay of the index: the pages indexed again since the parts were laid out, and what it hides in them. */
export interface Overlay {
  /** The pages it indexes: those changed or added since the parts were. */
  pages: string[]
  /** The pages whose entries in the parts are stale: changed or removed since. */
  stalePages: string[]
  /** Those entries, as Pagefind's result ids. */
  hidden: string[]
}

/** The previous build's index, for a rebuild to copy the parts none of whose pages changed. */
export interface PreviousIndex {
  /** The previous site's folder (its `pagefind/` is read). */
  dir: string
  /** The pages of each of its indexes, as `indexSite` returned them. */
  parts: readonly (readonly string[])[]
  /** Its overlay, when it had one. */
  overlay?: Overlay | undefined
  /** Whether a page is the same file as in the previous site. */
  unchanged: (page: string) => boolean
}

/** About 0.8 GB of Pagefind at most (0.4 GB per 1 000 runbook pages measured, bench/RESULTS.md). */
export const defaultPagesPerIndex = 2000

/** The file listing the indexes after the first, relative to `pagefind/`, for the search box to merge. */
export const partsFile = 'parts.json'

/**
 * The pages of each part, in order: as few parts as hold `pagesPerIndex` pages each, of equal size but the
 * last, one at least (an empty site still gets an index for the search box). `pages` must be sorted.
 */
export function partsOf(pages: readonly string[], pagesPerIndex: number | undefined): string[][] {
  const most = Math.max(1, pagesPerIndex ?? defaultPagesPerIndex)
  const count = Math.max(1, Math.ceil(pages.length / most))
  const size = Math.ceil(pages.length / count)
  return Array.from({length: count}, (_, part) => pages.slice(part * size, (part + 1) * size))
}

/** The folder of a part, relative to the site: the first part's holds the others'. */
export function partFolder(part: number): string {
  return part === 0 ? 'pagefind' : `pagefind/part-${part + 1}`
}

/** The folder of the overlay, relative to the site. */
export const overlayFolder = 'pagefind/overlay'

/** The file listing the results the overlay hides, relative to `pagefind/`. */
export const hiddenFile = 'hidden.json'

/**
 * Whether a part holds the same pages as the previous build's part of that number, none of them changed
 * and none stale under an overlay.
 */
export function sameAsBefore(previous: PreviousIndex, part: number, pages: readonly string[]): boolean {
  const before = previous.parts[part]
  const stale = new Set(previous.overlay?.stalePages)
  return before !== undefined && before.length === pages.length && pages.every((page, index) => page === before[index] && previous.unchanged(page) && !stale.has(page))
}

/**
 * The overlay a rebuild can index instead of laying the parts out again: the pages changed or added since
 * the parts were (`pages` is every page of the site now), when they are few and the previous site has every
 * part and the results to hide for them. Undefined when the index must be laid out again.
 */
export function overlayOf(previous: PreviousIndex | undefined, pages: readonly string[], pagesPerIndex: number | undefined): Overlay | undefined {
  if (!previous) return undefined
  const limit = Math.floor(Math.max(1, pagesPerIndex ?? defaultPagesPerIndex) / 10)
  const now = new Set(pages)
  const before = previous.overlay
  const overlaid = new Set(before?.pages.filter((page) => now.has(page)))
  for (const page of pages) if (!previous.unchanged(page)) overlaid.add(page)
  if (overlaid.size > limit || !previous.parts.every((_, part) => hasPart(previous.dir, part))) return undefined
  // The parts' entries that are stale now and were not before: of pages changed or removed since.
  const stale = new Set(before?.stalePages)
  const newly = new Set(previous.parts.flat().filter((page) => !stale.has(page) && (overlaid.has(page) || !now.has(page))))
  // Nothing changed since the parts were laid out: they are copied as they are, with no overlay.
  if (!before && overlaid.size === 0 && newly.size === 0) return undefined
  const found = newly.size === 0 ? new Map<string, string>() : resultIdsOf(previous.dir, previous.parts, newly)
  if (found.size < newly.size) return undefined
  return {
    pages: [...overlaid].sort(),
    stalePages: [...stale, ...newly].sort(),
    hidden: [...new Set([...(before?.hidden ?? []), ...found.values()])].sort()
  }
}

/**
 * Pagefind's result ids of these pages in the parts that hold them: the names of their fragments, each of
 * which records its page's URL (`/ops/배포/` for `ops/배포/index.html`).
 */
function resultIdsOf(dir: string, parts: readonly (readonly string[])[], pages: ReadonlySet<string>): Map<string, string> {
  const ids = new Map<string, string>()
  parts.forEach((list, part) => {
    if (!list.some((page) => pages.has(page))) return
    const folder = join(dir, partFolder(part), 'fragment')
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.pf_fragment')) continue
      const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8')
      const {url} = JSON.parse(text.slice(text.indexOf('{'))) as {url?: unknown}
      if (typeof url !== 'string') continue
      const page = pageOfUrl(url)
      if (page !== undefined && pages.has(page)) ids.set(page, name.slice(0, -'.pf_fragment'.length))
    }
  })
  return ids
}

/** The page file Pagefind indexed at a URL: `/ops/%EB%B0%B0/` → `ops/배/index.html`. */
function pageOfUrl(url: string): string | undefined {
  try {
    const path = decodeURIComponent(url).replace(/^\//, '')
    return `${path}${path === '' || path.endsWith('/') ? '' : '/'}index.html`
  } catch {
    return undefined
  }
}

/** Whether the previous site still has a part's index to copy. */
export function hasPart(dir: string, part: number): boolean {
  return existsSync(join(dir, partFolder(part), 'pagefind-entry.json'))
}

/** Puts a part's index from the previous site into the new one (`hasPart` says it is there). */
export function copyPart(fromDir: string, toDir: string, part: number): void {
  const folder = partFolder(part)
  // The first part's folder holds the other parts, the overlay and the lists of them: those are not its own.
  const others = (name: string) => part === 0 && (name.startsWith('part-') || name === 'overlay' || name === partsFile || name === hiddenFile)
  linkTree(join(fromDir, folder), join(toDir, folder), others)
}

/**
 * Writes `pagefind/parts.json`, the folders of the indexes after the first for the search box to merge
 * (the parts', then the overlay's), and with an overlay `pagefind/hidden.json`, the results it hides.
 */
export function writePartsList(outDir: string, count: number, overlay?: Overlay | undefined): void {
  const others = Array.from({length: count - 1}, (_, index) => `part-${index + 2}/`)
  if (overlay) others.push('overlay/')
  mkdirSync(join(outDir, 'pagefind'), {recursive: true})
  writeFileSync(join(outDir, 'pagefind', partsFile), `${JSON.stringify(others)}\n`)
  if (overlay) writeFileSync(join(outDir, 'pagefind', hiddenFile), `${JSON.stringify(overlay.hidden)}\n`)
}
