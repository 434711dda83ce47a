/**
 * The linter and the site agree on the anchors of a runbook: they are the element ids its page gives
 * sections, headings, steps, blanks and choices, and a `#fragment` link is reported by `runsheet lint`
 * exactly when the page marks it unresolved. Over every example runbook, the shared corpus (skipped only
 * when ../shared/corpus is absent) and runbooks written for the edge cases.
 */
import {existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {anchorsOf, parseRunbook, walk} from '@runsheet/parser'
import {describe, expect, test} from 'vitest'
import {collectRunbooks, type LoadedRunbook} from './collect.js'
import {headingId} from './headings.js'
import {elementIdOf, resolveLink} from './links.js'
import {renderContext} from './render-context.js'
import {createSite, entryOf, type Site} from './site.js'

/** What these checks read of a loaded runbook. */
type Parsed = Pick<LoadedRunbook, 'path' | 'runbook' | 'messages'>

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const examples = resolve(repository, 'examples')
const corpus = resolve(repository, '../shared/corpus')

/** A `#fragment` link of a runbook: where it is, and whether the linter and the site find where it goes. */
interface AnchorLink {
  where: string
  linted: boolean
  dead: boolean
}

function anchorLinksOf(loaded: readonly Parsed[], site: Site): AnchorLink[] {
  const found: AnchorLink[] = []
  for (const {path, runbook, messages} of loaded) {
    const entry = entryOf(site, path)!
    const place = (point?: {line?: number; column?: number}) => `${path}:${point?.line}:${point?.column}`
    const linted = messages
      .filter((message) => message.ruleId === 'unresolved-link' && message.reason.startsWith('No section or step'))
      .map((message) => place(message))
    const places: string[] = []
    walk(runbook, (node) => {
      if (node.type !== 'link' || node.target.kind !== 'anchor' || !node.target.anchor) return
      const where = place(node.position?.start)
      places.push(where)
      found.push({where: `${where} ${node.href}`, linted: linted.includes(where), dead: resolveLink(node, entry, site).kind === 'unresolved'})
    })
    // The linter reports dead anchors on these links only.
    expect(linted.filter((where) => !places.includes(where))).toEqual([])
  }
  return found
}

/** The element ids a runbook's page gives its model nodes, as its components set them. */
function pageIdsOf(loaded: Parsed, site: Site): Set<string> {
  const ctx = renderContext(loaded.runbook, {site})
  const ids = new Set(ctx.ids)
  walk(loaded.runbook, (node) => {
    if (node.type === 'section') ids.add(headingId(node, ctx.ids))
  })
  return new Set([...ids].filter((id) => !id.startsWith('rs:')))
}

function expectAgreement(loaded: readonly Parsed[]): AnchorLink[] {
  const site = createSite(loaded.map((each) => each.runbook))
  for (const each of loaded) {
    const anchors = anchorsOf(each.runbook)
    // The anchors are the page's element ids (and their lower case): no more, no fewer.
    const pageIds = pageIdsOf(each, site)
    expect(new Set(anchors.keys()), each.path).toEqual(new Set([...pageIds, ...[...pageIds].map((id) => id.toLowerCase())]))
    // Each lands on an element of the page, the same one for the linter and the site.
    for (const [anchor, id] of anchors) {
      expect([anchor, elementIdOf(each.runbook, anchor)], each.path).toEqual([anchor, id])
      expect(pageIds.has(id), `${each.path}: #${anchor} lands on #${id}`).toBe(true)
    }
  }
  const links = anchorLinksOf(loaded, site)
  expect(links.map(({where, linted}) => [where, linted])).toEqual(links.map(({where, dead}) => [where, dead]))
  return links
}

describe('the linter and the site agree on anchors', () => {
  test('in every example runbook', async () => {
    const loaded = await collectRunbooks(examples)
    expect(loaded.length).toBeGreaterThan(0)
    const links = expectAgreement(loaded)
    expect(links.length).toBeGreaterThan(0)
  })

  test.skipIf(!existsSync(corpus))('in every runbook of the shared corpus', async () => {
    const loaded = await collectRunbooks(corpus)
    expect(loaded.length).toBeGreaterThan(0)
    expectAgreement(loaded)
  })

  test('on the title, blanks, choices, GitHub anchors, case and forward links', () => {
    const source = [
      '# Deploy',
      '',
      '## Production',
      '',
      '[title](#deploy) [subtitle](#production) [forward](#-rollback) [step](#rollback--undo) [upper](#ROLLBACK)',
      '[blank](#rollback--deployer) [choice](#rollback--result) [nowhere](#rollback--nope)',
      '',
      '## 🔄 Rollback',
      '',
      '- [ ] Undo',
      '',
      '**Deployer**: ____',
      '',
      '**Result**: [ ] Success [ ] Failed',
      ''
    ].join('\n')
    const {runbook, messages} = parseRunbook(source, {path: 'deploy.md'})
    const links = expectAgreement([{path: 'deploy.md', runbook, messages}])
    // The title and subtitle carry their GitHub anchors as ids, as on GitHub.
    expect(links.filter((link) => link.dead).map((link) => link.where.split(' ')[1])).toEqual(['#rollback--nope'])
  })
})
