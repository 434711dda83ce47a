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
 * so it needs no policy; the page of a missing address (`404.html`) is a page like the others. Printing
 * uses the same pages and their policy; `runsheet pdf` adds its page rules through the CSSOM, which a
 * policy does not govern. `frame-ancestors` and `report-to` cannot be given in a `<meta>`: a host that
 * wants them sends them as headers.
 *
 * With `existing`, a policy the project configured itself, the result is that policy with what the Runsheet
 * pages need added, each directive once (`mergedDirectives`): the integration puts it in place of the
 * project's, since Astro's `updateConfig` concatenates arrays and would repeat every directive.
 */
export function siteCsp(options: {search: boolean}, existing?: CspConfig): CspConfig {
  const scriptResources = ["'self'", ...(options.search ? ["'wasm-unsafe-eval'"] : [])]
  const scriptHashes = [cspHashOf(tocScript)]
  if (!existing) {
    return {
      algorithm: 'SHA-256',
      directives: [...siteDirectives],
      scriptDirective: {resources: scriptResources, hashes: scriptHashes},
      styleDirective: {resources: ["'self'"]}
    }
  }
  return {
    ...existing,
    directives: mergedDirectives(existing.directives ?? []),
    // Astro's default is 'self' only while no resource is given: ours include it, so it stays.
    scriptDirective: {
      ...existing.scriptDirective,
      resources: unionOf(existing.scriptDirective?.resources ?? [], scriptResources),
      hashes: unionOf(existing.scriptDirective?.hashes ?? [], scriptHashes)
    },
    styleDirective: {...existing.styleDirective, resources: unionOf(existing.styleDirective?.resources ?? [], ["'self'"])}
  }
}

type CspDirective = NonNullable<CspConfig['directives']>[number]

/** The site's directives besides scripts and styles, when the project has no policy of its own. */
const siteDirectives: CspDirective[] = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]

/**
 * The sources the site's pages load from, by the directive that governs them: fonts, `runbook.json`,
 * Pagefind's index, WebAssembly and worker are the site's own; the icon is a `data:` image.
 */
const sourcesPagesNeed: Record<string, string[]> = {
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'worker-src': ["'self'"]
}

/**
 * A project's directives with what the site's pages need, each directive once: a directive the project
 * names that governs what the pages load gets the pages' sources added (`'none'` dropped, as it allows
 * nothing beside other sources), one the project does not name is the site's (`object-src 'none'`…),
 * and the project's own restrictions (its `default-src`, `object-src`, `form-action`…) stand. The policy is
 * every page's, the project's own too: a `default-src` is never widened, which would widen every
 * directive that falls back to it (`frame-src`, `media-src`…); where it does not allow the site's own
 * origin, the pages' fetches and fonts get directives of their own.
 */
export function mergedDirectives(project: readonly CspDirective[]): CspDirective[] {
  const named = new Map<string, string[]>()
  const merged = project.map((directive) => {
    const [written = '', ...sources] = directive.trim().split(/\s+/)
    // Directive names are case-insensitive: `IMG-SRC` is the `img-src` the site would add again.
    const name = written.toLowerCase()
    named.set(name, sources)
    const needed = sourcesPagesNeed[name]
    if (!needed || needed.every((source) => sources.includes(source))) return directive
    const kept = sources.filter((source) => source !== "'none'")
    return [name, ...new Set([...kept, ...needed])].join(' ') as CspDirective
  })
  const unnamed = (name: string) => !named.has(name)
  const fallback = named.get('default-src')
  const ownOrigin = fallback === undefined || fallback.includes("'self'") ? [] : (['connect-src', 'font-src'] as const).filter(unnamed).map((name) => `${name} 'self'` as CspDirective)
  return [...merged, ...siteDirectives.filter((directive) => unnamed(directive.split(' ')[0]!)), ...ownOrigin]
}

/** Sources or hashes, each once, in order: Astro takes them as strings or as `{resource|hash, kind}`. */
function unionOf<Entry extends string | {kind: string; resource?: string; hash?: string}>(entries: readonly Entry[], added: readonly Entry[]): Entry[] {
  const seen = new Set<string>()
  return [...entries, ...added].filter((entry) => {
    const key = typeof entry === 'string' ? `default ${entry}` : `${entry.kind} ${entry.resource ?? entry.hash}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
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
