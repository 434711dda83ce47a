/**
 * `runsheet dev` when the runbook folder goes missing for a moment (moved away and back, a branch checked
 * out again): the requests made meanwhile fail, and the site comes back with the folder, no restart.
 */
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {startDev, tempDir, type DevServer} from './site-helpers.js'

let dir: string
let dev: DevServer

beforeAll(async () => {
  dir = join(tempDir('runsheet-dev-missing-'), 'rbx')
  mkdirSync(dir)
  writeFileSync(join(dir, 'alpha.md'), '# Alpha\n\n## Steps\n\n- [ ] First\n')
  dev = await startDev(dir)
}, 60_000)

afterAll(() => dev?.stop())

/** The page at `path`: its status and its HTML. */
async function page(path: string): Promise<{status: number; html: string}> {
  const answer = await fetch(dev.origin + path)
  return {status: answer.status, html: await answer.text()}
}

/** Asks for `path` until `check` holds of the answer (the dev server sees a change a moment after it is made). */
async function until(path: string, check: (answer: {status: number; html: string}) => boolean): Promise<{status: number; html: string}> {
  for (let tries = 0; tries < 100; tries++) {
    const answer = await page(path)
    if (check(answer)) return answer
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`${path} never answered as expected; runsheet dev said:\n${dev.output()}`)
}

test('a page asked for while the folder is missing fails with a clear error, and the site comes back with the folder', async () => {
  expect((await page('/alpha/')).status).toBe(200)
  renameSync(dir, `${dir}-away`)
  // Served from the loaded site until the dev server sees the files go.
  await until('/alpha/', (answer) => answer.status === 500)
  // Said on the server's output, which may reach this process a moment after the answer.
  await until('/alpha/', () => /@runsheet\/site: the runbooks could not be read \(ENOENT[^\n]*rbx'\)\n/.test(dev.output()))

  renameSync(`${dir}-away`, dir)
  const back = await page('/alpha/')
  expect(back.status, dev.output()).toBe(200)
  expect(back.html).toContain('<h1')
  expect(back.html).toContain('Alpha')

  // The folder is watched again: an edit shows.
  writeFileSync(join(dir, 'alpha.md'), '# Alpha, second edition\n\n## Steps\n\n- [ ] First\n')
  const edited = await until('/alpha/', (answer) => answer.html.includes('Alpha, second edition'))
  expect(edited.status).toBe(200)
}, 60_000)
