/**
 * What each runbook page of a build is made of, as a digest: the page's own model and entry, and the other
 * runbooks' data it shows (the runbooks it links to, those that link to it, its editions). Two builds whose
 * page has the same digest, with the same code and settings (`codeDigest`, `settings`), write the same
 * page: a rebuild copies it from the previous site instead of rendering it again.
 */
import {createHash} from 'node:crypto'
import {dirnameOf, joinPath, walk} from '@runsheet/parser'
import {runbookPages} from './pages.js'
import {entryOf, referencedBy, translationsOf, type Site, type SiteEntry} from './site.js'

/** Runbook page slug → the digest of what it is rendered from. */
export type PageDigests = Record<string, string>

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The digest of every runbook page of the site (its page and its `runbook.json`), given a digest of the code
 * that renders them and of the build's settings: a change in either changes every page's.
 */
export function pageDigests(site: Site, shared: string): PageDigests {
  const models = new Map<SiteEntry, string>()
  const modelOf = (entry: SiteEntry) => {
    let digest = models.get(entry)
    if (digest === undefined) models.set(entry, (digest = sha256(JSON.stringify(entry.runbook))))
    return digest
  }
  const global = sha256(JSON.stringify([shared, site.base, site.root, site.lang, site.langs, site.repoUrl]))
  const shown = (entry: SiteEntry) => [entry.path, entry.url, entry.lang, entry.runbook.title]
  const digests: PageDigests = {}
  for (const entry of runbookPages(site)) {
    const linked = [...linkedPaths(entry)].sort().map((path) => {
      const target = entryOf(site, path)
      // Its anchors decide a link's fragment: the whole model stands for them.
      return target ? [...shown(target), modelOf(target)] : [path, null]
    })
    const inputs = [
      global,
      entry.slug,
      entry.lang,
      shown(entry),
      modelOf(entry),
      linked,
      referencedBy(site, entry).map(shown),
      translationsOf(site, entry).map(shown)
    ]
    digests[entry.slug] = sha256(JSON.stringify(inputs))
  }
  return digests
}

/** The site paths of the runbooks a runbook links to, resolved as its page resolves them. */
function linkedPaths(entry: SiteEntry): Set<string> {
  const paths = new Set<string>()
  walk(entry.runbook, (node) => {
    if (node.type === 'link' && node.target.kind === 'runbook') {
      paths.add(node.target.resolved ?? joinPath(dirnameOf(entry.path), node.target.path ?? ''))
    }
  })
  return paths
}
