import {walk} from '@runsheet/parser'
import type {VFileMessage} from 'vfile-message'
import {resolveLink} from './links.js'
import type {Site} from './site.js'

/** A problem found while building the site, placed in a runbook file. */
export interface SiteMessage {
  /** The runbook's path relative to the runbook folder. */
  path: string
  line: number
  column: number
  severity: 'error' | 'warning'
  reason: string
  /** `runsheet:unresolved-link` */
  rule: string
}

/**
 * The problems the site must report: every link that renders unlinked (missing files, dead anchors, in this
 * runbook or another, refused URL schemes), files the parser could not read, and runbooks whose page would
 * take a home page's URL or another runbook's. The parser's other lint messages are for `runsheet lint`.
 */
export function siteMessages(site: Site, parserMessages: ReadonlyMap<string, readonly VFileMessage[]> = new Map()): SiteMessage[] {
  const messages: SiteMessage[] = []
  const homes = new Set(site.langs.filter((lang) => lang !== site.lang))
  // Case folded: on macOS and Windows `Deploy/` and `deploy/` are one folder, so one page would be lost.
  const pages = new Map<string, string>()
  for (const entry of site.entries) {
    const page = entry.slug.toLowerCase()
    const first = pages.get(page)
    if (first === undefined) pages.set(page, entry.path)
    if (first !== undefined) {
      messages.push({
        path: entry.path,
        line: 1,
        column: 1,
        severity: 'error',
        reason: `Its page would be \`${entry.url}\`, which is already the page of \`${first}\`: rename one of the two files`,
        rule: 'runsheet:route-conflict'
      })
    }
    if (homes.has(page as never)) {
      messages.push({
        path: entry.path,
        line: 1,
        column: 1,
        severity: 'error',
        reason: `Its page would be \`${entry.url}\`, the home page in another language: rename the file`,
        rule: 'runsheet:route-conflict'
      })
    }
    for (const message of parserMessages.get(entry.path) ?? []) {
      if (message.fatal) messages.push(fromVFile(entry.path, message, 'error'))
    }
    walk(entry.runbook, (node) => {
      if (node.type !== 'link') return
      const resolved = resolveLink(node, entry, site)
      if (resolved.kind !== 'unresolved') return
      messages.push({
        path: entry.path,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        severity: 'warning',
        reason: resolved.reason,
        rule: 'runsheet:unresolved-link'
      })
    })
  }
  return messages
}

function fromVFile(path: string, message: VFileMessage, severity: SiteMessage['severity']): SiteMessage {
  return {
    path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity,
    reason: message.reason,
    rule: message.ruleId ? `${message.source ?? 'runsheet'}:${message.ruleId}` : 'runsheet'
  }
}

/** `file:line:col  warning  message  runsheet:unresolved-link`, like `runsheet lint`; `prefix` leads the path. */
export function formatMessage(message: SiteMessage, prefix = ''): string {
  const file = prefix === '' ? message.path : `${prefix.replace(/\/+$/, '')}/${message.path}`
  return `${file}:${message.line}:${message.column}  ${message.severity}  ${message.reason}  ${message.rule}`
}
