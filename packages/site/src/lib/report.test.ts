import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {formatMessage, siteMessages} from './report.js'
import {createSite} from './site.js'

test('a runbook whose page would replace a home page is an error', () => {
  const site = createSite(parseFolder({'ko.md': '# Korean?\n', 'a.md': '# A\n'}), {lang: 'en'})
  expect(siteMessages(site).map((message) => `${message.path} ${message.severity} ${message.rule}`)).toEqual(['ko.md error runsheet:route-conflict'])
})

test('two runbooks with one page are an error naming both, letters of either case alike', () => {
  const site = createSite(parseFolder({'y.md': '# Y\n', 'y.MD': '# Y again\n', 'Ops/Deploy.md': '# D\n', 'ops/deploy.md': '# d\n', 'z.md': '# Z\n'}))
  expect(siteMessages(site).map((message) => `${message.path} ${message.severity} ${message.reason}`)).toEqual([
    'ops/deploy.md error Its page would be `/ops/deploy/`, which is already the page of `Ops/Deploy.md`: rename one of the two files',
    'y.md error Its page would be `/y/`, which is already the page of `y.MD`: rename one of the two files'
  ])
})

test('unresolved links are reported as file:line:col  warning  message  rule', () => {
  const site = createSite(parseFolder({'a.md': '# A\n\nSee [b](b.md#x) and [c](c.md).\n', 'b.md': '# B\n'}))
  const lines = siteMessages(site).map((message) => formatMessage(message, 'runbooks'))
  expect(lines).toEqual([
    'runbooks/a.md:3:5  warning  No section or step of `b.md` has the anchor `#x` linked as `b.md#x`  runsheet:unresolved-link',
    'runbooks/a.md:3:21  warning  Cannot find `c.md` linked as `c.md`  runsheet:unresolved-link'
  ])
})
