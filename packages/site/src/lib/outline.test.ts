import {fileURLToPath} from 'node:url'
import {expect, test} from 'vitest'
import {parseRunbook} from '@runsheet/parser'
import {collectRunbooks} from './collect.js'
import {resolveLink} from './links.js'
import {pageDigests} from './page-digests.js'
import {outlineOf} from './outline.js'
import {homePages} from './pages.js'
import {siteReport} from './report.js'
import {searchPagesOf} from './search-pages.js'
import {createSite, referencedBy, siteOf, translationsOf, type Site} from './site.js'
import {listedSummaries} from './summary.js'

const examples = fileURLToPath(new URL('../../../../examples', import.meta.url))

/** What the whole site is made of besides the runbook pages themselves: what a rebuild computes for every runbook. */
function siteWide(site: Site, models: ReadonlyMap<string, string>): unknown {
  return {
    report: siteReport(site).map((file) => [file.path, file.messages.map((message) => [message.reason, message.line, message.column, message.ruleId])]),
    digests: pageDigests(site, 'code and settings', models),
    lists: homePages(site).map((home) => listedSummaries(site, home.lang).map((summary) => [summary.entry.path, summary.items, summary.blanks, summary.commands, summary.kinds, summary.editions.map((edition) => edition.path)])),
    search: searchPagesOf(site),
    entries: site.entries.map((entry) => ({
      path: entry.path,
      lang: entry.lang,
      title: entry.outline.title,
      referencedBy: referencedBy(site, entry).map((other) => other.path),
      editions: translationsOf(site, entry).map((other) => other.path),
      links: entry.outline.links.map((link) => resolveLink(link, entry, site).kind)
    }))
  }
}

test('the report, the digests, the list pages, the search pages and the links of a site read outlines, never a model', async () => {
  const loaded = await collectRunbooks(examples)
  const models = new Map(loaded.map((each) => [each.path, each.digest!]))
  const read: string[] = []
  const lazy = siteOf(
    loaded.map((each) => ({
      path: each.path,
      outline: each.outline,
      model: () => {
        read.push(each.path)
        return each.runbook
      }
    }))
  )
  const outlined = siteWide(lazy, models)
  expect(read).toEqual([])
  // The same as a site made from the models themselves.
  expect(outlined).toEqual(siteWide(createSite(loaded.map((each) => each.runbook)), models))
  // Links to other pages, to sections of them and within a page, all resolved from outlines.
  const kinds = new Set((outlined as {entries: {links: string[]}[]}).entries.flatMap((entry) => entry.links))
  expect(kinds).toEqual(new Set(['page', 'anchor', 'external', 'file']))
  // A page's model is read when the page asks for it, once.
  const seed = lazy.entries.find((entry) => entry.path === 'production-deploy.ko.md')!
  expect(seed.runbook.title).toBe(seed.outline.title)
  expect(seed.runbook).toBe(seed.runbook)
  expect(read).toEqual(['production-deploy.ko.md'])
})

test('an outline names the runbook as its page shows it: emoji shortcodes as emoji', () => {
  const {runbook} = parseRunbook('# :rocket: Deploy\n\n## :wrench: Tools and steps\n\n- [ ] Ship\n', {path: 'deploy.md'})
  expect(outlineOf(runbook)).toMatchObject({title: '🚀 Deploy'})
})
