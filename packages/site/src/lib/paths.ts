/**
 * The site's URL helpers, shared by the build (Node) and the pages (Vite): no `node:path` here. Paths and
 * which files are runbooks are the parser's (`joinPath`, `dirnameOf`, `isMarkdownPath`).
 */
import {withoutMarkdownExtension} from '@runsheet/parser'

/**
 * `docs/api/guide.ko.md` → `docs/api/guide.ko`: the page route of a runbook, from its path. A segment that
 * would be empty or only dots (`..md`, `.md`) gets a leading `_`, so that every page stays inside the site:
 * `.` and `..` would write a page over its parent folder's, or above the output folder.
 */
export function slugOf(path: string): string {
  return withoutMarkdownExtension(path)
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => (/^\.*$/.test(segment) ? `_${segment}` : segment))
    .join('/')
}

export function dirnameOf(path: string): string {
  const index = path.lastIndexOf('/')
  return index === -1 ? '' : path.slice(0, index)
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Joins and normalises POSIX segments; `..` above the start is kept, so callers can tell it escaped. */
export function joinPaths(...parts: string[]): string {
  const out: string[] = []
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else out.push(segment)
    }
  }
  return out.join('/')
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
