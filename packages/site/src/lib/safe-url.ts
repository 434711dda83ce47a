/** Schemes a rendered link may use. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`…) is refused. */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:', 'ftps:', 'sftp:', 'ssh:', 'irc:', 'ircs:'])

/** Characters browsers strip or ignore before the scheme, which would hide one: controls and whitespace. */
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g

/**
 * The scheme of an absolute URL as a browser would read it (`JaVa\tscript:` → `javascript:`), or null for
 * a relative reference.
 */
export function schemeOf(href: string): string | null {
  const compact = href.replace(invisible, '')
  const match = /^([a-z][a-z\d+.-]*):/i.exec(compact)
  return match ? `${match[1]!.toLowerCase()}:` : null
}

/** Whether an absolute URL is safe to put in `href`: an allowed scheme, and no hidden characters. */
export function isSafeExternalUrl(href: string): boolean {
  const scheme = schemeOf(href)
  if (scheme === null) return href.trim().startsWith('//') && !/[\s<>"]/.test(href.trim())
  return allowedSchemes.has(scheme)
}

/** Whether an image source is safe to load: http(s) only (no `data:` or script URLs). */
export function isSafeImageUrl(url: string): boolean {
  const scheme = schemeOf(url)
  return scheme === 'https:' || scheme === 'http:'
}

/**
 * Whether a setting is an absolute http(s) URL as written (`https://github.com/org/repo/blob/main`): the
 * rule of `--repo-url`, `--site` and the integration's `repoUrl`, one for both. The URL is used as written,
 * with paths appended, so the `//` is required: `http:a.b`, which `new URL` reads as `http://a.b/`, is not
 * one as written.
 */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}
