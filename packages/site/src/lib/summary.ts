import {dirnameOf, type SectionKind} from '@runsheet/parser'
import type {UiLang} from './i18n.js'
import {translationsOf, type Site, type SiteEntry} from './site.js'

/** What the home page shows of a runbook. */
export interface RunbookSummary {
  entry: SiteEntry
  folder: string
  items: number
  blanks: number
  commands: number
  /** Kinds of its sections, in the order they first appear, `generic` left out. */
  kinds: SectionKind[]
  editions: SiteEntry[]
}

export interface SummaryGroup {
  /** Folder path relative to the runbook folder; '' for the top level. */
  folder: string
  langs: {lang: SiteEntry['outline']['lang']; runbooks: RunbookSummary[]}[]
}

export function summaryOf(site: Site, entry: SiteEntry): RunbookSummary {
  return {entry, folder: dirnameOf(entry.path), ...entry.outline.counts, editions: translationsOf(site, entry)}
}

const langOrder = (lang: string, first: UiLang) => (lang === first ? 0 : lang === 'mixed' ? 2 : 1)

/** A site's summaries, in site order and in each language's listing order. */
interface Listings {
  all: RunbookSummary[]
  byLang: Map<UiLang, RunbookSummary[]>
}

const listings = new WeakMap<Site, Listings>()

/**
 * Every runbook in the order a home page lists them: by folder (top level first), then by language (the
 * page's first), then in site order. Built once per site and language, for all the pages that list them.
 */
export function listedSummaries(site: Site, lang: UiLang): readonly RunbookSummary[] {
  let known = listings.get(site)
  if (!known) {
    known = {all: site.entries.map((entry) => summaryOf(site, entry)), byLang: new Map()}
    listings.set(site, known)
  }
  let listed = known.byLang.get(lang)
  if (!listed) {
    const folders = new Map<string, RunbookSummary[]>()
    for (const summary of known.all) {
      const inFolder = folders.get(summary.folder)
      if (inFolder) inFolder.push(summary)
      else folders.set(summary.folder, [summary])
    }
    listed = []
    for (const folder of [...folders.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) {
      const inFolder = folders.get(folder)!
      const langs = [...new Set(inFolder.map((summary) => summary.entry.outline.lang))].sort((a, b) => langOrder(a, lang) - langOrder(b, lang))
      for (const each of langs) for (const summary of inFolder) if (summary.entry.outline.lang === each) listed.push(summary)
    }
    known.byLang.set(lang, listed)
  }
  return listed
}

/** Listed summaries in groups, by folder and then language, as a home page shows them. */
export function groupSummaries(summaries: readonly RunbookSummary[]): SummaryGroup[] {
  const groups: SummaryGroup[] = []
  for (const summary of summaries) {
    let group = groups.at(-1)
    if (group?.folder !== summary.folder) groups.push((group = {folder: summary.folder, langs: []}))
    let part = group.langs.at(-1)
    if (part?.lang !== summary.entry.outline.lang) group.langs.push((part = {lang: summary.entry.outline.lang, runbooks: []}))
    part.runbooks.push(summary)
  }
  return groups
}
