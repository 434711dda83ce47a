import type {LinkTarget} from '../schema/inline.js'
import type {Context} from './context.js'
import {dirname, isMarkdownPath, joinPath, languageOfFileName} from './paths.js'

const scheme = /^[a-z][a-z\d+.-]*:/i

/** What a link's `href` points at, resolved against the root folder when the options give one. */
export function linkTargetOf(href: string, context: Context): LinkTarget {
  const trimmed = href.trim()
  if (trimmed.startsWith('#')) return {kind: 'anchor', anchor: decode(trimmed.slice(1))}
  if (scheme.test(trimmed) || trimmed.startsWith('//')) return {kind: 'external'}

  const hash = trimmed.indexOf('#')
  const withoutHash = hash === -1 ? trimmed : trimmed.slice(0, hash)
  const query = withoutHash.indexOf('?')
  const path = decode(query === -1 ? withoutHash : withoutHash.slice(0, query))
  const target: LinkTarget = {kind: isMarkdownPath(path) ? 'runbook' : 'file', path}
  if (hash !== -1) target.anchor = decode(trimmed.slice(hash + 1))
  const lang = target.kind === 'runbook' ? languageOfFileName(path) : undefined
  if (lang) target.lang = lang

  const {root, exists} = context.options
  if (root !== undefined) {
    const from = context.options.path ? dirname(context.options.path) : ''
    // `/x` in a repository means the root of the repository: the root folder here.
    target.resolved = path.startsWith('/') ? joinPath(path.slice(1)) : joinPath(from, path)
    if (exists) target.exists = exists(target.resolved)
  }

  return target
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
