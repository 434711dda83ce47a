import {join, resolve} from 'node:path'
import {linkLeftOutWarning, markdownFilesUnder, parseArguments, printable, reportOf, UsageError, type Io, type LinkLeftOut} from '@runsheet/parser/cli-kit'
import {isFolder} from '../lib/collect.js'
import {loadSite, type LoadedSite} from '../lib/load-site.js'
import {bundledParserMismatch} from '../lib/model-cache.js'
import {pageDigests, type SiteDigests} from '../lib/page-digests.js'
import {hasErrors, reportAsGiven} from '../lib/report.js'
import {shownPath} from '../lib/shown-path.js'
import {startPageIndexer, startPagefind, type PageIndexer, type StartedPagefind} from '../lib/page-indexer.js'
import {defaultPagesPerIndex, isPartFile, type IndexResult} from '../lib/search-parts.js'
import {searchPagesOf} from '../lib/search-pages.js'
import {baseOf, frontEndOf, langOf, urlOf} from './args.js'
import type {BuiltSite} from './astro.js'
import {defaultCacheFolder, tendCacheFolders} from './cache-folder.js'
import {loadKeptCode, renderWithKept} from './render-kept.js'
import {dropRenderer, keepRenderer, keptRenderer, keptRendererFor, rendererId} from './renderers.js'
import {assetFiles, buildId, codeDigest, keepBuild, previousBuild, reusablePages, reusedFiles} from './reuse.js'
import {favourSmallHeap} from './heap.js'
import {help} from './help.js'
import {planOut, replaceWithSite} from './out-folder.js'

