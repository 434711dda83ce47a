/**
 * Hands each runbook page Astro prerenders to the build's search index (`lib/page-indexer.ts`) as soon as
 * it is rendered, so that Pagefind indexes it on another core while Node renders the next page. The page
 * goes on unchanged, byte for byte: Astro writes the body the middleware returns, so the index holds what
 * the files hold. The integration adds this middleware to `astro build` only.
 */
import type {MiddlewareHandler} from 'astro'
import {key} from 'virtual:runsheet/site'
import {pageSinkOf} from '../lib/page-sinks.js'

// As `readFileSync(file, 'utf8')` reads the file: a leading BOM is kept, not dropped.
const decoder = new TextDecoder('utf-8', {ignoreBOM: true})

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next()
  const sink = context.isPrerendered ? pageSinkOf(key) : undefined
  if (!sink || response.status !== 200 || !sink.wants(context.url.pathname)) return response
  const body = await response.arrayBuffer()
  await sink.add(context.url.pathname, decoder.decode(body))
  return new Response(body, {status: response.status, statusText: response.statusText, headers: response.headers})
}
