import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {resolveLink} from './links.js'
import {siteRoutes} from './pages.js'
import type {Site, SiteEntry} from './site.js'

/**
 * The problems the site must report, as vfile messages with a place, a `source` and a rule id, like the
 * parser's: every link that renders unlinked (missing files, dead anchors, in this runbook or another,
 * refused URL schemes), files the parser could not read, and runbooks whose page would take a home page's
 * URL or another runbook's. One file per runbook that has any, in site order, to print with the parser's
 * `reportOf`. The parser's other lint messages are for `runsheet lint`.
 */
export function siteReport(site: Site, parserMessages: ReadonlyMap<string, readonly VFileMessage[]> = new Map()): VFile[] {
  const files: VFile[] = []
  const routes = siteRoutes(site)
  // Case folded: on macOS and Windows `Deploy/` and `deploy/` are one folder, so one page would be lost.
  const pages = new Map<string, string>()
  for (const entry of site.entries) {
    const file = new VFile({path: entry.path})
    const page = entry.slug.toLowerCase()
    const first = pages.get(page)
    if (first === undefined) pages.set(page, entry.path)
    if (first !== undefined) error(file, `Its page would be \`${entry.url}\`, which is already the page of \`${first}\`: rename one of the two files`)
    const route = routes.get(page)
    if (route === 'language') error(file, `Its page would be \`${entry.url}\`, the home page in another language: rename the file`)
    if (route === 'list') error(file, `Its page would be \`${entry.url}\`, a page of the list of runbooks: rename the file`)
    if (route === 'error') error(file, `Its page would be \`${entry.url}\`, which the site keeps for its error pages: rename the file`)
    for (const message of parserMessages.get(entry.path) ?? []) if (message.fatal) file.messages.push(message)
    unresolvedLinks(file, entry, site)
    if (file.messages.length > 0) files.push(file)
  }
  return files
}

/** Whether any message of the report is an error, which fails a build. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

/** How many messages of the report are errors. */
export function errorCount(files: readonly VFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === true).length, 0)
}

/**
 * The report with each file named as the user gave its runbook (`runbooks/deploy.md` for DIR `runbooks`, or
 * the FILE itself), its messages as they are: the site names runbooks by their path inside the folder.
 */
export function reportAsGiven(files: readonly VFile[], nameOf: (path: string) => string): VFile[] {
  return files.map((file) => {
    const named = new VFile({path: nameOf(file.path)})
    named.messages = file.messages
    return named
  })
}

function error(file: VFile, reason: string): void {
  file.message(reason, {place: {line: 1, column: 1}, ruleId: 'route-conflict', source: 'runsheet'}).fatal = true
}

function unresolvedLinks(file: VFile, entry: SiteEntry, site: Site): void {
  for (const link of entry.outline.links) {
    const resolved = resolveLink(link, entry, site)
    if (resolved.kind !== 'unresolved') continue
    const place = {line: link.position?.start.line ?? 1, column: link.position?.start.column ?? 1}
    file.message(resolved.reason, {place, ruleId: 'unresolved-link', source: 'runsheet'})
  }
}
