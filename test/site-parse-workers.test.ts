/**
 * Parsing in worker threads gives the same site as parsing in the process: the same models and the same
 * messages (as `VFileMessage`s, with their places and rule ids), in the same order. The workers run the
 * compiled package (`dist/`), as `runsheet build` does.
 */
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, expect, test} from 'vitest'
import {VFileMessage} from 'vfile-message'
import type {LoadedRunbook, CollectOptions} from '../packages/site/src/lib/collect.js'
import {ensureSiteBuilt, repo} from './site-helpers.js'

let collectRunbooks: (dir: string, options?: CollectOptions) => Promise<LoadedRunbook[]>
let canParseInWorkers: () => boolean

beforeAll(async () => {
  ensureSiteBuilt()
  const dist = join(repo, 'packages/site/dist/lib')
  ;({collectRunbooks} = await import(pathToFileURL(join(dist, 'collect.js')).href))
  ;({canParseInWorkers} = await import(pathToFileURL(join(dist, 'parse-pool.js')).href))
}, 120_000)

const plain = (loaded: LoadedRunbook[]) => loaded.map(({path, runbook, messages}) => ({path, runbook, messages: messages.map((message) => ({...message}))}))

test.each([
  ['examples', join(repo, 'examples'), false],
  // Its checklists link to files of the repositories they came from: unresolved-link messages.
  ['the corpus', join(repo, '../shared/corpus'), true]
])('%s: the same models and messages from workers as in the process', async (_, dir, hasMessages) => {
  expect(canParseInWorkers()).toBe(true)
  // Workers parse with remark only: satteri is faster in the process than a worker hands a model back.
  const inProcess = await collectRunbooks(dir, {workersFrom: Infinity, frontEnd: 'remark'})
  const inWorkers = await collectRunbooks(dir, {workersFrom: 0, frontEnd: 'remark'})
  // The default front end (satteri, installed with Astro) builds the same site.
  expect(plain(await collectRunbooks(dir, {workersFrom: 0}))).toEqual(plain(inProcess))
  expect(inProcess.length).toBeGreaterThan(5)
  expect(inWorkers.flatMap((each) => each.messages).every((message) => message instanceof VFileMessage)).toBe(true)
  expect(plain(inWorkers)).toEqual(plain(inProcess))
  expect(inProcess.some((each) => each.messages.length > 0)).toBe(hasMessages)
}, 60_000)
