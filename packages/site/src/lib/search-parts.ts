/**
 * How the search index is split into parts, and what a rebuild may take of the previous one. The layout
 * depends only on the sorted list of pages and the size of a part, so a rebuild finds the same parts as
 * the build before it and takes those none of whose pages changed (or all of them, under an overlay:
 * `search-overlay.ts`), leaving them where they are: the new site is moved over the old.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface IndexResult {
  pages: number
  /** The pages of each index, in order: `pagefind/`, then `pagefind/part-2/`… (the overlay's not among them). */
  parts: string[][]
  /**
   * The parts taken from the previous site instead of indexed again: not written, they stay where they are
   * there, and the new site is moved over it (`replaceWithSite`).
   */
  reusedParts: number[]
  errors: string[]
  /** What the overlay holds and hides, when the index has one. */
  overlay?: Overlay | undefined
}

/**
 * An overlay of the index (`search-overlay.ts`): the pages indexed again since the parts were laid out,
 * and the parts' entries it stands in for.
 */
export interface Overlay {
  /** The pages it indexes: those changed or added since the parts were laid out. */
  pages: string[]
  /** The parts' stale entries, of pages changed or removed since, by page: Pagefind's result id of each. */
  stale: Record<string, string>
}

/** The previous build's index, for a rebuild to keep the parts none of whose pages changed. */
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

/** The folder of the overlay, relative to the site. */
export const overlayFolder = 'pagefind/overlay'

/**
 * What an overlay makes the search box leave out of the parts (`search-overlay.ts`), by Pagefind's result
 * id: entries it stands in for (`hidden`), and entries it has again unchanged, to show once (`once`).
 */
export interface HiddenResults {
  hidden: string[]
  once: string[]
}

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

/**
 * Whether a part holds the same pages as the previous build's part of that number, none of them changed
 * and none stale under an overlay.
 */
export function sameAsBefore(previous: PreviousIndex, part: number, pages: readonly string[], stale: ReadonlySet<string>): boolean {
  const before = previous.parts[part]
  return before !== undefined && before.length === pages.length && pages.every((page, index) => page === before[index] && previous.unchanged(page) && !stale.has(page))
}

/** Whether the previous site still has a part's index to keep. */
export function hasPart(dir: string, part: number): boolean {
  return existsSync(join(dir, partFolder(part), 'pagefind-entry.json'))
}

/** Whether a file of a site (relative, POSIX) is of a part's index. */
export function isPartFile(file: string, part: number): boolean {
  const folder = `${partFolder(part)}/`
  if (!file.startsWith(folder)) return false
  return part !== 0 || ownByFirstPart(file.slice(folder.length).split('/')[0]!)
}

/** The first part's folder holds the other parts, the overlay and the list of them: those are not its own. */
function ownByFirstPart(name: string): boolean {
  return !(name.startsWith('part-') || name === 'overlay' || name === partsFile)
}

/**
 * Writes `pagefind/parts.json`: the folders of the indexes after the first (the parts', then an overlay's),
 * for the search box to merge, as a list; with the results an overlay hides, as `{parts, hidden, once}`.
 */
export function writePartsList(outDir: string, count: number, overlay?: {written: boolean; results: HiddenResults} | undefined): void {
  const parts = Array.from({length: count - 1}, (_, index) => `part-${index + 2}/`)
  if (overlay?.written) parts.push('overlay/')
  mkdirSync(join(outDir, 'pagefind'), {recursive: true})
  writeFileSync(join(outDir, 'pagefind', partsFile), `${JSON.stringify(overlay ? {parts, ...overlay.results} : parts)}\n`)
}
