import {walk, type Link} from '@runsheet/parser'
import {describe, expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {elementIdOf, resolveLink} from './links.js'
import {createSite, entryOf} from './site.js'

const site = createSite(
  parseFolder({
    'deploy.md': '# Deploy\n\n## 🔄 Rollback procedure\n\n- [ ] Roll back\n',
    'docs/guide.md': [
      '# Guide',
      '',
      '- [rollback](../deploy.md#-rollback-procedure)',
      '- [deploy](../deploy.md)',
      '- [dead anchor](../deploy.md#nowhere)',
      '- [script](../scripts/run.sh)',
      '- [missing](missing.md)',
      '- [here](#guide-section)',
      '- [site](https://example.com/a?b=1)',
      '- [evil](javascript:alert(1))',
      '- [data](data:text/html;base64,PHNjcmlwdD4=)',
      '',
      '## Guide section',
      ''
    ].join('\n'),
    'scripts/run.sh': ''
  }).filter((runbook) => runbook.source.path?.endsWith('.md')),
  {repoUrl: 'https://git.example/repo/blob/main/'}
)

function links(path: string): Link[] {
  const found: Link[] = []
  walk(entryOf(site, path)!.runbook, (node) => {
    if (node.type === 'link') found.push(node)
  })
  return found
}

describe('resolveLink', () => {
  const guide = entryOf(site, 'docs/guide.md')!
  const resolved = Object.fromEntries(links('docs/guide.md').map((link) => [link.href, resolveLink(link, guide, site)]))

  test('a runbook link with a GitHub anchor goes to the section id', () => {
    expect(resolved['../deploy.md#-rollback-procedure']).toMatchObject({kind: 'page', href: '/deploy/#rollback-procedure'})
  })

  test('a runbook link without anchor goes to the page', () => {
    expect(resolved['../deploy.md']).toMatchObject({kind: 'page', href: '/deploy/'})
  })

  test('a dead anchor in another runbook is unresolved', () => {
    expect(resolved['../deploy.md#nowhere']).toMatchObject({kind: 'unresolved'})
  })

  test('a file shows its repository path, linked to the repository', () => {
    expect(resolved['../scripts/run.sh']).toEqual({kind: 'file', path: 'scripts/run.sh', href: 'https://git.example/repo/blob/main/scripts/run.sh'})
  })

  test('a missing runbook is unresolved', () => {
    expect(resolved['missing.md']).toMatchObject({kind: 'unresolved', reason: expect.stringContaining('docs/missing.md')})
  })

  test('an anchor of the same page lands on the section', () => {
    expect(resolved['#guide-section']).toEqual({kind: 'anchor', href: '#guide-section'})
  })

  test('external links keep their URL; script and data URLs are refused', () => {
    expect(resolved['https://example.com/a?b=1']).toEqual({kind: 'external', href: 'https://example.com/a?b=1'})
    expect(resolved['javascript:alert(1)']).toMatchObject({kind: 'unresolved', reason: expect.stringContaining('javascript:')})
    expect(resolved['data:text/html;base64,PHNjcmlwdD4=']).toMatchObject({kind: 'unresolved'})
  })
})

describe('elementIdOf', () => {
  const deploy = entryOf(site, 'deploy.md')!.runbook
  test('maps GitHub anchors, ids and upper case to the section id', () => {
    expect(elementIdOf(deploy, '-rollback-procedure')).toBe('rollback-procedure')
    expect(elementIdOf(deploy, 'rollback-procedure')).toBe('rollback-procedure')
    expect(elementIdOf(deploy, 'Rollback-Procedure')).toBe('rollback-procedure')
    expect(elementIdOf(deploy, 'nope')).toBeUndefined()
  })

  test('maps the ids of blanks and choices to their inputs', () => {
    const [sheet] = parseFolder({'sheet.md': '## Sign-off\n\n**Deployer**: ____\n\n**Result**: [ ] Success [ ] Failed\n'})
    expect(elementIdOf(sheet!, 'sign-off--deployer')).toBe('sign-off--deployer')
    expect(elementIdOf(sheet!, 'Sign-off--Result')).toBe('sign-off--result')
  })

  // The header's title carries its GitHub anchor as its element id, as on GitHub.
  test("the title's GitHub anchor lands on the title", () => {
    expect(elementIdOf(deploy, 'deploy')).toBe('deploy')
    expect(elementIdOf(deploy, 'nowhere')).toBeUndefined()
  })
})

test('without a repository URL a file link is unlinked', () => {
  const bare = createSite(site.entries.map((entry) => entry.runbook))
  const guide = entryOf(bare, 'docs/guide.md')!
  const link = links('docs/guide.md').find((each) => each.href === '../scripts/run.sh')!
  expect(resolveLink(link, guide, bare)).toEqual({kind: 'file', path: 'scripts/run.sh', href: null})
})
