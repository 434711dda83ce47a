import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import * as pagefind from 'pagefind'

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

export interface IndexOptions {
  /**
   * The most pages one Pagefind process indexes (default 2 000): a larger site is split into indexes of at
   * most this many, one process each in turn, which the search box merges in the browser. Pagefind's memory
   * grows with the pages it holds, so this bounds it however large the site grows.
   */
  pagesPerIndex?: number | undefined
  previous?: PreviousIndex | undefined
}

/** About 0.8 GB of Pagefind at most (0.4 GB per 1 000 runbook pages measured, bench/RESULTS.md). */
export const defaultPagesPerIndex = 2000

/** The file listing the indexes after the first, relative to `pagefind/`, for the search box to merge. */
export const partsFile = 'parts.json'

/**
 * Indexes the built site's runbook pages (those with `data-pagefind-body`) with Pagefind into
 * `<outDir>/pagefind/`, and when there are more than `pagesPerIndex`, the rest into `pagefind/part-2/`…
 * Each index holds every language, so a Korean query finds Korean runbooks from an English page too;
 * Korean words are matched by prefix, so `배포` finds `배포자`.
 */
export async function indexSite(outDir: string, options: IndexOptions = {}): Promise<IndexResult> {
  const pagesPerIndex = Math.max(1, options.pagesPerIndex ?? defaultPagesPerIndex)
  const pages = searchablePages(outDir)
  const parts = Math.max(1, Math.ceil(pages.length / pagesPerIndex))
  const size = Math.ceil(pages.length / parts)
  const errors: string[] = []
  const split: string[][] = []
  let indexed = 0
  let reused = 0
  // The first part first: its folder holds the others'.
  for (let part = 0; part < parts; part++) {
    const folder = part === 0 ? 'pagefind' : `pagefind/part-${part + 1}`
    const list = pages.slice(part * size, (part + 1) * size)
    split.push(list)
    if (options.previous && sameAsBefore(options.previous, part, list) && copyPart(options.previous.dir, outDir, folder)) {
      reused++
      indexed += list.length
      continue
    }
    const result = await indexPart(outDir, list, join(outDir, folder))
    indexed += result.pages
    errors.push(...result.errors)
  }
  mkdirSync(join(outDir, 'pagefind'), {recursive: true})
  const others = Array.from({length: parts - 1}, (_, index) => `part-${index + 2}/`)
  writeFileSync(join(outDir, 'pagefind', partsFile), `${JSON.stringify(others)}\n`)
  return {pages: indexed, parts: split, reused, errors}
}

/** Whether a part holds the same pages as the previous build's part of that number, none of them changed. */
function sameAsBefore(previous: PreviousIndex, part: number, pages: readonly string[]): boolean {
  const before = previous.parts[part]
  return before !== undefined && before.length === pages.length && pages.every((page, index) => page === before[index] && previous.unchanged(page))
}

/** Copies a part's index from the previous site: false when it is not there to copy. */
function copyPart(fromDir: string, toDir: string, folder: string): boolean {
  const from = join(fromDir, folder)
  if (!existsSync(join(from, 'pagefind-entry.json'))) return false
  mkdirSync(join(toDir, folder), {recursive: true})
  for (const name of readdirSync(from)) {
    // The first part's folder holds the other parts and the list of them: those are not its own.
    if (folder === 'pagefind' && (name.startsWith('part-') || name === partsFile)) continue
    cpSync(join(from, name), join(toDir, folder, name), {recursive: true})
  }
  return true
}

/** One index of some pages, by a Pagefind process of its own, stopped after: its memory is handed back. */
async function indexPart(outDir: string, pages: readonly string[], outputPath: string): Promise<{pages: number; errors: string[]}> {
  try {
    const {index, errors} = await pagefind.createIndex({forceLanguage: 'en'})
    if (!index) return {pages: 0, errors}
    let count = 0
    // A few files in flight at once keep the Pagefind process busy without holding many pages in Node.
    for (let at = 0; at < pages.length; at += 16) {
      const batch = pages.slice(at, at + 16)
      const added = await Promise.all(batch.map((page) => index.addHTMLFile({sourcePath: page, content: readFileSync(join(outDir, page), 'utf8')})))
      for (const each of added) errors.push(...each.errors)
      count += batch.length
    }
    const written = await index.writeFiles({outputPath})
    return {pages: count, errors: [...errors, ...written.errors]}
  } finally {
    await pagefind.close()
  }
}

/** The HTML files under `outDir` that Pagefind would index (a runbook's article), as sorted POSIX paths. */
function searchablePages(outDir: string): string[] {
  return readdirSync(outDir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((page) => !page.startsWith('pagefind/') && readFileSync(join(outDir, page), 'utf8').includes('data-pagefind-body'))
    .sort()
}
