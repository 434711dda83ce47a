import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {homePageCount, homePages, homePageUrl, notFoundSlug, siteRoutes, homeSlug, runbookPages, runbooksPerPage} from './pages.js'
import {createSite} from './site.js'

/** `count` English runbooks `r000.md`…, and one in Korean. */
function folder(count: number, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {'k.ko.md': '# 한국어\n'}
  for (let index = 0; index < count; index++) files[`r${String(index).padStart(3, '0')}.md`] = `# R ${index}\n`
  return {...files, ...extra}
}

test('a site of a page of runbooks has one home page per language, and no other list page', () => {
  const site = createSite(parseFolder(folder(runbooksPerPage - 1)))
  expect(homePageCount(site)).toBe(1)
  expect(homePages(site).map((home) => homeSlug(site, home.lang, home.number))).toEqual(['', 'ko'])
  expect(siteRoutes(site)).toEqual(new Map([['ko', 'language'], ['404', 'error'], ['500', 'error']]))
  expect(notFoundSlug(site)).toBe('404')
})

test('a longer list goes on to page/2/, page/3/…, in each language, under the base and prefix', () => {
  const site = createSite(parseFolder(folder(2 * runbooksPerPage)), {base: '/docs/', prefix: 'runbooks'})
  expect(homePageCount(site)).toBe(3)
  expect(homePages(site).map((home) => homePageUrl(site, home.lang, home.number))).toEqual([
    '/docs/runbooks/',
    '/docs/runbooks/page/2/',
    '/docs/runbooks/page/3/',
    '/docs/runbooks/ko/',
    '/docs/runbooks/ko/page/2/',
    '/docs/runbooks/ko/page/3/'
  ])
  expect([...siteRoutes(site)]).toEqual([
    ['page/2', 'list'],
    ['page/3', 'list'],
    ['ko', 'language'],
    ['ko/page/2', 'list'],
    ['ko/page/3', 'list']
  ])
  // Under a prefix, `404` is a runbook's page like any other: the site's error pages are at the root, and
  // the page of a missing address is the project's own.
  expect(notFoundSlug(site)).toBeUndefined()
  expect(notFoundSlug(createSite(parseFolder(folder(1)), {base: '/docs/'}))).toBe('404')
})

test('a runbook whose page a home page or another runbook has gets no page of its own', () => {
  const site = createSite(parseFolder(folder(runbooksPerPage, {'page/2.md': '# Two\n', 'KO.md': '# Ko\n', 'a.md': '# A\n', 'A.md': '# A again\n'})))
  const paths = runbookPages(site).map((entry) => entry.path)
  expect(paths).not.toContain('page/2.md')
  expect(paths).not.toContain('KO.md')
  expect(paths.filter((path) => path.toLowerCase() === 'a.md')).toEqual(['A.md'])
  expect(paths.length).toBe(site.entries.length - 3)
})
