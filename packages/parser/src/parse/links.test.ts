import {describe, expect, test} from 'vitest'
import {walk} from '../model/walk.js'
import type {Link} from '../schema/inline.js'
import type {ParseOptions} from './options.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

function linksOf(source: string, options?: ParseOptions): Link[] {
  const links: Link[] = []
  walk(parseRunbook(source, options).runbook, (node) => {
    if (node.type === 'link') links.push(node)
  })
  return withoutPositions(links)
}

describe('link forms', () => {
  test('inline: `[text](href "title")`', () => {
    expect(linksOf('[AWS 배포 가이드](docs/AWS_DEPLOYMENT_GUIDE.ko.md "가이드")\n')).toEqual([
      {
        type: 'link',
        href: 'docs/AWS_DEPLOYMENT_GUIDE.ko.md',
        title: '가이드',
        target: {kind: 'runbook', path: 'docs/AWS_DEPLOYMENT_GUIDE.ko.md', lang: 'ko'},
        form: 'inline',
        children: [{type: 'text', value: 'AWS 배포 가이드'}]
      }
    ])
  })

  test('reference-style: resolved through its definition, label kept', () => {
    expect(linksOf('See [the API][api-doc].\n\n[api-doc]: ./docs/API.md "API 문서"\n')).toEqual([
      {
        type: 'link',
        href: './docs/API.md',
        title: 'API 문서',
        target: {kind: 'runbook', path: './docs/API.md'},
        form: 'reference',
        label: 'api-doc',
        children: [{type: 'text', value: 'the API'}]
      }
    ])
  })

  test('collapsed and shortcut references, matched case-insensitively', () => {
    expect(linksOf('[Runbook][] and [RUNBOOK]\n\n[runbook]: https://example.com/rb\n').map((link) => [link.form, link.label, link.href])).toEqual([
      ['reference', 'Runbook', 'https://example.com/rb'],
      ['reference', 'RUNBOOK', 'https://example.com/rb']
    ])
  })

  test('a reference without a definition stays text, as written', () => {
    const {runbook} = parseRunbook('## S\n\n[미정의][nope] 끝\n')
    const [section] = runbook.children
    expect(linksOf('[미정의][nope] 끝\n')).toEqual([])
    expect(section?.type === 'section' && section.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{type: 'text', value: '[미정의][nope] 끝'}]
    })
  })

  test('autolinks: `<https://…>` and a bare URL literal', () => {
    expect(linksOf('- <https://auto.example.com>\n- 헬스 체크: https://your-domain.com/health\n- www.example.com\n')).toEqual([
      {
        type: 'link',
        href: 'https://auto.example.com',
        title: null,
        target: {kind: 'external'},
        form: 'autolink',
        children: [{type: 'text', value: 'https://auto.example.com'}]
      },
      {
        type: 'link',
        href: 'https://your-domain.com/health',
        title: null,
        target: {kind: 'external'},
        form: 'autolink',
        children: [{type: 'text', value: 'https://your-domain.com/health'}]
      },
      {
        type: 'link',
        href: 'http://www.example.com',
        title: null,
        target: {kind: 'external'},
        form: 'autolink',
        children: [{type: 'text', value: 'www.example.com'}]
      }
    ])
  })

  test('links in headings, fields, items and table cells', () => {
    const source = '## [제목](a.md)\n\n**문서**: [b](b.md)\n\n- [ ] [c](c.md)\n\n| d |\n|---|\n| [d](d.md) |\n'
    expect(linksOf(source).map((link) => link.href)).toEqual(['a.md', 'b.md', 'c.md', 'd.md'])
  })
})

describe('link targets', () => {
  test.each([
    ['docs/TROUBLESHOOTING.ko.md', {kind: 'runbook', path: 'docs/TROUBLESHOOTING.ko.md', lang: 'ko'}],
    ['docs/TROUBLESHOOTING.en.md', {kind: 'runbook', path: 'docs/TROUBLESHOOTING.en.md', lang: 'en'}],
    ['docs/TROUBLESHOOTING.md', {kind: 'runbook', path: 'docs/TROUBLESHOOTING.md'}],
    ['../guide.markdown', {kind: 'runbook', path: '../guide.markdown'}],
    ['docs/GUIDE.ko.md#설치-방법', {kind: 'runbook', path: 'docs/GUIDE.ko.md', anchor: '설치-방법', lang: 'ko'}],
    ['docs/GUIDE.md?plain=1#top', {kind: 'runbook', path: 'docs/GUIDE.md', anchor: 'top'}],
    ['docs/%EA%B0%80%EC%9D%B4%EB%93%9C.md', {kind: 'runbook', path: 'docs/가이드.md'}],
    ['scripts/rollback.sh', {kind: 'file', path: 'scripts/rollback.sh'}],
    ['./images/arch.png', {kind: 'file', path: './images/arch.png'}],
    ['docs/', {kind: 'file', path: 'docs/'}],
    ['https://console.aws.amazon.com/cloudwatch/', {kind: 'external'}],
    ['mailto:oncall@example.com', {kind: 'external'}],
    ['//cdn.example.com/x.md', {kind: 'external'}],
    ['#-롤백-절차', {kind: 'anchor', anchor: '-롤백-절차'}],
    ['#%EB%A1%A4%EB%B0%B1', {kind: 'anchor', anchor: '롤백'}]
  ])('%s → %o', (href, target) => {
    expect(linksOf(`[x](${href})\n`)[0]?.target).toEqual(target)
  })
})

