/**
 * The pages of a kept prerender bundle, listed as Astro's build lists them (its `StaticPaths`), for the
 * routes `runsheet build` has: Runsheet's own, a rest parameter at most, in a site built with
 * `format: 'directory'` and `trailingSlash: 'ignore'` (`render-kept.ts` checks both). Listing them here
 * spares a rebuild loading Astro's routing core and the zod it brings, a tenth of a rebuild of 100
 * runbooks; a route of another shape is refused, and Astro builds instead.
 */
import type {PathWithRoute, RouteData} from 'astro'
import type {BundledApp} from '../lib/kept-renderer.js'

/** A page module as far as listing its pages reads it. */
interface PageModule {
  getStaticPaths?: (options: {paginate: () => never; routePattern: string}) => unknown
}

/** Every page of the bundle's prerendered routes, in Astro's order: route by route, each route's in its `getStaticPaths` order. */
export async function keptPagesOf(app: BundledApp): Promise<PathWithRoute[]> {
  const pages: PathWithRoute[] = []
  for (const {routeData} of app.manifest.routes) {
    const route = routeData as RouteData
    // Astro's own routes (server islands, its 404) list no page to prerender.
    if (!route.prerender || route.origin === 'internal') continue
    if (route.type === 'redirect' || route.fallbackRoutes.length > 0) throw new Error(`route ${route.route} is not one of Runsheet's pages`)
    if (route.pathname !== undefined) {
      pages.push({pathname: route.pathname, route})
      continue
    }
    const module = (await app.getComponentByRoute(route)) as PageModule
    if (typeof module.getStaticPaths !== 'function') throw new Error(`route ${route.route} has no getStaticPaths`)
    const listed = await module.getStaticPaths({paginate: () => refused(route, 'paginates'), routePattern: route.route})
    if (!Array.isArray(listed)) throw new Error(`route ${route.route}: getStaticPaths did not return an array`)
    for (const page of listed as {params?: Record<string, unknown>}[]) pages.push({pathname: pathnameOf(route, page.params ?? {}), route})
  }
  return pages
}

/**
 * A page's path from its route and parameters, as Astro makes it (`stringifyParams`, `getRouteGenerator`):
 * a value's slashes trimmed at both ends, its text in NFC with `#` and `?` escaped, no trailing slash.
 */
export function pathnameOf(route: Pick<RouteData, 'route' | 'segments'>, params: Record<string, unknown>): string {
  const values = new Map<string, string>()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    if (typeof value !== 'string') throw new Error(`route ${route.route}: parameter ${key} is not a string`)
    values.set(key, value.replace(/^\/|\/$/g, '').normalize().replaceAll('#', '%23').replaceAll('?', '%3F'))
  }
  let path = ''
  for (const segment of route.segments) {
    let text = ''
    for (const part of segment) {
      if (part.spread) text += values.get(part.content.slice(3)) ?? ''
      else if (part.dynamic) text += values.get(part.content) ?? refused(route, `lacks parameter ${part.content}`)
      else text += part.content.normalize().replaceAll('?', '%3F').replaceAll('#', '%23').replaceAll('%5B', '[').replaceAll('%5D', ']')
    }
    if (text) path += `/${text}`.replace(/^\/{2,}/, '/')
  }
  return path || '/'
}

function refused(route: Pick<RouteData, 'route'>, why: string): never {
  throw new Error(`route ${route.route} ${why}`)
}