/** `runsheet build DIR`: the static site, its search index, and a report of unresolved links. */
export async function buildCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments('build', args, {
    out: {type: 'string', short: 'o'},
    base: {type: 'string'},
    site: {type: 'string'},
    strict: {type: 'boolean'},
    lang: {type: 'string'},
    title: {type: 'string'},
    'repo-url': {type: 'string'},
    'no-search': {type: 'boolean'},
    'search-index-size': {type: 'string'},
    cache: {type: 'string'},
    'no-cache': {type: 'boolean'},
    'front-end': {type: 'string'},
    force: {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'}
  })
  if (values.help) {
    io.stdout(help.build)
    return 0
  }
  const dirArg = single(positionals)
  const dir = resolve(dirArg)
  if (!isFolder(dir)) throw new UsageError(`no folder at '${dirArg}'`)
  const {out, exclude} = planOut(values.out ?? 'dist', dir, values.force === true)
  const base = baseOf(values.base)
  const site = urlOf('--site', values.site)
  const repoUrl = urlOf('--repo-url', values['repo-url'])
  const lang = langOf(values.lang)
  const pagesPerIndex = countOf('--search-index-size', values['search-index-size'])
  const frontEnd = frontEndOf(values['front-end'])
  const cache = values['no-cache'] ? undefined : values.cache !== undefined ? resolve(values.cache) : defaultCacheFolder(dir, out)

  // Noted first: a build that fails still leaves its parsed models, which a later build removes if the
  // folder is gone by then.
  if (cache && values.cache === undefined) tendCacheFolders(cache, dir, out)
  // Before the build allocates: the setting only takes while the heap is small.
  // The one walk of the folder that says which symbolic links it leaves out; the site's loader walks it again.
  const onLinkLeftOut = (path: string, why: LinkLeftOut) => io.stderr(linkLeftOutWarning(`${shownPath(dir)}/${path}`, why))
  favourSmallHeap((await markdownFilesUnder(dir, {exclude: exclude ? [exclude] : [], onLinkLeftOut})).length)
  const search = !values['no-search']
  const integration = {lang, repoUrl, title: values.title, search, searchPagesPerIndex: pagesPerIndex, report: 'silent' as const, ...(exclude ? {exclude: [exclude]} : {})}
  const shared = JSON.stringify([codeDigest(), integration, base ?? null, site ?? null])
  const mismatch = bundledParserMismatch()
  if (mismatch) io.stderr(mismatch)
  const previous = cache ? previousBuild(cache, out) : undefined
  const before = previous?.search?.pagesPerIndex === (pagesPerIndex ?? defaultPagesPerIndex) ? previous.search : undefined

  // Read once, for the report here and for the pages, while Astro bundles the pages' code (which does not
  // need the site): the pages wait for it. The report names files as the user gave DIR, from the folder
  // the command was run in (the build runs in another).
  const shownDir = shownPath(dir)
  const prepared = (async (): Promise<Prepared> => {
    const loaded = await loadSite(dir, {base, lang, repoUrl, exclude: exclude ? [exclude] : [], ...(cache ? {cache} : {}), ...(frontEnd ? {frontEnd} : {})})
    const {site: runbooks, report} = loaded
    const messages = report.flatMap((file) => file.messages)
    if (report.length > 0) io.stderr(reportOf(reportAsGiven(report, (path) => `${shownDir}/${path}`), 'lines', {summary: false}))
    if (hasErrors(report) || (values.strict && messages.length > 0)) throw new SiteFailed(`${count(messages.length, 'problem')}${values.strict ? ' (--strict)' : ''}`)
    if (runbooks.entries.length === 0) io.stderr(`runsheet: no *.md files under '${dirArg}': the site will only have a home page`)
    // A rebuild renders only the pages whose inputs changed since the build the output folder holds, and
    // leaves the others there.
    const pages = pageDigests(runbooks, shared, loaded.models)
    loaded.reuse = previous ? reusablePages(out, previous, pages) : {runbooks: new Set<string>(), homes: new Set<string>()}
    return {loaded, pages, warnings: messages.length}
  })()
  const loading = prepared.then((each) => each.loaded)
  // Each is awaited once Astro is done, whether or not the pages asked for the site before it stopped.
  prepared.catch(() => {})
  loading.catch(() => {})

  // The search index is fed each page as Astro renders it (Pagefind works on another core meanwhile); the
  // pages reused are read from the previous site in their turn. Its parts none of whose pages changed are
  // kept, or all of them, with the few pages changed indexed into an overlay (`search-overlay.ts`).
  const indexers: PageIndexer[] = []
  // Pagefind and an index in it, started once the build begins, while the site loads: ready for the first page.
  let pagefind: StartedPagefind | undefined
  // No Pagefind process outlives the build, failed or not.
  const stopSearch = async () => {
    for (const indexer of indexers) await indexer.stop()
    await pagefind?.stop()
  }
  const startIndexer = (builtDir: string, loaded: LoadedSite): PageIndexer => {
    const unchanged = new Set(reusedFiles(loaded.reuse!))
    const indexer = startPageIndexer({
      outDir: builtDir,
      pages: searchPagesOf(loaded.site),
      pagesPerIndex,
      previous: before && {dir: out, parts: before.parts, overlay: before.overlay, unchanged: (page) => unchanged.has(page)},
      sourceOf: (page) => (unchanged.has(page) ? join(out, page) : undefined),
      started: pagefind
    })
    indexers.push(indexer)
    return indexer
  }
  // Built aside and moved in once done: a failed build leaves the previous site as it was. The pages and
  // search parts reused stay where they are. A rebuild with the code and settings of the build the folder
  // holds renders its pages with the code that build bundled, and keeps that build's assets; any other
  // build has Astro bundle the pages, and keeps their code for the next.
  const logLevel = values.quiet ? 'error' : 'warn'
  // The log level too: the bundle's messages are filtered by the level it was bundled with.
  const renderer = rendererId(JSON.stringify([shared, logLevel]))
  const kept = cache ? keptRendererFor(renderer, previous, out) : undefined
  let built: BuiltSite
  let done: Prepared
  let withKept: BuiltSite | undefined
  // Whether this build's page code is kept: only then does the record name it for the next rebuild.
  let keptNow = false
  try {
    if (search) pagefind = startPagefind()
    if (kept) {
      debug(io, `rendering with the page code kept in ${kept.dir}`)
      withKept = await renderWithKept(kept, {loaded: loading, indexSearch: search && startIndexer, logLevel}).catch(async (error: unknown) => {
        // The site's own failure is reported below; anything else, Astro's build may not share.
        if (await prepared.then(() => false, () => true)) throw error
        debug(io, `the kept page code failed (${error instanceof Error ? error.message : String(error)}): building with Astro`)
        // Stopping an indexer stops Pagefind: an index started ahead and not yet taken went with it.
        await stopSearch()
        indexers.length = 0
        if (search) pagefind = startPagefind()
        dropRenderer(renderer)
        return undefined
      })
    }
    if (!withKept) debug(io, `bundling the pages with Astro${cache ? ` (renderer ${renderer})` : ''}`)
    // Loaded only here: Astro's build and the integration are not what a rebuild with kept page code runs.
    built =
      withKept ??
      (await (await import('./astro.js')).buildSite({
        dir,
        base,
        site,
        logLevel,
        loaded: loading,
        integration: {...integration, indexSearch: search && startIndexer, ...(cache ? {keepRenderer: {keep: (captured) => (keptNow = keepRenderer(renderer, captured)), notKept: (why) => debug(io, `the page code is not kept: ${why}`)}} : {})}
      }))
    done = await prepared
  } catch (error) {
    await stopSearch()
    const failed = await prepared.then(
      () => undefined,
      (reason: unknown) => reason
    )
    if (failed instanceof SiteFailed) {
      io.stderr(`runsheet: build failed: ${failed.message}`)
      return 1
    }
    throw failed ?? error
  }
  const {pages, loaded} = done
  const reuse = loaded.reuse!
  const unchanged = new Set(reusedFiles(reuse))
  const id = buildId()
  let index: IndexResult | undefined
  let assets: string[] | undefined
  try {
    const indexer = indexers.at(-1)
    // While Pagefind writes the index's last part: the page code just kept is loaded where the next
    // rebuild loads it from, for Node's compile cache to hold it there.
    const justKept = keptNow ? keptRenderer(renderer) : undefined
    const warmingKeptCode =
      justKept &&
      loadKeptCode(justKept).catch((error: unknown) => {
        // Code that does not load here would not render the next rebuild's pages either.
        debug(io, `the kept page code does not load (${error instanceof Error ? error.message : String(error)}): it is dropped`)
        dropRenderer(renderer)
        keptNow = false
      })
    if (indexer) {
      index = await indexer.finish()
      for (const error of index.errors) io.stderr(`runsheet: search index: ${error}`)
    }
    await warmingKeptCode
    const parts = index?.reusedParts ?? []
    const reusedAssets = new Set(withKept ? previous?.assets : [])
    assets = withKept ? previous?.assets : cache ? assetFiles(built.dir, pages) : undefined
    const keep = (file: string) => unchanged.has(file) || reusedAssets.has(file) || parts.some((part) => isPartFile(file, part))
    replaceWithSite(out, built.dir, {keep, ...(cache ? {id} : {})})
  } finally {
    await stopSearch()
    built.scratch.remove()
  }
  if (cache) {
    keepBuild(cache, {
      id,
      pages: pages.runbooks,
      homes: pages.homes,
      search: index && {pagesPerIndex: pagesPerIndex ?? defaultPagesPerIndex, parts: index.parts, overlay: index.overlay},
      renderer: withKept || keptNow ? renderer : undefined,
      assets
    })
  }
  if (!values.quiet) {
    const where = shownPath(out)
    const warnings = done.warnings > 0 ? `, ${count(done.warnings, 'warning')}` : ''
    const total = Object.keys(pages.runbooks).length
    const lists = Object.keys(pages.homes).length
    const reused =
      reuse.runbooks.size + reuse.homes.size > 0
        ? `; ${total - reuse.runbooks.size} of ${count(total, 'runbook page')} and ${lists - reuse.homes.size} of ${count(lists, 'list page')} rendered, the others reused`
        : ''
    io.stdout(printable(`runsheet: built ${count(loaded.site.entries.length, 'runbook')} into ${where}/${search ? ' with a search index' : ''}${warnings}${reused}`))
  }
  return 0
}

/** A line on stderr with `RUNSHEET_DEBUG` set. */
function debug(io: Io, line: string): void {
  if (process.env.RUNSHEET_DEBUG) io.stderr(`runsheet: ${line}`)
}

/** The loaded site (with what a rebuild reuses of the previous build), its pages' digests, and how many warnings its report has. */
interface Prepared {
  loaded: LoadedSite
  pages: SiteDigests
  warnings: number
}

/** A site whose report has errors (or warnings, with `--strict`): the report is printed, the build fails. */
class SiteFailed extends Error {}

function single(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(`'build' needs the folder of runbooks: runsheet build DIR`)
  if (positionals.length > 1) throw new UsageError(`'build' takes one folder, not ${positionals.length}: ${positionals.join(' ')}`)
  return positionals[0]!
}

/** A whole number of at least 1 from a flag, or a usage error. */
function countOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not '${value}'`)
  return number
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
