/**
 * The search panel in a real Chromium gets out of the way once a result is chosen (on the same page or
 * another) or focus leaves the search, so it never covers the section jumped to or the control focused
 * next; the query stays in the box, and focusing it opens the panel again.
 */
import type {Page} from 'playwright-core'
import {describe, expect, test} from 'vitest'
import {servedExamples} from './site-helpers.js'

const site = servedExamples('runsheet-search-panel-')

async function open(path: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({viewport: {width, height: 800}})
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  ;(page as Page & {errors: string[]}).errors = errors
  await page.goto(site.server.origin + path)
  return page
}

const errorsOf = (page: Page) => (page as Page & {errors: string[]}).errors

describe('the search panel', () => {
  const panel = '[id="rs:search-results"]'
  const input = '[id="rs:search-input"]'

  async function search(page: Page, query: string): Promise<void> {
    await page.fill(input, query)
    await page.waitForSelector(`${panel} .rs-search-list`)
    expect(await page.isVisible(panel)).toBe(true)
  }

  test('closes when a result on the same page is chosen, and opens again, query kept, from the box', async () => {
    const page = await open('/production-deploy.ko/', 1280)
    await search(page, '롤백 실행')
    await page.locator('.rs-search-section', {hasText: '문제 발견 시'}).first().click()
    await page.waitForURL(/production-deploy\.ko\/#/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#문제-발견-시')
    expect(await page.isHidden(panel)).toBe(true)
    // The section jumped to is what the reader sees: its heading is the topmost thing at its place.
    const covered = await page.evaluate(() => {
      const heading = document.getElementById('문제-발견-시')!.querySelector('h2, h3, h4')!
      const box = heading.getBoundingClientRect()
      return !heading.contains(document.elementFromPoint(box.left + 4, box.top + box.height / 2))
    })
    expect(covered).toBe(false)

    expect(await page.inputValue(input)).toBe('롤백 실행')
    await page.focus(input)
    expect(await page.isVisible(panel)).toBe(true)
    expect(await page.locator(`${panel} .rs-search-section`, {hasText: '문제 발견 시'}).count()).toBeGreaterThan(0)
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('closes when Tab leaves the last result or Shift-Tab leaves the box, not while moving through results', async () => {
    const page = await open('/production-deploy.ko/', 1280)
    await search(page, '배포')
    const links = await page.locator(`${panel} a`).count()
    expect(links).toBeGreaterThan(2)
    for (let n = 0; n < links; n++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('[data-search]') !== null)).toBe(true)
      expect(await page.isVisible(panel)).toBe(true)
    }
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement!
      const box = element.getBoundingClientRect()
      return {inSearch: element.closest('[data-search]') !== null, onTop: element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))}
    })
    expect(focused.inSearch).toBe(false)
    expect(await page.isHidden(panel)).toBe(true)
    // The control focused next is not under the panel.
    expect(focused.onTop).toBe(true)

    await page.focus(input)
    expect(await page.isVisible(panel)).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await page.isHidden(panel)).toBe(true)
    expect(await page.inputValue(input)).toBe('배포')

    // Escape still empties the box and closes the panel, focus staying in the box.
    await search(page, '롤백')
    await page.keyboard.press('Escape')
    expect(await page.isHidden(panel)).toBe(true)
    expect(await page.inputValue(input)).toBe('')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rs:search-input')
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })

  test('results still on their way when focus leaves fill the panel without opening it', async () => {
    const page = await open('/production-deploy.ko/', 1280)
    await page.focus(input)
    await page.keyboard.type('인증서')
    await page.keyboard.press('Shift+Tab')
    await page.waitForSelector(`${panel} .rs-search-list`, {state: 'attached'})
    expect(await page.isHidden(panel)).toBe(true)
    await page.focus(input)
    expect(await page.isVisible(panel)).toBe(true)
    await page.close()
  })

  test('on a phone, a chosen result closes the panel, on this page or on the way back from another', async () => {
    const page = await open('/production-deploy.ko/', 375)
    await search(page, '롤백 실행')
    await page.locator('.rs-search-section', {hasText: '문제 발견 시'}).first().click()
    await page.waitForURL(/production-deploy\.ko\/#/)
    expect(await page.isHidden(panel)).toBe(true)

    await search(page, '아키텍처')
    await page.locator(`${panel} .rs-search-title`, {hasText: 'Knowledge Database'}).first().click()
    await page.waitForURL(/architecture/)
    expect(await page.isHidden(panel)).toBe(true)
    await page.goBack()
    await page.waitForURL(/production-deploy\.ko\//)
    expect(await page.isHidden(panel)).toBe(true)
    expect(errorsOf(page)).toEqual([])
    await page.close()
  })
})
