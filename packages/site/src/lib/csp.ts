import {createHash} from 'node:crypto'
import {walk, type Runbook} from '@runsheet/parser'
import type {AstroConfig} from 'astro'
import {isSafeImageUrl} from './safe-url.js'
import {tocScript} from './toc-script.js'

/** Astro's `security.csp` option, as an object. */
type CspConfig = Exclude<AstroConfig['security']['csp'], boolean>

/** A CSP hash source for an inline `<script>` or `<style>` whose text is exactly `text`. */
export function cspHashOf(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

/**
 * The Content-Security-Policy of a Runsheet site, as Astro's `security.csp` option. Astro hashes the
 * scripts and styles it bundles and writes the policy into each page's `<meta http-equiv>`; this adds what
 * Astro cannot see:
 * - the contents' one inline script (it opens the contents on wide screens before the first paint, which
 *   a deferred module cannot), by hash;
 * - `'wasm-unsafe-eval'` when the site has search: Pagefind compiles its WebAssembly on the main thread
 *   when its worker is unavailable. It allows compiling WebAssembly only, never `eval` of JavaScript.
 *
 * Everything else is `'self'`: fonts, the run record's `runbook.json` and Pagefind's index are fetched from
 * the site. Images are `'self'` and `data:` (the site's icon); a runbook page adds the origins of the
 * remote images it shows (`imageSourcesOf`). `<script type="application/json">` data blocks are never
 * executed, so they need no hash. `runbook.json` beside each page is data served as JSON, not a document,
 * so it needs no policy; the site has no error page of its own (the host's 404 is the host's). Printing
 * uses the same pages and their policy; `runsheet pdf` adds its page rules through the CSSOM, which a
 * policy does not govern. `frame-ancestors` and `report-to` cannot be given in a `<meta>`: a host that
 * wants them sends them as headers.
 *
 * With `existing`, a policy the project configured itself, only what the Runsheet pages need is added to it.
 */
export function siteCsp(options: {search: boolean}, existing?: CspConfig): CspConfig {
  const scriptResources = ["'self'", ...(options.search ? ["'wasm-unsafe-eval'"] : [])]
  const scriptHashes = [cspHashOf(tocScript)]
  if (existing) {
    return {
      ...existing,
      scriptDirective: {
        ...existing.scriptDirective,
        // Astro's default is 'self' only while no resource is given: keep it when adding ours.
        resources: [...new Set([...(existing.scriptDirective?.resources ?? ["'self'"]), ...scriptResources])],
        hashes: [...(existing.scriptDirective?.hashes ?? []), ...scriptHashes]
      }
    }
  }
  return {
    algorithm: 'SHA-256',
    directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    scriptDirective: {resources: scriptResources, hashes: scriptHashes},
    styleDirective: {resources: ["'self'"]}
  }
}

/**
 * The `img-src` sources a runbook's page needs besides the site's own: the origin of each remote image it
 * shows (`Image.astro` loads http and https images only), sorted, each once.
 */
export function imageSourcesOf(runbook: Runbook): string[] {
  const origins = new Set<string>()
  walk(runbook, (node) => {
    if (node.type !== 'image' || !isSafeImageUrl(node.url)) return
    const origin = originOf(node.url)
    if (origin) origins.add(origin)
  })
  return [...origins].sort()
}

/** The URL's origin as a CSP host source, or null when it has none a policy could name. */
function originOf(url: string): string | null {
  try {
    const {origin} = new URL(url.trim())
    // An opaque origin is "null"; IPv6 literals are not valid host sources.
    return /^https?:\/\/[a-z\d.-]+(?::\d+)?$/i.test(origin) ? origin : null
  } catch {
    return null
  }
}
