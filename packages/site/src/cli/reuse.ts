/**
 * What a rebuild takes from the previous one: the pages whose inputs did not change (`pageDigests`: runbook
 * pages and pages of the list of runbooks) and the parts of the search index. What the previous build was
 * made of is kept in the cache folder (`build.json`), with an id also written in the output folder's
 * marker, so that an output folder built otherwise since (another cache, `--no-cache`, by hand) is never
 * taken for it.
 */
import {createHash, randomUUID} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative, sep} from 'node:path'
import type {Reuse} from '../lib/load-site.js'
import type {PageDigests, SiteDigests} from '../lib/page-digests.js'
import {packageRoot} from '../lib/package-root.js'
import type {Overlay} from '../lib/search-parts.js'
import {digestMemo, digestOfFolder} from '../lib/files-digest.js'
import {parserFingerprint} from '../lib/model-cache.js'
import {builtIdOf} from './out-folder.js'

/** What one build was made of, kept for the next. */
export interface BuildRecord {
  /** Written in the output folder's marker too. */
  id: string
  /** Runbook pages (named so since before list pages had digests). */
  pages: PageDigests
  /** Pages of the list of runbooks (absent from records written before they were reused). */
  homes?: PageDigests | undefined
  /** The pages of each part of the search index, and its overlay, when it has one. */
  search?: {pagesPerIndex: number; parts: string[][]; overlay?: Overlay | undefined} | undefined
  /** The renderer the pages were rendered with (`rendererId`), kept for a rebuild to render with. */
  renderer?: string | undefined
  /** The site's files that are neither pages nor search index (Astro's `_astro/`), which the renderer names. */
  assets?: string[] | undefined
}

const recordFile = 'build.json'

/** A fresh id for a build. */
export function buildId(): string {
  return randomUUID()
}

/** The previous build's record, when it is the build the output folder holds. */
export function previousBuild(cache: string, out: string): BuildRecord | undefined {
  let record: BuildRecord
  try {
    record = JSON.parse(readFileSync(join(cache, recordFile), 'utf8')) as BuildRecord
  } catch {
    return undefined
  }
  return builtIdOf(out) === record.id ? record : undefined
}

export function keepBuild(cache: string, record: BuildRecord): void {
  mkdirSync(cache, {recursive: true})
  writeFileSync(join(cache, recordFile), JSON.stringify(record))
}

/** The files of a runbook page in a built site: the page and its model. */
export function pageFiles(slug: string): string[] {
  const folder = slug.split('/')
  return [[...folder, 'index.html'].join('/'), [...folder, 'runbook.json'].join('/')]
}

/** The file of a page of the list of runbooks in a built site (`''` is the home page). */
export function homeFiles(slug: string): string[] {
  return [slug === '' ? 'index.html' : `${slug}/index.html`]
}

/** The pages the previous build wrote from the same inputs, and whose files are still there. */
export function reusablePages(out: string, previous: BuildRecord, digests: SiteDigests): Reuse {
  const reusable = (now: PageDigests, before: PageDigests | undefined, files: (slug: string) => string[]) => {
    const slugs = new Set<string>()
    for (const [slug, digest] of Object.entries(now)) {
      if (before?.[slug] === digest && files(slug).every((file) => existsSync(join(out, file)))) slugs.add(slug)
    }
    return slugs
  }
  return {runbooks: reusable(digests.runbooks, previous.pages, pageFiles), homes: reusable(digests.homes, previous.homes, homeFiles)}
}

/** The files of the reused pages in a built site, which the search index reads them from too. */
export function reusedFiles(reuse: Reuse): string[] {
  return [...[...reuse.runbooks].flatMap(pageFiles), ...[...reuse.homes].flatMap(homeFiles)]
}

/** The files of a built site that are neither its pages nor its search index: what Astro bundled. */
export function assetFiles(site: string, digests: SiteDigests): string[] {
  const pages = new Set([...Object.keys(digests.runbooks).flatMap(pageFiles), ...Object.keys(digests.homes).flatMap(homeFiles)])
  return readdirSync(site, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !pages.has(file) && !file.startsWith('pagefind/'))
    .sort()
}

let code: string | undefined

/**
 * A digest of the code that renders the pages: this package's sources (components, styles, client scripts,
 * translations), the parser, and the versions of the packages the pages are built with. A changed one
 * renders every page again: the reused pages would name stale scripts and styles.
 */
export function codeDigest(): string {
  if (code) return code
  const sources = digestOfFolder(join(packageRoot, 'src'), (name) => !/\.test\.[a-z]+$/.test(name), digestMemo)
  const hash = createHash('sha256').update(parserFingerprint()).update(sources)
  const require = createRequire(join(packageRoot, 'package.json'))
  for (const name of ['astro', 'vite', 'pagefind', '@fontsource/noto-sans-kr']) {
    try {
      hash.update(`${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {version: string}).version}\0`)
    } catch {
      hash.update(`${name}@?\0`)
    }
  }
  code = hash.digest('hex')
  return code
}
