import {fileURLToPath} from 'node:url'
import type {AstroConfig, AstroIntegration, AstroIntegrationLogger} from 'astro'
import {mergeConfig} from 'astro/config'
import {expect, test} from 'vitest'
import {runsheet} from './integration.js'

/** This package's own folder of source files: any folder does for `dir`, and it surely exists. */
const root = new URL('../', import.meta.url)

type SetupParameters = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]

/**
 * Runs the integrations' `astro:config:setup` hooks over a project's config as Astro does (each update
 * merged into the config the next hook sees, arrays concatenated) and returns the config they leave.
 */
/** What the set-up integrations logged and which middleware they added, from the last `setUp`. */
const seen = {info: [] as string[], middleware: [] as string[]}

function setUp(integrations: AstroIntegration[], project: Partial<Pick<AstroConfig, 'build' | 'security' | 'trailingSlash'>> = {}): AstroConfig {
  seen.info = []
  seen.middleware = []
  let config = {
    root,
    base: '/',
    integrations,
    build: {format: 'directory'},
    security: {csp: false},
    ...project
  } as unknown as AstroConfig
  const logger = {warn() {}, info: (message: string) => seen.info.push(message)} as unknown as AstroIntegrationLogger
  for (const integration of integrations) {
    integration.hooks['astro:config:setup']?.({
      config,
      command: 'build',
      logger,
      injectRoute() {},
      addMiddleware: ({entrypoint}: {entrypoint: string}) => seen.middleware.push(entrypoint),
      updateConfig(update: Parameters<SetupParameters['updateConfig']>[0]) {
        config = mergeConfig(config, update)
        return config
      }
    } as unknown as SetupParameters)
  }
  return config
}

const folder = fileURLToPath(root)

test('a second runsheet() in one project is refused, naming both folders', () => {
  const integrations = [runsheet({dir: 'lib', prefix: 'ops', report: 'silent'}), runsheet({dir: 'cli', prefix: 'sec', report: 'silent'})]
  expect(() => setUp(integrations)).toThrowError(
    "runsheet(): one runsheet() per project, but this one has 2 (dirs 'lib' and 'cli'): put the runbooks under one folder, or show the others with runsheetLoader()"
  )
})

test('one runsheet() beside other integrations is set up', () => {
  const other: AstroIntegration = {name: 'other', hooks: {}}
  const config = setUp([other, runsheet({dir: folder, report: 'silent'})])
  expect(config.security.csp).toMatchObject({directives: expect.arrayContaining(["object-src 'none'"])})
})

test.each(['file', 'preserve'] as const)("build.format '%s' is refused: the pages link to folders", (format) => {
  expect(() => setUp([runsheet({dir: folder, report: 'silent'})], {build: {format} as AstroConfig['build']})).toThrowError(
    `runsheet(): needs build.format 'directory' (Astro's default), not '${format}': its pages link to each other as folders (/guide/)`
  )
})

test('beside Starlight, its Pagefind index serves the search and the policy is left to the project, unless asked for', () => {
  const starlight: AstroIntegration = {name: '@astrojs/starlight', hooks: {}}
  const beside = setUp([starlight, runsheet({dir: folder, prefix: 'runbooks', report: 'silent'})])
  expect(beside.security.csp).toBe(false)
  expect(seen.middleware).toEqual([])
  expect(seen.info).toEqual([
    "search: Starlight's Pagefind index holds the runbook pages too; runsheet() builds no index of its own",
    "csp: left to the project beside Starlight, whose pages' inline scripts and styles it would block (set csp: true to have it)"
  ])
  const asked = setUp([starlight, runsheet({dir: folder, prefix: 'runbooks', report: 'silent', csp: true})])
  expect(asked.security.csp).toMatchObject({directives: expect.arrayContaining(["object-src 'none'"])})
  setUp([runsheet({dir: folder, report: 'silent'})])
  expect(seen.middleware).toEqual(['@runsheet/site/middleware/search-pages.ts'])
})

test("trailingSlash 'never' is refused: the pages link to folders", () => {
  expect(() => setUp([runsheet({dir: folder, report: 'silent'})], {trailingSlash: 'never'})).toThrowError(
    "runsheet(): needs trailingSlash 'ignore' (Astro's default) or 'always', not 'never': its pages link to each other as folders (/guide/)"
  )
})

test('a project’s own policy ends with each directive once, its sources and the pages’ needs together', () => {
  const security = {
    csp: {
      algorithm: 'SHA-256',
      directives: ["img-src 'self' https://images.example", 'connect-src https://api.example'],
      scriptDirective: {resources: ["'self'", 'https://cdn.example']},
      styleDirective: {resources: ["'self'", 'https://fonts.example']}
    }
  } as unknown as AstroConfig['security']
  const {csp} = setUp([runsheet({dir: folder, report: 'silent'})], {security}).security
  if (typeof csp !== 'object') throw new Error('no policy')
  expect(csp.directives).toEqual([
    "img-src 'self' https://images.example data:",
    "connect-src https://api.example 'self'",
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ])
  expect(csp.scriptDirective?.resources).toEqual(["'self'", 'https://cdn.example', "'wasm-unsafe-eval'"])
  expect(csp.styleDirective?.resources).toEqual(["'self'", 'https://fonts.example'])
})

test('bad options are refused in astro:config:setup, in one error naming each', () => {
  const integration = runsheet({dir: folder, lang: 'fr', frontEnd: 'markdown-it'} as never)
  expect(() => setUp([integration])).toThrowError("runsheet(): lang takes ko or en, not 'fr'; frontEnd takes auto, remark, satteri, not 'markdown-it'")
  // Made without options (from JavaScript), it is refused there too, not when made.
  expect(() => setUp([runsheet(undefined as never)])).toThrowError("runsheet(): the options must be an object such as {dir: 'runbooks'}, not undefined")
})
