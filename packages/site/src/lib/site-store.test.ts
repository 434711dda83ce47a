import {expect, test, vi} from 'vitest'
import type {LoadedSite} from './load-site.js'
import {createSite} from './site.js'
import {loadedSite, provideSite} from './site-store.js'

const empty = (): LoadedSite => ({site: createSite([]), report: [], models: new Map()})

test('a provided site is loaded once, on first read, whoever reads it', async () => {
  let loads = 0
  const provided = provideSite(async () => {
    loads++
    return empty()
  })
  expect(loads).toBe(0)
  const [first, second] = await Promise.all([loadedSite(provided.key), provided.get()])
  expect(first).toBe(second)
  expect(loads).toBe(1)
  provided.reload()
  expect(await loadedSite(provided.key)).not.toBe(first)
  expect(loads).toBe(2)
  provided.release()
  await expect(loadedSite(provided.key)).rejects.toThrow(/no site/)
})

test('sites are kept on globalThis, so a second copy of the module reads what the first provided', async () => {
  const provided = provideSite(async () => empty())
  vi.resetModules()
  const copy = await import('./site-store.js')
  expect(copy.loadedSite).not.toBe(loadedSite)
  expect(await copy.loadedSite(provided.key)).toBe(await provided.get())
  expect(provideSite(async () => empty()).key).not.toBe(provided.key)
  provided.release()
})

test('a failed load is not kept: it fails with a readable error, and the next read loads again', async () => {
  let loads = 0
  const site = empty()
  const provided = provideSite(async () => {
    loads++
    if (loads === 1) throw Object.assign(new Error("ENOENT: no such file or directory, realpath '/runbooks'"), {code: 'ENOENT'})
    return site
  })
  const failed = loadedSite(provided.key)
  await expect(failed).rejects.toThrow(/runbooks could not be read \(ENOENT: no such file or directory, realpath '\/runbooks'\)/)
  await expect(failed).rejects.toHaveProperty('cause.code', 'ENOENT')
  expect(await loadedSite(provided.key)).toBe(site)
  expect(await provided.get()).toBe(site)
  expect(loads).toBe(2)
  provided.release()
})

test('a load that fails after a reload started another does not drop the newer one', async () => {
  let fail!: (error: Error) => void
  const loads: Promise<LoadedSite>[] = [new Promise((_, reject) => (fail = reject)), Promise.resolve(empty())]
  let count = 0
  const provided = provideSite(() => loads[count++]!)
  const first = provided.get()
  provided.reload()
  const second = provided.get()
  fail(new Error('gone'))
  await expect(first).rejects.toThrow(/gone/)
  expect(await provided.get()).toBe(await second)
  expect(count).toBe(2)
  provided.release()
})
