// The site commands run from a bundle that holds the parser (`packages/site/scripts/bundle-cli.js`), while
// the pages and the parse workers load the parser from node_modules: the two must be one version.
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative} from 'node:path'
import {expect, test} from 'vitest'
import {ensureSiteBuilt} from './site-helpers.js'

const repo = join(import.meta.dirname, '..')
const site = join(repo, 'packages/site')
const packageOf = (name: string) => JSON.parse(readFileSync(join(repo, 'packages', name, 'package.json'), 'utf8')) as {version: string; dependencies: Record<string, string>}

test('the site depends on exactly the parser version it bundles', () => {
  expect(packageOf('site').dependencies['@runsheet/parser']).toBe(packageOf('parser').version)
})

test('the bundle knows the digest of the parser it holds: the installed one, so a build warns of nothing', async () => {
  ensureSiteBuilt()
  const {installedParserDigest} = (await import(join(site, 'dist/lib/model-cache.js'))) as {installedParserDigest: () => string}
  const digest = installedParserDigest()
  expect(digest).toMatch(/^[0-9a-f]{64}$/)
  const held = readdirSync(join(site, 'dist/bundle')).filter((file) => readFileSync(join(site, 'dist/bundle', file), 'utf8').includes(`"${digest}"`))
  expect(held).toHaveLength(1)
})

test('`@runsheet/site/cli` is the bundle, which loads from node_modules only what it leaves out', async () => {
  ensureSiteBuilt()
  const resolved = createRequire(join(repo, 'package.json')).resolve('@runsheet/site/cli')
  expect(relative(site, resolved)).toBe(join('dist', 'bundle', 'cli.js'))
  const {external} = (await import(join(site, 'scripts/bundle-cli.js'))) as {external: string[]}
  const allowed = (specifier: string) =>
    specifier.startsWith('node:') || external.some((name) => (name.endsWith('/*') ? specifier.startsWith(name.slice(0, -1)) : specifier === name || specifier.startsWith(`${name}/`)))
  const bare = new Set<string>()
  for (const file of readdirSync(join(site, 'dist/bundle'))) {
    // Comments left out: the packages' documentation shows imports too.
    const code = readFileSync(join(site, 'dist/bundle', file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(?:\*|\/\/|\/\*)/.test(line))
      .join('\n')
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./][^"']*)["']/g)) bare.add(specifier!)
  }
  expect([...bare].filter((specifier) => !allowed(specifier))).toEqual([])
  // What is bundled is not loaded again: the parser, vfile, zod.
  for (const name of ['@runsheet/parser', 'vfile', 'zod']) expect(bare.has(name), name).toBe(false)
})
