import {dirnameOf, joinPath, languageOfFileName, type Runbook} from '@runsheet/parser'
import {outlineOf, type RunbookOutline} from './outline.js'
import {normaliseBase, pageUrl, slugOf} from './paths.js'
import type {UiLang} from './i18n.js'
import {uiLangs} from './i18n.js'

/** One runbook page of the site. */
export interface SiteEntry {
  /** Source path relative to the runbook folder (POSIX): the runbook's identity in the site. */
  path: string
  /** The page route under the site root: the path without its extension. */
  slug: string
  /** The page URL, base included, ending in `/`. */
  url: string
  /** The language of the page's interface and `<html lang>`. */
  lang: UiLang
  /** What other pages show of the runbook, and where its links go. */
  outline: RunbookOutline
  /** The model: read when first used (a rebuild reads only the models of the pages it renders). */
  readonly runbook: Runbook
  /**
   * The source as the page and its printout name it, when not `path`: `runsheet pdf seed.txt` builds the
   * file from a copy named `seed.md`, and the paper must name the file that was given.
   */
  shownPath?: string
}

export interface SiteOptions {
  /** The base path the site is served under (Astro `base`): `/docs/`. Default `/`. */
  base?: string
  /** A path under the base where runbook pages live: `runbooks` → `/docs/runbooks/guide/`. Default none. */
  prefix?: string
  /** The language of the home page at the root; the others get `/<lang>/`. Default: the most common (English on a tie). */
  lang?: UiLang
  /**
   * Where the repository's files can be browsed, for links to non-runbook files:
   * `https://github.com/org/repo/blob/main/runbooks`. The file's path is appended.
   */
  repoUrl?: string
}

/** Everything a page needs to know about the rest of the site: plain data, so it can cross module bounds. */
export interface Site {
  /** Normalised base: `/` or `/docs/`. */
  base: string
  /** Base plus prefix: where the home page and runbook pages start. */
  root: string
  /** The default interface language (the home page at `root`). */
  lang: UiLang
  /** The interface languages a home page exists in, `lang` first. */
  langs: UiLang[]
  repoUrl: string | null
  entries: SiteEntry[]
  /** Runbook path → paths of the runbooks that link to it, in site order. */
  backlinks: Record<string, string[]>
}

/**
 * A runbook as a site is made from: its path, its outline, and its model, which may be read only when
 * first needed (`collectRunbooks` reads a cached model so).
 */
export interface SiteRunbook {
  path: string
  outline: RunbookOutline
  model: () => Runbook
}

/** Builds the site from runbooks: their page URLs, languages and who links to whom. */
export function createSite(runbooks: readonly Runbook[], options: SiteOptions = {}): Site {
  return siteOf(
    runbooks.map((runbook) => ({path: pathOf(runbook), outline: outlineOf(runbook), model: () => runbook})),
    options
  )
}

/** Builds the site from runbooks whose models are read when first used. */
export function siteOf(runbooks: readonly SiteRunbook[], options: SiteOptions = {}): Site {
  const base = normaliseBase(options.base)
  const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '')
  const root = prefix === '' ? base : pageUrl(base, prefix)
  const sorted = [...runbooks].sort((a, b) => compare(a.path, b.path))
  const lang = options.lang ?? majorityLang(sorted)
  const entries: SiteEntry[] = sorted.map(({path, outline, model}) => {
    const slug = slugOf(path)
    let runbook: Runbook | undefined
    return {
      path,
      slug,
      url: pageUrl(root, slug),
      lang: uiLangOf(outline.lang, path, lang),
      outline,
      get runbook() {
        return (runbook ??= model())
      }
    }
  })
  const langs = [lang, ...uiLangs.filter((each) => each !== lang)]
  const repoUrl = options.repoUrl ? options.repoUrl.replace(/\/+$/, '') : null
  return {base, root, lang, langs, repoUrl, entries, backlinks: backlinksOf(entries)}
}

