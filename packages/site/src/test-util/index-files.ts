/** Helpers for tests of the search index: the files of a folder, an index made from files, Pagefind processes left. */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {indexSite} from '../lib/search-index.js'
import {isPartFile} from '../lib/search-parts.js'

/** Every file under a folder, by relative path, its bytes as base64 (for a readable failure). */
export function filesOf(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)).toString('base64')])
  )
}

/**
 * A copy of a site (in `work`, named `name`) indexed from its written pages, as `indexSite` does after a
 * build: the `pagefind/` an index fed any other way must equal.
 */
export async function indexedFromFiles(site: string, work: string, name: string, pagesPerIndex: number): Promise<string> {
  const copy = join(work, name)
  cpSync(site, copy, {recursive: true, filter: (path) => !relative(site, path).startsWith('pagefind')})
  await indexSite(copy, {pagesPerIndex})
  return join(copy, 'pagefind')
}

/**
 * The site a rebuild's index leaves once moved over the previous one, as `runsheet build` moves it: the
 * parts it reused (`reusedParts`) are the previous site's files, copied here beside what it wrote.
 */
export function keepParts(previous: string, site: string, reusedParts: readonly number[]): void {
  for (const entry of readdirSync(join(previous, 'pagefind'), {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const file = relative(previous, join(entry.parentPath, entry.name)).split('\\').join('/')
    if (!reusedParts.some((part) => isPartFile(file, part))) continue
    mkdirSync(dirname(join(site, file)), {recursive: true})
    cpSync(join(previous, file), join(site, file))
  }
}

/** The Pagefind processes this test process started and has not reaped (their state shows in a failure). */
export function pagefindChildren(): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,stat=,args=', '--ppid', String(process.pid)], {encoding: 'utf8'})
      .split('\n')
      .filter((line) => /pagefind/.test(line))
  } catch {
    return []
  }
}
