import {createRequire} from 'node:module'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {AstroConfig, AstroIntegration} from 'astro'
import {AstroError} from 'astro/errors'
import {isFolder} from '../lib/collect.js'
import {siteCsp} from '../lib/csp.js'
import {loadSite, type LoadedSite} from '../lib/load-site.js'
import {packageRoot} from '../lib/package-root.js'
import {errorCount, reportAsGiven} from '../lib/report.js'
import {shownPath} from '../lib/shown-path.js'
import {startPageIndexer, type PageIndexer} from '../lib/page-indexer.js'
import {normaliseBase} from '../lib/paths.js'
import {searchPagesOf} from '../lib/search-pages.js'
import {loadedSite, provideSite} from '../lib/site-store.js'
import {woff2Only} from './fonts.js'
import {optionProblemsOf, type RunsheetOptions} from './options.js'
import {capturingPrerenderer} from './prerender-capture.js'
import {feedSearch} from './search-feed.js'
import {virtualSite} from './virtual-site.js'
import {reportLogger} from '../lib/report-logger.js'

export type {RunsheetOptions} from './options.js'

/**
 * The Runsheet Astro integration: one page per runbook under `dir` (at `prefix`), a home page listing them
 * in each language, and a Pagefind search index written at `/pagefind/`, fed each page as it is rendered.
 */
export function runsheet(options: RunsheetOptions): AstroIntegration {
  return runsheetIntegration(options)
}

/**
 * The integration, given the site when the caller loads it itself (`runsheet build` does, for its report,
 * while Astro bundles): the folder is then read once per build. Without it, the site is loaded when a page
 * first asks.
 *
 * @internal
 */
export function runsheetIntegration(options: RunsheetOptions, preloaded?: LoadedSite | Promise<LoadedSite>): AstroIntegration {
  // Checked in astro:config:setup, where Astro reports a failed integration: read with care until then.
  const problems = optionProblemsOf(options)
  const search = options?.search ?? true
  let csp = options?.csp ?? true
  let indexSearch = search && options?.indexSearch !== false
  let release = () => {}
  let stopFeeding = () => {}
  let siteKey = ''
  let base = '/'
  let outDir = ''
  let origin = ''
  let ownIndexer: PageIndexer | undefined
  let indexerStarted: Promise<void> = Promise.resolve()
  const integration: AstroIntegration = {
    name: '@runsheet/site',
    hooks: {
      'astro:config:setup'({config, command, injectRoute, addMiddleware, updateConfig, logger}) {
        if (problems) throw new Error(`runsheet(): ${problems}`)
        refuseOtherInstances(config.integrations)
        refuseUrlsOtherThanFolders(config)
        if (config.integrations.some((each) => each.name === '@astrojs/starlight')) {
          // Starlight indexes the whole built site with Pagefind into the same `pagefind/`, runbook pages
          // included, after the pages are written: a second index there would be overwritten, and the two
          // shared one Pagefind process, which each closes. Its index serves the search box of both.
          if (options.indexSearch === undefined && indexSearch) {
            indexSearch = false
            logger.info("search: Starlight's Pagefind index holds the runbook pages too; runsheet() builds no index of its own")
          }
          // Starlight's pages carry inline scripts and styles that a policy by hashes would block.
          if (options.csp === undefined && csp) {
            csp = false
            logger.info("csp: left to the project beside Starlight, whose pages' inline scripts and styles it would block (set csp: true to have it)")
          }
        }
        const root = fileURLToPath(config.root)
        const dir = isAbsolute(options.dir) ? options.dir : resolve(root, options.dir)
        if (!isFolder(dir)) throw new Error(`runsheet(): no folder at ${dir} (the \`dir\` option)`)
        const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '')
        const at = prefix === '' ? '' : `/${prefix}`
        // Package specifiers, not file paths: Astro then compiles the pages wherever the package is
        // installed, inside the project or in a workspace's node_modules above it.
        injectRoute({pattern: `${at}/[...slug]`, entrypoint: '@runsheet/site/pages/[...slug].astro', prerender: true})
        injectRoute({pattern: `${at}/[...slug]/runbook.json`, entrypoint: '@runsheet/site/pages/runbook.json.ts', prerender: true})
        // The page of a missing address, when the runbooks start at the root (see `notFoundSlug`): Astro's
        // dev server shows the route `/404` for any address the site lacks, and the build writes it as `404.html`.
        if (at === '') injectRoute({pattern: '/404', entrypoint: '@runsheet/site/pages/[...slug].astro', prerender: true})
        // First of the middleware, so that it hands the search index each page as the others left it.
        if (indexSearch && command === 'build') addMiddleware({entrypoint: '@runsheet/site/middleware/search-pages.ts', order: 'pre'})
        const report = options.report ?? 'log'
        // In dev the site loads again after every change: a file whose messages did not change is not
        // reported again, and files are named from the folder the command was run in, to be opened from there.
        const logReport = reportLogger(logger)
        release()
        let first = preloaded
        const site = provideSite(async () => {
          // The preloaded site serves the first load only: after an edit in dev the folder is read again.
          const loaded = (await first) ?? (await loadSite(dir, {...options, base: config.base}))
          first = undefined
          if (typeof report === 'function') report(loaded)
          else if (report === 'log') logReport(reportAsGiven(loaded.report, (path) => shownPath(join(dir, path))))
          return loaded
        })
        release = site.release
        siteKey = site.key
        const configured = config.security?.csp
        if (csp) {
          // Astro leaves the policy out in `astro dev` (Vite injects inline scripts and styles there): only
          // built sites carry it. updateConfig concatenates arrays, which would repeat the project's own
          // directives: a boolean first takes the project's policy out, and the site's, which keeps all of
          // it, takes its place.
          updateConfig({security: {csp: true}})
          updateConfig({security: {csp: siteCsp({search}, typeof configured === 'object' ? configured : undefined)}})
        }
        updateConfig({
          vite: {
            plugins: [woff2Only(), virtualSite({dir, settings: {title: options.title ?? 'Runsheet', search, csp}, site})],
            // Not the runbook folder: the pages read it on the server, and its other files (scripts, configs)
            // are nothing for the dev server to hand out.
            server: {fs: {allow: [root, packageRoot, ...dependencyFolders()]}},
            // The pages' scripts import the parser (run mode's export and record matching), which in dev reaches
            // CommonJS modules (micromark's `debug`) that Vite hands the browser as they are unless they are
            // pre-bundled; a package inside node_modules is not scanned for them, so run mode failed to start.
            optimizeDeps: {include: ['@runsheet/site > @runsheet/parser']}
          }
        })
      },
      'astro:config:done'({config, buildOutput}) {
        base = normaliseBase(config.base)
        // As Astro's build has it, for the requests it renders the pages for.
        origin = config.site ? new URL(config.site).origin : `http://localhost:${config.server.port}`
        // Where Astro writes the prerendered pages: beside the server's files when there is a server.
        outDir = fileURLToPath(buildOutput === 'server' ? config.build.client : config.outDir)
      },
      async 'astro:build:start'({setPrerenderer}) {
        // As `runsheet build` does: a site whose runbooks have errors (two runbooks on one page, broken front
        // matter) is not built, before anything is; the report is printed as the site loads. In dev the
        // pages go on showing, the errors printed. A report handed to a function is the caller's to judge.
        if ((options.report ?? 'log') === 'log') {
          const errors = errorCount((await loadedSite(siteKey)).report)
          if (errors > 0) throw new AstroError(`runsheet(): ${errors} error${errors === 1 ? '' : 's'} in the runbooks, printed above: the site is not built`)
        }
        const keep = options.keepRenderer
        if (keep) setPrerenderer((prerenderer) => capturingPrerenderer(prerenderer, {...keep, dir: join(outDir, '.prerender'), siteKey, origin}))
        if (!indexSearch) return
        const feed = feedSearch({
          key: siteKey,
          base,
          start: (loaded) =>
            typeof options.indexSearch === 'function'
              ? options.indexSearch(outDir, loaded)
              : (ownIndexer = startPageIndexer({outDir, pages: searchPagesOf(loaded.site), pagesPerIndex: options.searchPagesPerIndex}))
        })
        indexerStarted = feed.started
        stopFeeding = feed.stop
      },
      async 'astro:build:done'({logger}) {
        release()
        stopFeeding()
        await indexerStarted
        const indexer = ownIndexer
        ownIndexer = undefined
        if (!indexer) return
        const {pages, parts, errors} = await indexer.finish()
        for (const error of errors) logger.warn(`search index: ${error}`)
        logger.info(`search index: ${pages} pages indexed into pagefind/${parts.length > 1 ? ` in ${parts.length} parts` : ''}`)
      }
    }
  }
  folderOf.set(integration.hooks['astro:config:setup']!, String(options?.dir))
  return integration
}

