/**
 * How the search index is split into parts, and what a rebuild may copy of the previous one. The layout
 * depends only on the sorted list of pages and the size of a part, so a rebuild finds the same parts as
 * the build before it and copies those none of whose pages changed.
 */
import {cpSync, existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface IndexResult {
  pages: number
  /** The pages of each index, in order: `pagefind/`, then `pagefind/part-2/`… */
  parts: string[][]
  /** How many of the indexes were copied from the previous site instead of indexed again. */
  reused: number
  errors: string[]
}

/** The previous build's index, for a rebuild to copy the parts none of whose pages changed. */
export interface PreviousIndex {
  /** The previous site's folder (its `pagefind/` is read). */
  dir: string
  /** The pages of each of its indexes, as `indexSite` returned them. */
  parts: readonly (readonly string[])[]
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

/** Whether a part holds the same pages as the previous build's part of that number, none of them changed. */
export function sameAsBefore(previous: PreviousIndex, part: number, pages: readonly string[]): boolean {
  const before = previous.parts[part]
  return before !== undefined && before.length === pages.length && pages.every((page, index) => page === before[index] && previous.unchanged(page))
}

/** Whether the previous site still has a part's index to copy. */
export function hasPart(dir: string, part: number): boolean {
  return existsSync(join(dir, partFolder(part), 'pagefind-entry.json'))
}

/** Copies a part's index from the previous site (`hasPart` says it is there). */
export function copyPart(fromDir: string, toDir: string, part: number): void {
  const folder = partFolder(part)
  const from = join(fromDir, folder)
  mkdirSync(join(toDir, folder), {recursive: true})
  for (const name of readdirSync(from)) {
    // The first part's folder holds the other parts and the list of them: those are not its own.
    if (part === 0 && (name.startsWith('part-') || name === partsFile)) continue
    cpSync(join(from, name), join(toDir, folder, name), {recursive: true})
  }
}

/** Writes `pagefind/parts.json`: the folders of the parts after the first, for the search box to merge. */
export function writePartsList(outDir: string, count: number): void {
  mkdirSync(join(outDir, 'pagefind'), {recursive: true})
  const others = Array.from({length: count - 1}, (_, index) => `part-${index + 2}/`)
  writeFileSync(join(outDir, 'pagefind', partsFile), `${JSON.stringify(others)}\n`)
}
