import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {expect, test} from 'vitest'
import type {BundledApp} from '../lib/kept-renderer.js'
import {keptPagesOf, pathnameOf} from './kept-paths.js'

// Astro's own rules for a page's path from its route's parameters and for a route's segments, which the
// pages a rebuild lists must follow to be the pages Astro's build lists: loaded from Astro by file, as they
// are not part of its public API.
const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'))
const load = async <T>(path: string) => (await import(pathToFileURL(join(astro, 'dist', path)).href)) as T
const {stringifyParams} = await load<{stringifyParams: (params: object, route: object, trailingSlash: string) => string}>('core/routing/params.js')
const {getParts} = await load<{getParts: (part: string, file: string) => {content: string; dynamic: boolean; spread: boolean}[]}>('core/routing/parts.js')

function routeOf(pattern: string, type: 'page' | 'endpoint' = 'page') {
  const segments = pattern
    .split('/')
    .filter(Boolean)
    .map((part) => getParts(part, pattern))
  return {route: pattern, type, segments}
}

const routes = [routeOf('/[...slug]'), routeOf('/[...slug]/runbook.json', 'endpoint'), routeOf('/docs/[id]'), routeOf('/a-[x]-b/[...rest]')]

test("a page's path is the one Astro makes of its route and parameters", () => {
  const slugs = [undefined, '', 'deploy', 'ops/rollback', '/ops/rollback/', '배포/점검', 'a b/100%', 'q?x#y', 'ko/page/2', '//x']
  // Hangul as macOS names files (decomposed): Astro composes it.
  slugs.push('배포'.normalize('NFD'))
  for (const slug of slugs) {
    for (const route of [routes[0]!, routes[1]!]) expect(pathnameOf(route, {slug}), `${route.route} ${slug}`).toBe(stringifyParams({slug}, route, 'ignore'))
  }
  expect(pathnameOf(routes[2]!, {id: 'x'})).toBe(stringifyParams({id: 'x'}, routes[2]!, 'ignore'))
})

test('on any parameter text, the path is the one Astro makes', () => {
  const text = fc.string({unit: fc.constantFrom('a', '/', '#', '?', '%', ' ', '가', '\u1100', '\u1161', '.', '[', ']')})
  fc.assert(
    fc.property(text, text, (x, rest) => {
      const route = routes[3]!
      expect(pathnameOf(route, {x, rest})).toBe(stringifyParams({x, rest}, route, 'ignore'))
    })
  )
})

test('a route that needs a parameter it is not given, or one that is not text, is refused', () => {
  expect(() => pathnameOf(routes[2]!, {})).toThrow(/lacks parameter id/)
  expect(() => pathnameOf(routes[0]!, {slug: 3})).toThrow(/not a string/)
})

test("the pages are listed route by route in getStaticPaths' order, Astro's own routes and those not prerendered left out", async () => {
  const route = (pattern: string, extra: object = {}) => ({...routeOf(pattern), prerender: true, origin: 'project', fallbackRoutes: [], ...extra})
  const slugRoute = route('/[...slug]')
  const modules = new Map<unknown, unknown>([[slugRoute, {getStaticPaths: () => [{params: {slug: undefined}}, {params: {slug: 'ko'}}, {params: {slug: 'ops/deploy'}}]}]])
  const app = {
    manifest: {
      base: '/',
      routes: [
        {routeData: route('/_server-islands/[name]', {origin: 'internal'})},
        {routeData: route('/api/[x]', {prerender: false})},
        {routeData: slugRoute},
        {routeData: route('/404', {pathname: '/404'})}
      ]
    },
    getComponentByRoute: async (key: unknown) => modules.get(key)
  } as unknown as BundledApp
  const pages = await keptPagesOf(app)
  expect(pages.map((page) => page.pathname)).toEqual(['/', '/ko', '/ops/deploy', '/404'])
  expect(pages[0]!.route).toBe(slugRoute)
})

test('a redirect, a fallback route or a page without getStaticPaths is refused, for Astro to build instead', async () => {
  const appOf = (routeData: object, module: object = {}) =>
    ({manifest: {base: '/', routes: [{routeData: {...routeOf('/[...slug]'), prerender: true, origin: 'project', fallbackRoutes: [], ...routeData}}]}, getComponentByRoute: async () => module}) as unknown as BundledApp
  await expect(keptPagesOf(appOf({type: 'redirect'}))).rejects.toThrow(/not one of Runsheet's pages/)
  await expect(keptPagesOf(appOf({fallbackRoutes: [{}]}))).rejects.toThrow(/not one of Runsheet's pages/)
  await expect(keptPagesOf(appOf({}))).rejects.toThrow(/no getStaticPaths/)
  await expect(keptPagesOf(appOf({}, {getStaticPaths: () => ({})}))).rejects.toThrow(/did not return an array/)
})
