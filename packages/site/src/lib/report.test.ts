import {reportOf} from '@runsheet/parser/cli-kit'
import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {runbooksPerPage} from './pages.js'
import {hasErrors, siteReport} from './report.js'
import {createSite} from './site.js'

const lines = (files: ReturnType<typeof siteReport>) => reportOf(files, 'lines', {summary: false}).split('\n').filter(Boolean)

test('a runbook whose page would replace a home page is an error', () => {
  const site = createSite(parseFolder({'ko.md': '# Korean?\n', 'a.md': '# A\n'}), {lang: 'en'})
  const report = siteReport(site)
  expect(lines(report)).toEqual(['ko.md:1:1  error  Its page would be `/ko/`, the home page in another language: rename the file  runsheet:route-conflict'])
  expect(hasErrors(report)).toBe(true)
})

test('a runbook whose page would be a page of a long list of runbooks is an error', () => {
  const files: Record<string, string> = {'page/2.md': '# Two\n'}
  for (let index = 0; index < runbooksPerPage; index++) files[`r${index}.md`] = `# R ${index}\n`
  expect(lines(siteReport(createSite(parseFolder(files))))).toEqual([
    'page/2.md:1:1  error  Its page would be `/page/2/`, a page of the list of runbooks: rename the file  runsheet:route-conflict'
  ])
  delete files['r0.md']
  expect(siteReport(createSite(parseFolder(files)))).toEqual([])
})

test('a runbook named 404 or 500 would be the page of every missing URL: an error, at the root only', () => {
  const site = createSite(parseFolder({'404.md': '# Not found?\n', 'docs/500.md': '# Fine\n', 'a.md': '# A\n'}))
  expect(lines(siteReport(site))).toEqual(['404.md:1:1  error  Its page would be `/404/`, which the site keeps for its error pages: rename the file  runsheet:route-conflict'])
  expect(siteReport(createSite(parseFolder({'404.md': '# Fine\n'}), {prefix: 'runbooks'}))).toEqual([])
})

test('two runbooks with one page are an error naming both, letters of either case alike', () => {
  const site = createSite(parseFolder({'y.md': '# Y\n', 'y.MD': '# Y again\n', 'Ops/Deploy.md': '# D\n', 'ops/deploy.md': '# d\n', 'z.md': '# Z\n'}))
  expect(lines(siteReport(site))).toEqual([
    'ops/deploy.md:1:1  error  Its page would be `/ops/deploy/`, which is already the page of `Ops/Deploy.md`: rename one of the two files  runsheet:route-conflict',
    'y.md:1:1  error  Its page would be `/y/`, which is already the page of `y.MD`: rename one of the two files  runsheet:route-conflict'
  ])
})

test('unresolved links are vfile messages, printed like the parser lint messages', () => {
  const site = createSite(parseFolder({'a.md': '# A\n\nSee [b](b.md#x) and [c](c.md).\n', 'b.md': '# B\n'}))
  const report = siteReport(site)
  expect(report.map((file) => file.path)).toEqual(['a.md'])
  expect(report[0]!.messages.map((message) => [message.source, message.ruleId, message.fatal])).toEqual([
    ['runsheet', 'unresolved-link', false],
    ['runsheet', 'unresolved-link', false]
  ])
  expect(lines(report)).toEqual([
    'a.md:3:5  warning  No section or step of `b.md` has the anchor `#x` linked as `b.md#x`  runsheet:unresolved-link',
    'a.md:3:21  warning  Cannot find `c.md` linked as `c.md`  runsheet:unresolved-link'
  ])
  expect(hasErrors(report)).toBe(false)
})
