/**
 * The search box's results in a real Chromium: the page's language first, every result reachable ten at a
 * time through the "more" button, each result marked with its own language.
 */
import type {Page} from 'playwright-core'
import {describe, expect, test} from 'vitest'
import {servedExamples} from './site-helpers.js'

const site = servedExamples('runsheet-search-results-')
const panel = '[id="rs:search-results"]'
const input = '[id="rs:search-input"]'
const items = `${panel} .rs-search-result`
const more = `${panel} .rs-search-more`

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

/** The count the status names. */
async function statusCount(page: Page): Promise<number> {
  return Number((await page.textContent(`${panel} .rs-search-status`))!.match(/\d+/)![0])
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

/** Clicks "more" until every result is shown. */
async function showAll(page: Page): Promise<void> {
  while (await page.isVisible(more)) {
    const before = await page.locator(items).count()
    await page.click(more)
    await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector as string).length > (count as number), [items, before] as const)
  }
}

/** Whether every result in `preferred` comes before every other. */
const preferredFirst = (langs: string[], preferred: string) => langs.findIndex((lang) => lang !== preferred) === -1 || !langs.slice(langs.findIndex((lang) => lang !== preferred)).includes(preferred)

describe('search results', () => {
  test('on an English page, the English results come first, and "more" reaches every result the status counts', async () => {
    const page = await open('/production-deploy/')
    await search(page, 'postgres')
    const total = await statusCount(page)
    expect(total).toBeGreaterThan(10)
    const first = await shown(page)
    expect(first).toHaveLength(10)
    expect(first.map(({title}) => title)).toEqual(expect.arrayContaining(['Production deployment checklist', 'Troubleshooting guide']))
    expect(preferredFirst(first.map(({hreflang}) => hreflang), 'en')).toBe(true)
    expect(await page.isVisible(more)).toBe(true)
    expect(await page.textContent(more)).toBe('Show more results')

    await page.click(more)
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length > 10, items)
    const all = await shown(page)
    expect(all).toHaveLength(total)
    expect(all.slice(0, 10)).toEqual(first)
    expect(new Set(all.map(({title, hreflang}) => `${title} ${hreflang}`)).size).toBe(total)
    expect(preferredFirst(all.map(({hreflang}) => hreflang), 'en')).toBe(true)
    expect(all.some(({hreflang}) => hreflang === 'ko')).toBe(true)
    // Nothing more to show: the button is gone, and focus went on to the first result added.
    expect(await page.isHidden(more)).toBe(true)
    expect(await page.evaluate((selector) => document.activeElement === document.querySelectorAll(`${selector} .rs-search-title`)[10], items)).toBe(true)
    expect(await page.isVisible(panel)).toBe(true)

    // A new search starts again from its first ten (the same words: the box's spaces are not searched).
    await page.fill(input, 'postgres ')
    await page.waitForFunction(([selector, button]) => document.querySelectorAll(selector).length === 10 && !document.querySelector<HTMLElement>(button)!.hidden, [items, more] as const)
    expect(page.errors).toEqual([])
    await page.close()
  })

  test('on a Korean page, the Korean results come first', async () => {
    const page = await open('/production-deploy.ko/')
    await search(page, 'postgres')
    const total = await statusCount(page)
    await showAll(page)
    const all = await shown(page)
    expect(all).toHaveLength(total)
    expect(all[0]!.hreflang).toBe('ko')
    expect(preferredFirst(all.map(({hreflang}) => hreflang), 'ko')).toBe(true)
    expect(page.errors).toEqual([])
    await page.close()
  })

  test('each result, title and excerpts, is in its own language: Korean ones on an English page match :lang(ko)', async () => {
    for (const path of ['/production-deploy/', '/production-deploy.ko/']) {
      const page = await open(path)
      await search(page, 'postgres')
      await showAll(page)
      const all = await shown(page)
      expect(new Set(all.map(({hreflang}) => hreflang))).toEqual(new Set(['en', 'ko']))
      for (const result of all) expect(result.langs).toEqual([result.hreflang])
      for (const result of all) expect(result.koFonts).toBe(result.hreflang === 'ko')
      expect(page.errors).toEqual([])
      await page.close()
    }
  })
})
