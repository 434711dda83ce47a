/**
 * `<page>/runbook.json`: a runbook's model as run mode's Markdown export needs it, beside its page. The
 * page itself carries none of it: run mode reads the page, and fetches this only to export.
 */
import type {APIRoute} from 'astro'
import {key} from 'virtual:runsheet/site'
import {clientModel} from '../lib/client-model.js'
import {renderedRunbookPages} from '../lib/pages.js'
import type {SiteEntry} from '../lib/site.js'
import {loadedSite} from '../lib/site-store.js'

export async function getStaticPaths() {
  const {site, reuse} = await loadedSite(key)
  return renderedRunbookPages(site, reuse?.runbooks).map((entry) => ({params: {slug: entry.slug}, props: {entry}}))
}

export const GET: APIRoute = ({props}) => {
  const {entry} = props as {entry: SiteEntry}
  return new Response(JSON.stringify(clientModel(entry.runbook)), {headers: {'content-type': 'application/json; charset=utf-8'}})
}
