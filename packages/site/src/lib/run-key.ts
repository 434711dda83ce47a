import type {Site, SiteEntry} from './site.js'

/**
 * Where run mode keeps a runbook's run in the browser (localStorage, the page's origin): by the site's base
 * and the runbook's path, so that two sites on one origin, or two editions of one runbook, keep runs apart.
 */
export function runKeyOf(site: Pick<Site, 'base'>, entry: Pick<SiteEntry, 'path'>): string {
  return `runsheet:run:${site.base}${entry.path}`
}