describe('resolution against a root', () => {
  const files = new Set(['runbooks/docs/GUIDE.ko.md', 'scripts/rollback.sh', 'runbooks/docs/API.md'])
  const options = (asked: string[]): ParseOptions => ({
    path: 'runbooks/deploy.ko.md',
    root: '',
    exists: (path) => {
      asked.push(path)
      return files.has(path)
    }
  })

  test('relative paths are resolved from the linking file and checked with `exists`', () => {
    const asked: string[] = []
    const source = '[a](docs/GUIDE.ko.md)\n[b](../scripts/rollback.sh)\n[c](./docs/API.md#x)\n[d](missing.md)\n'
    expect(linksOf(source, options(asked)).map((link) => [link.target.resolved, link.target.exists])).toEqual([
      ['runbooks/docs/GUIDE.ko.md', true],
      ['scripts/rollback.sh', true],
      ['runbooks/docs/API.md', true],
      ['runbooks/missing.md', false]
    ])
    expect(asked).toEqual(expect.arrayContaining(['runbooks/docs/GUIDE.ko.md', 'scripts/rollback.sh', 'runbooks/docs/API.md', 'runbooks/missing.md']))
  })

  // GitHub and static sites read `/x` from the root of the repository, which is what `root` names.
  test('a root-relative path (`/scripts/rollback.sh`) is resolved against the root', () => {
    const [link] = linksOf('[x](/scripts/rollback.sh)\n', options([]))
    expect(link?.target).toMatchObject({resolved: 'scripts/rollback.sh', exists: true})
  })

  test('a path that climbs out of the root is resolved, and `exists` decides whether it is there', () => {
    const asked: string[] = []
    const [link] = linksOf('[x](../../outside.md)\n', {path: 'runbooks/deploy.md', root: '', exists: (path) => (asked.push(path), false)})
    expect(link?.target).toMatchObject({resolved: '../outside.md', exists: false})
    expect(asked).toContain('../outside.md')
  })

  test('external links and anchors are not resolved', () => {
    const asked: string[] = []
    const targets = linksOf('[a](https://example.com/x.md)\n[b](#top)\n\n## Top\n', options(asked)).map((link) => link.target)
    expect(targets).toEqual([{kind: 'external'}, {kind: 'anchor', anchor: 'top'}])
    expect(asked.filter((path) => path.includes('example') || path.includes('top'))).toEqual([])
  })

  test('without a root, nothing is resolved', () => {
    expect(linksOf('[a](docs/GUIDE.md)\n', {path: 'runbooks/deploy.md'})[0]?.target).toEqual({kind: 'runbook', path: 'docs/GUIDE.md'})
  })

  test('a root without `exists` resolves but does not check', () => {
    expect(linksOf('[a](docs/GUIDE.md)\n', {path: 'runbooks/deploy.md', root: ''})[0]?.target).toEqual({
      kind: 'runbook',
      path: 'docs/GUIDE.md',
      resolved: 'runbooks/docs/GUIDE.md'
    })
  })

  test('each unresolved link is a diagnostic at the link', () => {
    const source = '## S\n\n- [ok](docs/GUIDE.ko.md)\n- [gone](missing.md)\n- [script](../scripts/gone.sh)\n'
    const {messages} = parseRunbook(source, options([]))
    expect(messages.map((message) => [message.ruleId, message.source, message.line, message.column, message.reason])).toEqual([
      ['unresolved-link', 'runsheet', 4, 3, 'Cannot find `runbooks/missing.md` linked as `missing.md`'],
      ['unresolved-link', 'runsheet', 5, 3, 'Cannot find `scripts/gone.sh` linked as `../scripts/gone.sh`']
    ])
  })
})
