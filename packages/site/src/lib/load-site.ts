import type {VFile} from 'vfile'
import {collectRunbooks, type CollectOptions} from './collect.js'
import {siteReport} from './report.js'
import {createSite, type Site, type SiteOptions} from './site.js'

export interface LoadedSite {
  site: Site
  /** Unresolved links, unreadable files and page conflicts: one vfile per runbook that has any, in site order. */
  report: VFile[]
  /**
   * Runbook pages (by slug) the build does not render, since it copies them from the previous site:
   * `runsheet build` sets it for a rebuild. The pages render every other one.
   */
  reuse?: ReadonlySet<string>
}

/** Reads every runbook under `dir` and builds the site from them. */
export async function loadSite(dir: string, options: SiteOptions & CollectOptions = {}): Promise<LoadedSite> {
  const loaded = await collectRunbooks(dir, options)
  const site = createSite(
    loaded.map((each) => each.runbook),
    options
  )
  const byPath = new Map(loaded.map((each) => [each.path, each.messages]))
  return {site, report: siteReport(site, byPath)}
}
