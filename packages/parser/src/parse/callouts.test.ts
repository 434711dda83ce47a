import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import type {Block} from '../schema/blocks.js'
import {walk} from '../model/walk.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

function blocksOf(body: string): Block[] {
  const [section] = parseRunbook(`## S\n\n${body}\n`).runbook.children
  if (section?.type !== 'section') throw new Error('expected a section')
  return section.children
}

describe('GitHub alerts', () => {
  test('`> [!WARNING]` is a warning callout; the marker line is not content', () => {
    expect(withoutPositions(blocksOf('> [!WARNING]\n> 운영 DB에 **직접** 접속하지 마세요.'))).toEqual([
      {
        type: 'callout',
        kind: 'warning',
        tag: 'WARNING',
        syntax: 'github',
        title: null,
        children: [
          {
            type: 'paragraph',
            children: [
              {type: 'text', value: '운영 DB에 '},
              {type: 'strong', children: [{type: 'text', value: '직접'}]},
              {type: 'text', value: ' 접속하지 마세요.'}
            ]
          }
        ]
      }
    ])
  })

  test.each([
    ['NOTE', 'note'],
    ['TIP', 'tip'],
    ['IMPORTANT', 'important'],
    ['WARNING', 'warning'],
    ['CAUTION', 'caution'],
    ['caution', 'caution']
  ])('`> [!%s]` → %s', (marker, kind) => {
    expect(blocksOf(`> [!${marker}]\n> body`)).toMatchObject([{type: 'callout', kind, tag: marker, syntax: 'github'}])
  })

  test('a title after the marker, and a body of several blocks', () => {
    const [callout] = withoutPositions(blocksOf('> [!NOTE] Before you start\n> Read this.\n>\n> - [ ] 확인'))
    expect(callout).toMatchObject({type: 'callout', kind: 'note', title: 'Before you start'})
    expect(callout?.type === 'callout' && callout.children.map((block) => block.type)).toEqual(['paragraph', 'checklist'])
  })

  test('an alert with nothing under the marker has no children', () => {
    expect(withoutPositions(blocksOf('> [!TIP]'))).toEqual([{type: 'callout', kind: 'tip', tag: 'TIP', syntax: 'github', title: null, children: []}])
  })

  test('a plain blockquote, and one with an unknown marker, stay blockquotes', () => {
    expect(withoutPositions(blocksOf('> 그냥 인용'))).toEqual([
      {type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'text', value: '그냥 인용'}]}]}
    ])
    expect(blocksOf('> [!DANGER]\n> x')).toMatchObject([{type: 'blockquote'}])
  })

  test('the callout spans the whole quote', () => {
    const source = '## S\n\n> [!WARNING]\n> 조심\n'
    const [section] = parseRunbook(source).runbook.children
    const callout = section?.type === 'section' ? section.children[0] : undefined
    expect(callout?.position).toEqual({
      start: {line: 3, column: 1, offset: source.indexOf('>')},
      end: {line: 4, column: 5, offset: source.length - 1}
    })
  })
})

