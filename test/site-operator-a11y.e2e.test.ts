/**
 * What an operator with a keyboard, a screen reader or a phone meets on a runbook page, in a real Chromium:
 * focus never hides under the run bar however it wraps, a copy is announced, repeated tables and callouts
 * are no crowd of landmarks of one name, an HTML comment is not shown, and raw HTML with a long URL does not
 * widen the page.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Page} from 'playwright-core'
import {expect, test} from 'vitest'
import {axeSource, servedSite, tempDir} from './site-helpers.js'

const table = '| 설정 | 권고값 |\n| --- | --- |\n| PASS_MAX_DAYS | 90 |\n'
const runbook = [
  '# 계정 점검',
  '',
  ...['Linux', 'AIX', 'HP-UX'].flatMap((os) => [`## ${os}`, '', table, '> [!NOTE]', `> ${os}에서는 root로 확인한다.`, '', `- [ ] ${os} 설정 확인`, '', '```sh', `grep PASS_MAX_DAYS /etc/login.defs # ${os}`, '```', '']),
  '<!-- DO NOT EDIT: generated from the audit template -->',
  '',
  '## 배포 <!-- Tue, YYYY-MM-DD -->',
  '',
  ...Array.from({length: 40}, (_, index) => `- [ ] 단계 ${index + 1} 확인 <!-- see https://github.com/kubernetes/kubernetes/issues/56876${index} before ticking -->`),
  '- [ ] 티켓 확인 <a href="https://github.com/kubernetes/kubernetes/issues/56876?query=a-very-long-unbroken-query-string-that-wraps">',
  ''
].join('\n')

const site = servedSite(
  'runsheet-operator-',
  () => {
    const dir = join(tempDir('runsheet-operator-runbooks-'), 'runbooks')
    mkdirSync(dir)
    writeFileSync(join(dir, 'audit.ko.md'), runbook)
    return dir
  },
  ['--no-search']
)

async function open(width: number, height = 700): Promise<Page> {
  const page = await site.browser.newPage({viewport: {width, height}})
  await page.goto(`${site.server.origin}/audit.ko/`)
  await page.waitForSelector('[data-runbar]:not([hidden])')
  return page
}

test('Shift+Tab never leaves the focused box under the run bar, also when the bar wraps to two rows', async () => {
  for (const width of [1024, 800]) {
    const page = await open(width)
    const bar = page.locator('[data-runbar]')
    const barBox = (await bar.boundingBox())!
    const boxes = page.locator('input[data-check]')
    await boxes.nth((await boxes.count()) - 1).focus()
    const hidden: string[] = []
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Shift+Tab')
      const where = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement
        const bar = document.querySelector('[data-runbar]')!.getBoundingClientRect()
        const box = focused.getBoundingClientRect()
        return {name: focused.outerHTML.slice(0, 60), top: box.top, barBottom: bar.bottom}
      })
      if (where.top < where.barBottom) hidden.push(`${where.name} at ${where.top} under ${where.barBottom}`)
    }
    expect(hidden, `at ${width} px, a bar ${barBox.height} px high`).toEqual([])
    await page.close()
  }
})

test('a copy is said to a screen reader, not only drawn on the button', async () => {
  const page = await open(1280)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.locator('button[data-copy]').first().click()
  await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('복사됨')
  expect(await page.locator('[data-copy-status]').getAttribute('role')).toBe('status')
  await page.close()
})

test('tables repeated under each section are regions of names apart; callouts are notes, not landmarks', async () => {
  const page = await open(1280)
  expect(await page.locator('.rs-table-wrap').evaluateAll((regions) => regions.map((region) => region.getAttribute('aria-label')))).toEqual(['설정 · 권고값', '설정 · 권고값 (2)', '설정 · 권고값 (3)'])
  expect(await page.locator('aside.rs-callout').evaluateAll((notes) => notes.map((note) => note.getAttribute('role')))).toEqual(['note', 'note', 'note'])
  await page.evaluate(readFileSync(axeSource, 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (options: unknown) => Promise<{violations: {id: string}[]}>}}).axe
    return (await axe.run({runOnly: ['landmark-unique', 'landmark-complementary-is-top-level']})).violations.map((each) => each.id)
  })
  expect(violations).toEqual([])
  await page.close()
})

test('an HTML comment is left out, as GitHub leaves it; other raw HTML with a long URL wraps on a phone instead of widening the page', async () => {
  const page = await open(375, 800)
  expect(await page.locator('.rs-html-inline').allTextContents()).toEqual(['<a href="https://github.com/kubernetes/kubernetes/issues/56876?query=a-very-long-unbroken-query-string-that-wraps">'])
  const main = await page.locator('main').textContent()
  for (const comment of ['before ticking', 'DO NOT EDIT', 'YYYY-MM-DD']) expect(main).not.toContain(comment)
  expect(await page.locator('pre.rs-html').count()).toBe(0)
  // The heading's anchor is GitHub's, which slugs the heading as rendered: the space before the comment stays.
  expect(await page.locator('h2', {hasText: '배포'}).getAttribute('id')).toBe('배포-')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.close()
})
