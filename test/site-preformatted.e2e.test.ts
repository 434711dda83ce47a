/**
 * Preformatted text on a phone, in a real Chromium: a diagram keeps its lines and scrolls inside its box
 * (which a keyboard can reach), the page never scrolls sideways, and a shell command still wraps.
 */
import type {Page} from 'playwright-core'
import {describe, expect, test} from 'vitest'
import {seriousAxeViolations, servedExamples} from './site-helpers.js'

const site = servedExamples('runsheet-preformatted-')

async function open(path: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({viewport: {width, height: 800}})
  await page.goto(site.server.origin + path)
  return page
}

describe('preformatted text on a phone', () => {
  /** How each block of a page lays out: does it scroll sideways, how many lines are drawn against its source's. */
  async function blocks(page: Page) {
    return page.evaluate(() => {
      const lineHeight = (pre: Element) => parseFloat(getComputedStyle(pre).lineHeight)
      return [...document.querySelectorAll<HTMLElement>('pre.rs-pre')].map((pre) => {
        const code = pre.querySelector('code')!
        const range = document.createRange()
        range.selectNodeContents(code)
        return {
          lang: pre.dataset.lang ?? '',
          scrolls: pre.scrollWidth > pre.clientWidth,
          sourceLines: code.textContent!.replace(/\n$/, '').split('\n').length,
          drawnLines: Math.round(range.getBoundingClientRect().height / lineHeight(pre))
        }
      })
    })
  }

  const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

  for (const width of [375, 320]) {
    test(`at ${width} px a diagram keeps its lines and scrolls in its box; the page does not scroll sideways`, async () => {
      const page = await open('/docs/sdlc/knowledge-database/architecture.ko/', width)
      const [diagram] = (await blocks(page)).filter((block) => block.lang === 'text')
      expect(diagram).toBeDefined()
      expect(diagram!.sourceLines).toBe(9)
      expect(diagram!.drawnLines).toBe(diagram!.sourceLines)
      expect(diagram!.scrolls).toBe(true)
      expect(await pageScrollsSideways(page)).toBe(false)
      // A keyboard reaches the box to scroll it (axe: scrollable-region-focusable).
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.close()
    })
  }

  test('at 375 px a long shell command wraps in its box; JSON keeps its lines', async () => {
    const page = await open('/docs/api/API_DOCUMENTATION.ko/', 375)
    const shown = await blocks(page)
    const shell = shown.filter((block) => block.lang === 'bash')
    expect(shell.length).toBeGreaterThan(0)
    expect(shell.every((block) => !block.scrolls)).toBe(true)
    expect(shell.some((block) => block.drawnLines > block.sourceLines)).toBe(true)
    const json = shown.filter((block) => block.lang === 'json')
    expect(json.length).toBeGreaterThan(0)
    expect(json.every((block) => block.drawnLines === block.sourceLines)).toBe(true)
    expect(await pageScrollsSideways(page)).toBe(false)
    await page.close()
  })
})