describe('MkDocs admonitions', () => {
  test('`!!! info "Title"`, a blank line and an indented body: a callout whose body is markdown', () => {
    expect(withoutPositions(blocksOf('!!! info "참고 사항"\n\n    본문 **굵게**\n\n    - [ ] 확인'))).toEqual([
      {
        type: 'callout',
        kind: 'note',
        tag: 'info',
        syntax: 'admonition',
        title: '참고 사항',
        children: [
          {type: 'paragraph', children: [{type: 'text', value: '본문 '}, {type: 'strong', children: [{type: 'text', value: '굵게'}]}]},
          {
            type: 'checklist',
            ordered: false,
            start: null,
            spread: false,
            items: [
              {
                type: 'item',
                id: 's--확인',
                checked: false,
                number: null,
                content: [{type: 'text', value: '확인'}],
                text: '확인',
                optional: false,
                criterion: null,
                evidence: [],
                commands: [],
                items: [],
                children: []
              }
            ]
          }
        ]
      }
    ])
  })

  test.each([
    ['warning', 'warning'],
    ['danger', 'caution'],
    ['tip', 'tip'],
    ['note', 'note'],
    ['important', 'important'],
    ['Info', 'note']
  ])('`!!! %s` → %s, without a title', (type, kind) => {
    expect(blocksOf(`!!! ${type}\n\n    body`)).toMatchObject([{type: 'callout', kind, tag: type, syntax: 'admonition', title: null}])
  })

  test('positions inside the body are mapped to the file', () => {
    const source = '## S\n\n!!! warning "조심"\n\n    본문 **굵게**\n\n    - [ ] 담당자: ____\n'
    const {runbook} = parseRunbook(source)
    const [section] = runbook.children
    const callout = section?.type === 'section' ? section.children[0] : undefined
    expect(callout?.position?.start).toEqual({line: 3, column: 1, offset: source.indexOf('!!!')})
    const found: Array<[string, string, number, number]> = []
    walk(runbook, (node) => {
      if ((node.type === 'strong' || node.type === 'blank' || node.type === 'item') && node.position) {
        const {start, end} = node.position
        found.push([node.type, source.slice(start.offset, end.offset), start.line, start.column])
      }
    })
    expect(found).toEqual([
      ['strong', '**굵게**', 5, 8],
      ['item', '- [ ] 담당자: ____', 7, 5],
      ['blank', '____', 7, 16]
    ])
  })

  test('reference links in a body resolve against the definitions of the whole file', () => {
    const [callout] = blocksOf('!!! note\n\n    [가이드][guide] 참고\n\n    - [ ] [문서][doc] 확인\n\n[guide]: ./guide.md\n[doc]: https://example.com/doc')
    const links: unknown[] = []
    walk(callout!, (node) => {
      if (node.type === 'link') links.push(node)
    })
    expect(links).toMatchObject([
      {href: './guide.md', target: {kind: 'runbook'}},
      {href: 'https://example.com/doc', target: {kind: 'external'}}
    ])
  })

  test('a fenced code block after a `!!!` line is not an admonition body', () => {
    expect(blocksOf('!!! note\n\n```bash\nls\n```').map((block) => block.type)).toEqual(['paragraph', 'command'])
  })

  test('an unknown admonition type stays a paragraph and a command', () => {
    expect(blocksOf('!!! nonsense\n\n    body').map((block) => block.type)).toEqual(['paragraph', 'command'])
  })

  // The form Python-Markdown documents and the corpus uses (`09-ko-kisa-…`): the body right under the
  // marker line, with no blank line. CommonMark reads it as one paragraph, so no callout is made.
  test('`!!! info "Title"` with the body on the next line (no blank line) is a callout', () => {
    expect(withoutPositions(blocksOf('!!! info "비밀번호 관리 정책"\n    비밀번호 복잡성 및 길이'))).toEqual([
      {
        type: 'callout',
        kind: 'note',
        tag: 'info',
        syntax: 'admonition',
        title: '비밀번호 관리 정책',
        children: [{type: 'paragraph', children: [{type: 'text', value: '비밀번호 복잡성 및 길이'}]}]
      }
    ])
  })
})

describe('alert titles', () => {
  test('plain words after the marker are a title; a line that goes on with inline HTML is body', async () => {
    const {parseRunbook} = await import('./parse-runbook.js')
    const calloutOf = (source: string) => parseRunbook(source).runbook.children[0]
    expect(calloutOf('> [!WARNING] 배포 중지\n> 본문\n')).toMatchObject({type: 'callout', title: '배포 중지'})
    const mixed = calloutOf('> [!WARNING] 배포 <b>html</b>\n')
    expect(mixed).toMatchObject({type: 'callout', title: null})
    expect(mixed?.type === 'callout' && mixed.children[0]?.type === 'paragraph' && mixed.children[0].children.map((node) => node.type)).toEqual(['text', 'html', 'text', 'html'])
  })

  test('the marker is not English prose for language detection', async () => {
    const {parseRunbook} = await import('./parse-runbook.js')
    expect(parseRunbook('> [!WARNING]\n>\n> 배포 중지\n').runbook.lang).toBe('ko')
  })
})

describe('MkDocs admonitions of prose lines', () => {
  /** The callout of an admonition and the source it was read from. */
  function calloutOf(source: string) {
    const [callout] = parseRunbook(source).runbook.children
    if (callout?.type !== 'callout') throw new Error(`expected a callout from ${JSON.stringify(source)}`)
    return callout
  }

  test('a body right under the marker line reads as the same body after a blank line, placed where it is written', () => {
    const word = fc.stringMatching(/^[A-Za-z가-힣0-9][A-Za-z가-힣0-9 *_`[\]()<>!&.\\-]{0,20}$/)
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 4}), (lines) => {
        const body = lines.map((line) => `    ${line}`).join('\n')
        const under = `!!! note "T"\n${body}\n`
        const apart = `!!! note "T"\n\n${body}\n`
        const read = calloutOf(under)
        expect(withoutPositions(read.children)).toEqual(withoutPositions(calloutOf(apart).children))
        walk(read, (node) => {
          if (node.type === 'text' && node.position && !/[\\&]/.test(under)) {
            expect(under.slice(node.position.start.offset, node.position.end.offset).replace(/[ \t]*\n {4}/g, '\n')).toBe(node.value)
          }
        })
      }),
      {numRuns: 300}
    )
  })
})
