/**
 * What each page of a build is made of, as a digest. A runbook page: its own model and entry, and what it
 * shows of other runbooks (where its links go, the runbooks that link to it, its editions). A page of the
 * list of runbooks: the runbooks it lists, their editions, and how long the list is. Two builds whose page
 * has the same digest, with the same code and settings (`codeDigest`, `settings`), write the same page: a
 * rebuild leaves it where the previous site has it instead of rendering it again.
 */
import {createHash} from 'node:crypto'
import {resolveLink, type ResolvedLink} from './links.js'
import {homePages, homeSlug, listPage, runbookPages} from './pages.js'
import {referencedBy, translationsOf, type Site, type SiteEntry} from './site.js'
import {listedSummaries} from './summary.js'

/** Page slug → the digest of what it is rendered from. */
export type PageDigests = Record<string, string>

/** The digests of a site's pages: runbook pages (the page and its `runbook.json`) and list pages. */
export interface SiteDigests {
  runbooks: PageDigests
  homes: PageDigests
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The digest of every page of the site, given a digest of the code that renders them and of the build's
 * settings (a change in either changes every page's), and digests that stand for the runbooks' models by
 * path (`LoadedSite.models`): a model without one is serialised and hashed instead.
 */
export function pageDigests(site: Site, shared: string, models: ReadonlyMap<string, string> = new Map()): SiteDigests {
  const known = new Map<SiteEntry, string>()
  const modelOf = (entry: SiteEntry) => {
    let digest = known.get(entry)
    if (digest === undefined) known.set(entry, (digest = models.get(entry.path) ?? sha256(JSON.stringify(entry.runbook))))
    return digest
  }
  const global = sha256(JSON.stringify([shared, site.base, site.root, site.lang, site.langs, site.repoUrl]))
  const shown = (entry: SiteEntry) => [entry.path, entry.url, entry.lang, entry.outline.title]
  const runbooks: PageDigests = {}
  for (const entry of runbookPages(site)) {
    const inputs = [
      global,
      entry.slug,
      entry.lang,
      shown(entry),
      modelOf(entry),
      linksShown(entry, site),
      referencedBy(site, entry).map(shown),
      translationsOf(site, entry).map(shown)
    ]
    runbooks[entry.slug] = sha256(JSON.stringify(inputs))
  }
  const homes: PageDigests = {}
  for (const home of homePages(site)) {
    const cards = listPage(listedSummaries(site, home.lang), home.number).shown.map((summary) => [shown(summary.entry), modelOf(summary.entry), summary.editions.map(shown)])
    const slug = homeSlug(site, home.lang, home.number)
    homes[slug] = sha256(JSON.stringify([global, slug, home.lang, home.number, home.count, site.entries.length, cards]))
  }
  return {runbooks, homes}
}

/**
 * Where the links of a runbook that reach outside it go, as its page shows them: another page (its address,
 * path and language), a file, or unresolved. Not the linked runbooks' models: an edit that leaves the
 * sections a link names where they were leaves the pages linking to it as they were.
 */
function linksShown(entry: SiteEntry, site: Site): unknown[] {
  return entry.outline.links.flatMap((link) => (link.target.kind === 'external' || link.target.kind === 'anchor' ? [] : [resolvedShown(resolveLink(link, entry, site))]))
}

/**
 * What a page shows of a resolved link. The page marks an unresolved link without its reason; the reason
 * stands in for "unresolved", and costs nothing: a link whose reason changes is rendered again, the same.
 */
function resolvedShown(resolved: ResolvedLink): unknown {
  switch (resolved.kind) {
    case 'page':
      return [resolved.kind, resolved.href, resolved.entry.path, resolved.entry.lang]
    case 'file':
      return [resolved.kind, resolved.path, resolved.href]
    case 'unresolved':
      return [resolved.kind, resolved.reason]
    default:
      return [resolved.kind, resolved.href]
  }
}
