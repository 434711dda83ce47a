import {frontEndNames} from '@runsheet/parser'
import * as z from 'zod'
import type {CollectOptions} from '../lib/collect.js'
import {uiLangs} from '../lib/i18n.js'
import type {LoadedSite} from '../lib/load-site.js'
import type {PageIndexer} from '../lib/page-indexer.js'
import {isAbsoluteHttpUrl} from '../lib/safe-url.js'
import type {CaptureOptions} from './prerender-capture.js'

/** A value as an error message shows it: `'fr'`, `0`, `true`. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'function') return 'a function'
  return JSON.stringify(value) ?? String(value)
}

/** An error saying what the option takes and what it was given. */
const takes = (what: string) => ({error: (issue: {input?: unknown}) => (issue.input === undefined ? `is required: ${what}` : `takes ${what}, not ${shown(issue.input)}`)})

const isFunction = (value: unknown) => typeof value === 'function'
const isString = (value: unknown) => typeof value === 'string'

/** A path such as `runbooks` or `docs/runbooks`: no spaces, query, fragment or scheme, no `..`. */
const isPathPrefix = (value: string) => !/[\s?#\\]/.test(value) && !/^[a-z][a-z\d+.-]*:/i.test(value) && !value.split('/').some((part) => part === '..' || part === '.')

/**
 * The options of `runsheet()`, checked before anything is built. The rules are the CLI's (`cli/args.ts`):
 * the interface languages, the front end names and an absolute http(s) URL for the repository.
 */
export const runsheetOptionsSchema = z.strictObject({
  /** The folder of runbooks: every `*.md` under it, recursively. Relative to the Astro project root. */
  dir: z.string(takes('the folder of runbooks, relative to the project root')).min(1, takes('the folder of runbooks, relative to the project root')),
  /** A path under the base where runbook pages live: `runbooks` → `/docs/runbooks/guide/`. Default none. */
  prefix: z.string(takes("a path such as 'runbooks'")).refine(isPathPrefix, takes("a path such as 'runbooks'")).optional(),
  /** The language of the home page at the root; the others get `/<lang>/`. Default: the most common (English on a tie). */
  lang: z.enum(uiLangs, takes(uiLangs.join(' or '))).optional(),
  /**
   * Where the repository's files can be browsed, for links to non-runbook files:
   * `https://github.com/org/repo/blob/main/runbooks`. The file's path is appended.
   */
  repoUrl: z.string(takes('an absolute http(s) URL')).refine(isAbsoluteHttpUrl, takes('an absolute http(s) URL')).optional(),
  /** The site's name in the header and the home page. Default `Runsheet`. */
  title: z.string(takes('a string')).optional(),
  /** Build a Pagefind index of the pages, as they are rendered, and show a search box. Default true. */
  search: z.boolean(takes('true or false')).optional(),
  /**
   * Give every page of the project a Content-Security-Policy (Astro's `security.csp`, written into a
   * `<meta>`): scripts and styles the site's own only, by hash, no inline script. Default true; `false`
   * leaves `security.csp` to the project. A policy the project configured itself is kept, with what the
   * Runsheet pages need added.
   */
  csp: z.boolean(takes('true or false')).optional(),
  /** The most pages in one search index: a larger site gets several, merged in the browser. Default 2 000. */
  searchPagesPerIndex: z.number(takes('a whole number of at least 1')).int(takes('a whole number of at least 1')).min(1, takes('a whole number of at least 1')).optional(),
  /**
   * What to do with unresolved links and unreadable files: log them as warnings (default), hand them to a
   * function, or say nothing (the `runsheet` CLI reports them itself).
   */
  report: z.union([z.enum(['log', 'silent']), z.custom<(loaded: LoadedSite) => void>(isFunction)], takes("'log', 'silent' or a function")).optional(),
  /**
   * What reads the markdown (default `auto`: satteri, which Astro installs, else remark). Every front end
   * gives the same model; satteri reads a site's runbooks about ten times faster.
   */
  frontEnd: z.enum(frontEndNames, takes(frontEndNames.join(', '))).optional(),
  /** Extra parse options (keywords, a forced language). `path`, `root` and `exists` are set here. */
  parse: z.custom<CollectOptions['parse']>((value) => typeof value === 'object' && value !== null, takes('parse options (an object)')).optional(),
  /** Absolute folders under the runbook folder that hold no runbooks, such as the site's own output. */
  exclude: z.custom<readonly string[]>((value) => Array.isArray(value) && value.every(isString), takes('a list of folders')).optional(),
  /** A folder to keep parsed models in between builds (`node_modules/.cache/runsheet/…`). Default none. */
  cache: z.string(takes('a folder')).optional(),
  /** Parse in worker threads when remark reads and at least this many runbooks need parsing (default 200). */
  workersFrom: z.union([z.number().int().min(0), z.literal(Number.POSITIVE_INFINITY)], takes('a whole number from 0, or Infinity')).optional(),
  /** The folder a runbook's links may reach (default: the runbook folder). */
  linksWithin: z.string(takes('a folder')).optional(),
  /**
   * Whether the integration indexes the pages itself (default: when `search`), or the caller's index to hand
   * them to, started for the build's output folder once the site is loaded: `runsheet build` finishes it
   * itself, once it has added the pages it reused from the previous build.
   *
   * @internal
   */
  indexSearch: z.union([z.boolean(), z.custom<(outDir: string, loaded: LoadedSite) => PageIndexer>(isFunction)], takes('true, false or a function')).optional(),
  /**
   * Takes the page code Astro bundles, once it is loaded, for a later build with the same code to render
   * pages with it without bundling (`runsheet build`'s rebuilds).
   *
   * @internal
   */
  keepRenderer: z
    .custom<Pick<CaptureOptions, 'keep' | 'notKept'>>((value) => typeof value === 'object' && value !== null && isFunction((value as {keep?: unknown}).keep), takes('{keep, notKept}'))
    .optional()
}, {error: (issue) => `must be an object such as {dir: 'runbooks'}, not ${shown(issue.input)}`})

/** The options of `runsheet()`. */
export type RunsheetOptions = z.input<typeof runsheetOptionsSchema>

/**
 * What is wrong with the options, one line naming each bad option and what it takes, or null when nothing
 * is: `lang takes ko or en, not 'fr'; unknown option 'lnag'`.
 */
export function optionProblemsOf(options: unknown): string | null {
  const result = runsheetOptionsSchema.safeParse(options)
  if (result.success) return null
  return result.error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(shown).join(', ')}`
      const name = issue.path.join('.')
      return `${name === '' ? 'the options' : name} ${issue.message}`
    })
    .join('; ')
}
