import {anchorsOf, anchorTargetOf, dirnameOf, joinPath, type Anchors, type Runbook} from '@runsheet/parser'
import type {LinkRef} from './outline.js'
import {isSafeExternalUrl, schemeOf} from './safe-url.js'
import {entryOf, type Site, type SiteEntry} from './site.js'

/** Where a link of a runbook goes in the site. */
export type ResolvedLink =
  /** Another runbook page of the site, with the section or step when the link names one. */
  | {kind: 'page'; href: string; entry: SiteEntry}
  /** A section or step of the same page. */
  | {kind: 'anchor'; href: string}
  | {kind: 'external'; href: string}
  /** A file of the repository: its path, linked when the site knows where the repository is browsed. */
  | {kind: 'file'; path: string; href: string | null}
  /** Nowhere: rendered as marked text, never as a link. */
  | {kind: 'unresolved'; reason: string}

const anchorsByRunbook = new WeakMap<Runbook, Anchors>()

/**
 * The element id a fragment lands on: section ids, GitHub heading anchors (`#-롤백-절차`), step, blank and
 * choice ids, matched exactly, then case-insensitively (GitHub anchors are lower case). The same anchors
 * as the linter's (`anchorsOf`), so a link it lets through is never dead here.
 */
export function elementIdOf(runbook: Runbook, anchor: string): string | undefined {
  let anchors = anchorsByRunbook.get(runbook)
  if (!anchors) anchorsByRunbook.set(runbook, (anchors = anchorsOf(runbook)))
  return anchorTargetOf(anchors, anchor)
}

/** Where `link`, written in `from`, goes. Pure: the same for the page and for the build report. */
export function resolveLink(link: LinkRef, from: SiteEntry, site: Site): ResolvedLink {
  const {target} = link
  switch (target.kind) {
    case 'external': {
      if (isSafeExternalUrl(link.href)) return {kind: 'external', href: link.href.trim()}
      return {kind: 'unresolved', reason: `Not linked: the \`${schemeOf(link.href) ?? link.href}\` scheme is not allowed`}
    }
    case 'anchor': {
      const id = target.anchor === undefined || target.anchor === '' ? '' : anchorTargetOf(from.outline.anchors, target.anchor)
      if (id === undefined) return {kind: 'unresolved', reason: `No section or step has the anchor \`#${target.anchor}\``}
      return {kind: 'anchor', href: id === '' ? '#' : `#${encodeURIComponent(id)}`}
    }
    case 'runbook':
    case 'file': {
      const path = target.resolved ?? joinPath(dirnameOf(from.path), target.path ?? '')
      if (target.exists === false) return {kind: 'unresolved', reason: `Cannot find \`${path}\` linked as \`${link.href}\``}
      const entry = target.kind === 'runbook' ? entryOf(site, path) : undefined
      if (entry) return pageLink(entry, target.anchor, link.href)
      if (path.startsWith('..')) return {kind: 'unresolved', reason: `\`${link.href}\` points outside the runbook folder`}
      return {kind: 'file', path, href: site.repoUrl ? `${site.repoUrl}/${path.split('/').map(encodeURIComponent).join('/')}` : null}
    }
  }
}

function pageLink(entry: SiteEntry, anchor: string | undefined, href: string): ResolvedLink {
  if (anchor === undefined || anchor === '') return {kind: 'page', href: entry.url, entry}
  const id = anchorTargetOf(entry.outline.anchors, anchor)
  if (id === undefined) {
    return {kind: 'unresolved', reason: `No section or step of \`${entry.path}\` has the anchor \`#${anchor}\` linked as \`${href}\``}
  }
  return {kind: 'page', href: `${entry.url}#${encodeURIComponent(id)}`, entry}
}
