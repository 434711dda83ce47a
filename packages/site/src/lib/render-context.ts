import {stats, type Link, type Runbook, type SectionStats} from '@runsheet/parser'
import {translator, type UiLang} from './i18n.js'
import {resolveLink, type ResolvedLink} from './links.js'
import {createSite, entryOf, type Site, type SiteEntry} from './site.js'

/** What every component of a runbook page needs: the language, its strings and where links go. */
export interface RenderContext {
  lang: UiLang
  t: ReturnType<typeof translator>
  runbook: Runbook
  entry: SiteEntry
  site: Site
  resolve: (link: Link) => ResolvedLink
  /** Element ids the page already uses, so extra anchors never repeat one. */
  ids: ReadonlySet<string>
  /** Steps done and total per section id (subsections included), as the source has them. */
  sections: ReadonlyMap<string, SectionStats>
}

/**
 * The context of one runbook page. Without a site, the runbook is a site of its own: its links to other
 * runbooks then show their paths instead of going to pages.
 */
export function renderContext(runbook: Runbook, options: {site?: Site; lang?: UiLang} = {}): RenderContext {
  const site = options.site ?? createSite([runbook])
  const entry = (runbook.source.path !== null ? entryOf(site, runbook.source.path) : undefined) ??
    site.entries.find((each) => each.runbook === runbook) ??
    createSite([runbook], {base: site.base}).entries[0]!
  const lang = options.lang ?? entry.lang
  return {
    lang,
    t: translator(lang),
    runbook,
    entry,
    site,
    resolve: (link) => resolveLink(link, entry, site),
    ids: modelIds(runbook),
    sections: new Map(stats(runbook).sections.map((section) => [section.id, section]))
  }
}

function modelIds(runbook: Runbook): Set<string> {
  const ids = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const each of value) visit(each)
    } else if (value && typeof value === 'object') {
      const node = value as {type?: string; id?: unknown}
      if (typeof node.id === 'string' && node.type !== undefined) ids.add(node.id)
      for (const [key, child] of Object.entries(value)) if (key !== 'position') visit(child)
    }
  }
  visit(runbook.children)
  visit(runbook.meta)
  visit(runbook.footer)
  return ids
}
