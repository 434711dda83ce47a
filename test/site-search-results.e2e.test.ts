/** The search box's results in a real Chromium: each result marked with its own language. */
import type {Page} from 'playwright-core'
import {describe, expect, test} from 'vitest'
import {servedExamples} from './site-helpers.js'

const site = servedExamples('runsheet-search-results-')
const panel = '[id="rs:search-results"]'
const input = '[id="rs:search-input"]'
const items = `${panel} .rs-search-result`

async function open(path: string): Promise<Page & {errors: string[]}> {
  const page = Object.assign(await site.browser.newPage({viewport: {width: 1280, height: 800}}), {errors: [] as string[]})
  page.on('pageerror', (error) => page.errors.push(error.message))
  await page.goto(site.server.origin + path)
  return page
}

async function search(page: Page, query: string): Promise<void> {
  await page.fill(input, query)
  await page.waitForSelector(`${panel} .rs-search-list`)
}

/** Each result shown: its title, the language its link names, and the language its title and excerpts are in. */
function shown(page: Page) {
  return page.locator(items).evaluateAll((list) =>
    list.map((item) => {
      const title = item.querySelector<HTMLAnchorElement>('.rs-search-title')!
      const texts = [title, ...item.querySelectorAll('.rs-search-section, .rs-search-excerpt')]
      const langs = [...new Set(texts.map((text) => text.closest<HTMLElement>('[lang]')?.lang))]
      return {title: title.firstChild!.textContent!.trim(), hreflang: title.hreflang, langs, koFonts: texts.every((text) => text.matches(':lang(ko)'))}
    })
  )
}

describe('search results', () => {
  test('each result, title and excerpts, is in its own language: Korean ones on an English page match :lang(ko)', async () => {
    for (const path of ['/production-deploy/', '/production-deploy.ko/']) {
      const page = await open(path)
      await search(page, 'postgres')
      const all = await shown(page)
      expect(new Set(all.map(({hreflang}) => hreflang))).toEqual(new Set(['en', 'ko']))
      for (const result of all) expect(result.langs).toEqual([result.hreflang])
      for (const result of all) expect(result.koFonts).toBe(result.hreflang === 'ko')
      expect(page.errors).toEqual([])
      await page.close()
    }
  })
})
