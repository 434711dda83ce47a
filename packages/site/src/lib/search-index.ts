import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {startPageIndexer} from './page-indexer.js'
import type {IndexResult, PreviousIndex} from './search-parts.js'

export {defaultPagesPerIndex, partsFile, type IndexResult, type PreviousIndex} from './search-parts.js'

export interface IndexOptions {
  /**
   * The most pages one Pagefind process indexes (default 2 000): a larger site is split into indexes of at
   * most this many, one process each in turn, which the search box merges in the browser. Pagefind's memory
   * grows with the pages it holds, so this bounds it however large the site grows.
   */
  pagesPerIndex?: number | undefined
  previous?: PreviousIndex | undefined
}

/**
 * Indexes a built site's runbook pages (those with `data-pagefind-body`) from their files with Pagefind
 * into `<outDir>/pagefind/`, and when there are more than `pagesPerIndex`, the rest into
 * `pagefind/part-2/`… Each index holds every language, so a Korean query finds Korean runbooks from an
 * English page too; Korean words are matched by prefix, so `배포` finds `배포자`. The integration and
 * `runsheet build` index the pages while they are rendered instead (`startPageIndexer`), into the same index.
 */
export async function indexSite(outDir: string, options: IndexOptions = {}): Promise<IndexResult> {
  const {streamed: _, ...result} = await startPageIndexer({outDir, pages: searchablePages(outDir), ...options}).finish()
  return result
}

/** The HTML files under `outDir` that Pagefind would index (a runbook's article), as sorted POSIX paths. */
export function searchablePages(outDir: string): string[] {
  return readdirSync(outDir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((page) => !page.startsWith('pagefind/') && readFileSync(join(outDir, page), 'utf8').includes('data-pagefind-body'))
    .sort()
}
