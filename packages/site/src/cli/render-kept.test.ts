import {createRequire} from 'node:module'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {expect, test} from 'vitest'
import {fileOf, urlPathOf} from './render-kept.js'

// Astro's own rules for where its build writes a page, which a rebuild rendering with kept code must follow
// to write the same files: loaded from Astro's build by file, as they are not part of its public API.
const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'))
const {getOutFile, getOutFolder} = (await import(pathToFileURL(join(astro, 'dist/core/build/common.js')).href)) as {
  getOutFolder: (settings: unknown, pathname: string, route: {type: string}) => URL
  getOutFile: (format: string, folder: URL, pathname: string, route: {type: string}) => URL
}

const outDir = pathToFileURL('/site/')
const settings = {buildOutput: 'static', config: {outDir, build: {format: 'directory'}}}

/** The file Astro's build writes the page at `pathname` to, relative to the output folder. */
function astroFileOf(pathname: string, type: 'page' | 'endpoint'): string {
  const encoded = encodeURI(pathname)
  const folder = getOutFolder(settings, encoded, {type})
  return relative(fileURLToPath(outDir), fileURLToPath(getOutFile('directory', folder, encoded, {type})))
}

const pages = ['/', '/deploy', '/ops/rollback', '/ko', '/ko/page/2', '/배포/점검', '/a b/100%', '/404', '/500', '/docs/404']
const endpoints = ['/deploy/runbook.json', '/배포/점검/runbook.json', '/404/runbook.json']

test('a page goes to the file Astro writes it to: its folder, status pages beside it, endpoints by name', () => {
  for (const pathname of pages) expect(fileOf(pathname, {type: 'page'}), pathname).toBe(astroFileOf(pathname, 'page'))
  for (const pathname of endpoints) expect(fileOf(pathname, {type: 'endpoint'}), pathname).toBe(astroFileOf(pathname, 'endpoint'))
})

test('a page is requested at its folder under the base, an endpoint at its own name', () => {
  expect(urlPathOf('/', {type: 'page'}, '/')).toBe('/')
  expect(urlPathOf('', {type: 'page'}, '/docs/')).toBe('/docs/')
  expect(urlPathOf('/ops/rollback', {type: 'page'}, '/')).toBe('/ops/rollback/')
  expect(urlPathOf('/ops/rollback', {type: 'page'}, '/docs/')).toBe('/docs/ops/rollback/')
  expect(urlPathOf('/ops/rollback', {type: 'page'}, '/docs')).toBe('/docs/ops/rollback/')
  expect(urlPathOf('/ops/rollback/runbook.json', {type: 'endpoint'}, '/docs/')).toBe('/docs/ops/rollback/runbook.json')
  expect(urlPathOf('/ops/rollback/runbook.json', {type: 'endpoint'}, '/')).toBe('/ops/rollback/runbook.json')
})