/** The runbook's path in the site: its source path, or its title when it was not read from a file. */
function pathOf(runbook: Runbook): string {
  return runbook.source.path ?? `${runbook.title || runbook.source.sha256.slice(0, 12)}.md`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The interface language of a runbook page: its own when Korean or English, else the file name's, else the site's. */
export function uiLangOf(lang: Runbook['lang'], path: string, fallback: UiLang): UiLang {
  if (lang === 'ko' || lang === 'en') return lang
  const named = languageOfFileName(path)
  return named === 'ko' || named === 'en' ? named : fallback
}

function majorityLang(runbooks: readonly SiteRunbook[]): UiLang {
  let ko = 0
  let en = 0
  for (const {outline} of runbooks) {
    if (outline.lang === 'ko') ko++
    else if (outline.lang === 'en') en++
  }
  return ko > en ? 'ko' : 'en'
}

function backlinksOf(entries: readonly SiteEntry[]): Record<string, string[]> {
  const known = new Set(entries.map((entry) => entry.path))
  const backlinks: Record<string, string[]> = {}
  for (const entry of entries) {
    const targets = new Set<string>()
    for (const {target: link} of entry.outline.links) {
      if (link.kind !== 'runbook') continue
      const target = link.resolved ?? joinPath(dirnameOf(entry.path), link.path ?? '')
      if (target !== entry.path && known.has(target)) targets.add(target)
    }
    for (const target of targets) (backlinks[target] ??= []).push(entry.path)
  }
  return backlinks
}

/** What the pages look up in a site, built once per site on first use. */
interface SiteIndex {
  byPath: Map<string, SiteEntry>
  /** Runbook path → its other-language editions. */
  translations: Map<string, SiteEntry[]>
}

const indexes = new WeakMap<Site, SiteIndex>()

function indexOf(site: Site): SiteIndex {
  let index = indexes.get(site)
  if (!index) {
    const byPath = new Map(site.entries.map((entry) => [entry.path, entry]))
    index = {byPath, translations: translationsIn(site.entries, byPath)}
    indexes.set(site, index)
  }
  return index
}

/** The entry of a runbook path, or undefined when the site does not hold it. */
export function entryOf(site: Site, path: string): SiteEntry | undefined {
  return indexOf(site).byPath.get(path)
}

/** The other-language editions of a runbook that the site holds, with their entries. */
export function translationsOf(site: Site, entry: SiteEntry): SiteEntry[] {
  return [...(indexOf(site).translations.get(entry.path) ?? [])]
}

/**
 * Every runbook's editions in one pass over the site: the ones it declares first, in its order, then the
 * ones that declare it, in site order, since pairs declared on one side only still show on both.
 */
function translationsIn(entries: readonly SiteEntry[], byPath: ReadonlyMap<string, SiteEntry>): Map<string, SiteEntry[]> {
  const declared = new Map<SiteEntry, string[]>()
  const declaredBy = new Map<string, SiteEntry[]>()
  for (const entry of entries) {
    const targets = entry.outline.translations.map((path) => joinPath(dirnameOf(entry.path), path))
    declared.set(entry, targets)
    for (const target of new Set(targets)) {
      const list = declaredBy.get(target) ?? []
      list.push(entry)
      declaredBy.set(target, list)
    }
  }
  const translations = new Map<string, SiteEntry[]>()
  for (const entry of entries) {
    const found = new Set<SiteEntry>()
    for (const target of declared.get(entry)!) {
      const other = byPath.get(target)
      if (other && other !== entry) found.add(other)
    }
    for (const other of declaredBy.get(entry.path) ?? []) if (other !== entry) found.add(other)
    if (found.size > 0) translations.set(entry.path, [...found])
  }
  return translations
}

/** The runbooks that link to this one. */
export function referencedBy(site: Site, entry: SiteEntry): SiteEntry[] {
  return (site.backlinks[entry.path] ?? []).flatMap((path) => entryOf(site, path) ?? [])
}

/** The URL of the home page in a language. */
export function homeUrl(site: Site, lang: UiLang): string {
  return lang === site.lang ? site.root : pageUrl(site.root, lang)
}
