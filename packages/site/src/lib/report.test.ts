import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {formatMessage, siteMessages} from './report.js'
import {createSite} from './site.js'

test('a runbook whose page would replace a home page is an error', () => {
  const site = createSite(parseFolder({'ko.md': '# Korean?\n', 'a.md': '# A\n'}), {lang: 'en'})
  expect(siteMessages(site).map((message) => `${message.path} ${message.severity} ${message.rule}`)).toEqual(['ko.md error runsheet:route-conflict'])
})

test('unresolved links are reported as file:line:col  warning  message  rule', () => {
  const site = createSite(parseFolder({'a.md': '# A\n\nSee [b](b.md#x) and [c](c.md).\n', 'b.md': '# B\n'}))
  const lines = siteMessages(site).map((message) => formatMessage(message, 'runbooks'))
  expect(lines).toEqual([
    'runbooks/a.md:3:5  warning  No section or step of `b.md` has the anchor `#x` linked as `b.md#x`  runsheet:unresolved-link',
    'runbooks/a.md:3:21  warning  Cannot find `c.md` linked as `c.md`  runsheet:unresolved-link'
  ])
})
