/**
 * The site's URL helpers, shared by the build (Node) and the pages (Vite): no `node:path` here. Paths and
 * which files are runbooks are the parser's (`joinPath`, `dirnameOf`, `isMarkdownPath`).
 */
import {withoutMarkdownExtension} from '@runsheet/parser'

/**
 * `docs/api/guide.ko.md` → `docs/api/guide.ko`: the page route of a runbook, from its path. A segment that
 * would be empty or only dots (`..md`, `.md`) gets a leading `_`, so that every page stays inside the site:
 * `.` and `..` would write a page over its parent folder's, or above the output folder. `%`, `#`, `?` and
 * `\` become `-`: in a URL they would start an escape, a fragment or a query, or turn into a `/`, so the
 * page's folder and its link would not meet.
 */
export function slugOf(path: string): string {
  return withoutMarkdownExtension(path)
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => segment.replace(/[%#?\\]/g, '-'))
    .map((segment) => (/^\.*$/.test(segment) ? `_${segment}` : segment))
    .join('/')
}

/** `/docs/` style: one leading and one trailing slash (`/` for the root). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

/** The URL of a page under a base: each path segment percent-encoded, ending in `/`. */
export function pageUrl(base: string, slug: string): string {
  const encoded = slug
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment))
    .join('/')
  return encoded === '' ? base : `${base}${encoded}/`
}
