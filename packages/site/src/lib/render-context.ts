import {headerAnchorsOf, type Item, type Link, type RecordKind, type Runbook, type SectionStats} from '@runsheet/parser'
import {translator, type UiLang} from './i18n.js'
import {resolveLink, type ResolvedLink} from './links.js'
import {recordKeysOf, type RecordKeys} from './record-keys.js'
import {statsOf} from './runbook-stats.js'
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
  /**
   * A short id for an element of a step (`rs:3fa2.7`: the runbook's hash, the step's number), unique in the
   * page even beside other runbooks: the step's own id is written once, on its `<li>`, and what must point
   * at the step's text points at this one instead.
   */
  stepRef: (item: Item) => string
  /** The fingerprint run mode keeps of a step, blank or choice (`data-fp`), by its id. */
  fingerprint: (kind: RecordKind, id: string) => string | undefined
}

/** A runbook's page in the site: its entry, or a site of its own when the site does not hold it. */
export function pageOf(runbook: Runbook, options: {site?: Site | undefined; lang?: UiLang | undefined} = {}): {site: Site; entry: SiteEntry; lang: UiLang} {
  const site = options.site ?? createSite([runbook])
  const entry =
    (runbook.source.path !== null ? entryOf(site, runbook.source.path) : undefined) ??
    site.entries.find((each) => each.runbook === runbook) ??
    createSite([runbook], {base: site.base}).entries[0]!
  return {site, entry, lang: options.lang ?? entry.lang}
}

/**
 * The context of one runbook page. Without a site, the runbook is a site of its own: its links to other
 * runbooks then show their paths instead of going to pages.
 */
export function renderContext(runbook: Runbook, options: {site?: Site | undefined; lang?: UiLang | undefined} = {}): RenderContext {
  const {site, entry, lang} = pageOf(runbook, options)
  const {ids, steps} = idsOf(runbook)
  // Only pages in run mode ask: computed on the first ask.
  let keys: RecordKeys | undefined
  return {
    lang,
    t: translator(lang),
    runbook,
    entry,
    site,
    resolve: (link) => resolveLink(link, entry, site),
    ids,
    sections: statsOf(runbook).byId,
    stepRef: (item) => `rs:${runbook.source.sha256.slice(0, 4)}.${steps.get(item) ?? item.id}`,
    fingerprint: (kind, id) => (keys ??= recordKeysOf(runbook))[kind].get(id)
  }
}

/** The model's element ids, and each step's number in the runbook. */
function idsOf(runbook: Runbook): {ids: Set<string>; steps: Map<Item, number>} {
  const ids = new Set<string>()
  const steps = new Map<Item, number>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const each of value) visit(each)
    } else if (value && typeof value === 'object') {
      const node = value as {type?: string; id?: unknown}
      if (typeof node.id === 'string' && node.type !== undefined) ids.add(node.id)
      if (node.type === 'item') steps.set(value as Item, steps.size + 1)
      for (const [key, child] of Object.entries(value)) if (key !== 'position') visit(child)
    }
  }
  visit(runbook.children)
  visit(runbook.meta)
  visit(runbook.footer)
  const header = headerAnchorsOf(runbook)
  for (const id of [header.title, header.subtitle]) if (id) ids.add(id)
  return {ids, steps}
}
