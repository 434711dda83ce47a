import {dirnameOf, stats, type SectionKind} from '@runsheet/parser'
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
  langs: {lang: SiteEntry['runbook']['lang']; runbooks: RunbookSummary[]}[]
}

export function summaryOf(site: Site, entry: SiteEntry): RunbookSummary {
  const counts = stats(entry.runbook)
  const kinds: SectionKind[] = []
  for (const section of counts.sections) if (section.kind !== 'generic' && !kinds.includes(section.kind)) kinds.push(section.kind)
  return {
    entry,
    folder: dirnameOf(entry.path),
    items: counts.total,
    blanks: counts.blanks,
    commands: counts.commands,
    kinds,
    editions: translationsOf(site, entry)
  }
}

const langOrder = (lang: string, first: UiLang) => (lang === first ? 0 : lang === 'mixed' ? 2 : 1)

/** Every runbook, grouped by folder (top level first) and then by language (the page's first). */
export function groupedSummaries(site: Site, lang: UiLang): SummaryGroup[] {
  const byFolder = new Map<string, RunbookSummary[]>()
  for (const entry of site.entries) {
    const summary = summaryOf(site, entry)
    const list = byFolder.get(summary.folder) ?? []
    list.push(summary)
    byFolder.set(summary.folder, list)
  }
  const folders = [...byFolder.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
  return folders.map((folder) => {
    const byLang = new Map<string, RunbookSummary[]>()
    for (const summary of byFolder.get(folder)!) {
      const key = summary.entry.runbook.lang
      byLang.set(key, [...(byLang.get(key) ?? []), summary])
    }
    const langs = [...byLang.entries()]
      .sort(([a], [b]) => langOrder(a, lang) - langOrder(b, lang))
      .map(([key, runbooks]) => ({lang: key as SiteEntry['runbook']['lang'], runbooks}))
    return {folder, langs}
  })
}
