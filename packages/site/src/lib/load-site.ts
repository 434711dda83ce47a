import type {VFile} from 'vfile'
import {collectRunbooks, type CollectOptions} from './collect.js'
import {siteReport} from './report.js'
import {siteOf, type Site, type SiteOptions} from './site.js'

export interface LoadedSite {
  site: Site
  /** Unresolved links, unreadable files and page conflicts: one vfile per runbook that has any, in site order. */
  report: VFile[]
  /** Runbook path → a digest that stands for its model (`LoadedRunbook.digest`), where it has one. */
  models: ReadonlyMap<string, string>
  /**
   * Pages the build does not render, since it reuses them from the previous site: runbook pages and pages
   * of the list of runbooks, by slug. `runsheet build` sets it for a rebuild; the pages render every other one.
   */
  reuse?: Reuse
}

/** The pages of a rebuild that are reused from the previous site, where they stay, by slug. */
export interface Reuse {
  runbooks: ReadonlySet<string>
  homes: ReadonlySet<string>
}

/** Reads every runbook under `dir` and builds the site from them. */
export async function loadSite(dir: string, options: SiteOptions & CollectOptions = {}): Promise<LoadedSite> {
  const loaded = await collectRunbooks(dir, options)
  const site = siteOf(
    loaded.map((each) => ({path: each.path, outline: each.outline, model: () => each.runbook})),
    options
  )
  const byPath = new Map(loaded.map((each) => [each.path, each.messages]))
  const models = new Map(loaded.flatMap((each) => (each.digest ? [[each.path, each.digest] as const] : [])))
  return {site, report: siteReport(site, byPath), models}
}