/**
 * The `dir` option of each runsheet() integration made in this process, to name them in an error; keyed by
 * its setup hook, as Astro's config validation copies the integration objects but not their functions.
 */
const folderOf = new WeakMap<object, string>()

/**
 * One runsheet() per project: the pages read their site through one `virtual:runsheet/site` module and are
 * one injected entrypoint, so a second instance's pages would show the first one's runbooks under its own
 * prefix (and its search index would miss its pages).
 */
function refuseOtherInstances(integrations: readonly AstroIntegration[]): void {
  const ours = integrations.filter((each) => each.name === '@runsheet/site')
  if (ours.length < 2) return
  const folders = ours.map((each) => {
    const folder = folderOf.get(each.hooks['astro:config:setup'] ?? {})
    return folder === undefined ? '(another copy of @runsheet/site)' : `'${folder}'`
  })
  throw new Error(
    `runsheet(): one runsheet() per project, but this one has ${ours.length} (dirs ${folders.join(' and ')}): put the runbooks under one folder, or show the others with runsheetLoader()`
  )
}

/**
 * The pages link to each other as folders (`/guide/`) and the search index reads each page's `index.html`:
 * `build.format: 'file'` or `'preserve'` would write `guide.html`, which no link reaches, and
 * `trailingSlash: 'never'` would answer every such link with 404 in dev.
 */
function refuseUrlsOtherThanFolders(config: Pick<AstroConfig, 'build' | 'trailingSlash'>): void {
  const format = config.build.format
  if (format !== 'directory') throw new Error(`runsheet(): needs build.format 'directory' (Astro's default), not '${format}': its pages link to each other as folders (/guide/)`)
  if (config.trailingSlash === 'never') throw new Error(`runsheet(): needs trailingSlash 'ignore' (Astro's default) or 'always', not 'never': its pages link to each other as folders (/guide/)`)
}

/**
 * Folders the dev server must serve files from besides the project: the packages whose files the pages
 * load (Astro's runtime, the self-hosted font), wherever the package manager put them.
 */
function dependencyFolders(): string[] {
  const require = createRequire(import.meta.url)
  const folders: string[] = []
  for (const name of ['astro', '@fontsource/noto-sans-kr', '@runsheet/parser']) {
    try {
      folders.push(dirname(require.resolve(`${name}/package.json`)))
    } catch {
      // Not resolvable from here: the project resolves it itself.
    }
  }
  return folders
}
