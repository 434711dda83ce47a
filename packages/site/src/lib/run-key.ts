import type {Site, SiteEntry} from './site.js'

/**
 * Where run mode keeps a runbook's run in the browser (localStorage, the page's origin): by where the site's
 * runbooks start (its base and prefix) and the runbook's path, so that two sites on one origin (a project's
 * integration at `/site/` and its own pages of another folder at `/runbooks/`), or two editions of one
 * runbook, keep their runs apart. A site at the root of its base keeps the key it always had.
 */
export function runKeyOf(site: Pick<Site, 'root'>, entry: Pick<SiteEntry, 'path'>): string {
  return `runsheet:run:${site.root}${entry.path}`
}
