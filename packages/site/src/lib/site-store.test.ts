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
