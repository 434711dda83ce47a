import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {mdastFromMarkdown} from '../markdown/from-markdown.js'
import type {Block} from '../schema/blocks.js'
import {withoutPositions} from '../test-util/files.js'
import {withAdmonitions} from './admonitions.js'
import {createContext} from './context.js'
import {parseRunbook, runbookFromMdast} from './parse-runbook.js'

function blocksOf(source: string): Block[] {
  return withoutPositions(parseRunbook(source).runbook.children)
}

describe('withAdmonitions', () => {
  test('reads admonitions into the tree at every depth, without changing the tree it is given', () => {
    const source = [
      '!!! note "위"',
      '    본문',
      '',
      '> !!! tip',
      '>     인용 안',
      '',
      '- 항목',
      '',
      '  !!! warning',
      '      목록 안',
      '',
      '[^1]: 각주',
      '',
      '    !!! danger',
      '',
      '        각주 안',
      ''
    ].join('\n')
    const tree = mdastFromMarkdown(source)
    const before = structuredClone(tree)
    const context = createContext(source, new VFile(source), {}, defaultKeywords)
    const read = withAdmonitions(tree.children, context)
    expect(tree).toEqual(before)
    expect(read.map((node) => node.type)).toEqual(['admonition', 'blockquote', 'list', 'footnoteDefinition'])
    expect(read[0]).toMatchObject({type: 'admonition', kind: 'note', title: '위', children: [{type: 'paragraph'}]})
    expect(read[1]).toMatchObject({type: 'blockquote', children: [{type: 'admonition', kind: 'tip', children: [{type: 'paragraph'}]}]})
    expect(read[2]).toMatchObject({type: 'list', children: [{children: [{type: 'paragraph'}, {type: 'admonition', kind: 'warning'}]}]})
    expect(read[3]).toMatchObject({type: 'footnoteDefinition', children: [{type: 'paragraph'}, {type: 'admonition', kind: 'caution'}]})

    runbookFromMdast(tree, source)
    expect(tree).toEqual(before)
  })

  test('siblings without an admonition come back as they were given', () => {
    const source = '# 제목\n\n- [ ] 확인\n\n> 인용\n'
    const tree = mdastFromMarkdown(source)
    const context = createContext(source, new VFile(source), {}, defaultKeywords)
    expect(withAdmonitions(tree.children, context)).toBe(tree.children)
  })

  test('in a task entry, the first paragraph is the task and code is a command, never an admonition body', () => {
    const source = '- [ ] 배포\n\n  !!! note\n\n      kubectl get pods\n'
    expect(blocksOf(source)).toMatchObject([
      {
        type: 'checklist',
        items: [{text: '배포', commands: [{code: 'kubectl get pods'}], children: [{type: 'paragraph', children: [{type: 'text', value: '!!! note'}]}]}]
      }
    ])
    // In a plain entry the same lines are an admonition.
    expect(blocksOf(source.replace('[ ] ', ''))).toMatchObject([
      {type: 'list', items: [{children: [{type: 'paragraph'}, {type: 'callout', syntax: 'admonition', children: [{type: 'paragraph'}]}]}]}
    ])
  })
})

describe('admonition types and markers', () => {
  // MkDocs Material's types, each family with its aliases, and the kind the family is shown as.
  const families: Array<[string, string[]]> = [
    ['note', ['note', 'abstract', 'summary', 'tldr', 'info', 'todo', 'question', 'help', 'faq', 'example', 'quote', 'cite']],
    ['tip', ['tip', 'hint', 'success', 'check', 'done']],
    ['important', ['important']],
    ['warning', ['warning', 'attention']],
    ['caution', ['caution', 'danger', 'error', 'failure', 'fail', 'missing', 'bug']]
  ]
  const types = families.flatMap(([kind, aliases]) => aliases.flatMap((type) => [[type, kind], [type.toUpperCase(), kind]]))
  test.each(types)('`!!! %s` is a callout shown as %s, its type kept as written', (type, kind) => {
    expect(blocksOf(`!!! ${type}\n    본문`)).toEqual([
      {type: 'callout', kind, tag: type, syntax: 'admonition', title: null, children: [{type: 'paragraph', children: [{type: 'text', value: '본문'}]}]}
    ])
  })

  test.each([
    ['!!!', undefined],
    ['???', 'closed'],
    ['???+', 'open']
  ])('`%s` is kept as collapsible: %s', (marker, collapsible) => {
    const [callout] = blocksOf(`${marker} tip "제목"\n\n    본문`)
    expect(callout).toMatchObject({type: 'callout', kind: 'tip', tag: 'tip', title: '제목'})
    expect(callout && 'collapsible' in callout ? callout.collapsible : undefined).toBe(collapsible)
  })

  test('`??` and `?????` are not markers', () => {
    expect(blocksOf('?? note\n    본문').map((block) => block.type)).toEqual(['paragraph'])
    expect(blocksOf('????? note\n    본문').map((block) => block.type)).toEqual(['paragraph'])
  })
})

describe('indentation of a body', () => {
  test('an admonition in another one’s body has its body four columns past its own marker, placed in the file', () => {
    const source = '!!! warning\n    바깥\n\n    ??? note\n        안쪽 **굵게**\n'
    const [outer] = parseRunbook(source).runbook.children
    expect(withoutPositions(outer)).toEqual({
      type: 'callout',
      kind: 'warning',
      tag: 'warning',
      syntax: 'admonition',
      title: null,
      children: [
        {type: 'paragraph', children: [{type: 'text', value: '바깥'}]},
        {
          type: 'callout',
          kind: 'note',
          tag: 'note',
          syntax: 'admonition',
          collapsible: 'closed',
          title: null,
          children: [{type: 'paragraph', children: [{type: 'text', value: '안쪽 '}, {type: 'strong', children: [{type: 'text', value: '굵게'}]}]}]
        }
      ]
    })
    const inner = outer?.type === 'callout' ? outer.children[1] : undefined
    const paragraph = inner?.type === 'callout' ? inner.children[0] : undefined
    const text = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
    expect(text?.position?.start).toEqual({line: 5, column: 9, offset: source.indexOf('안쪽')})
  })

  test('in a quote, each body line is quoted as the marker line is, blank ones too; placed in the file', () => {
    const source = '> > ??? tip "제목"\n> >     인용 안\n> >\n> >     - [ ] 확인\n'
    const [outer] = parseRunbook(source).runbook.children
    const inner = outer?.type === 'blockquote' ? outer.children[0] : undefined
    const callout = inner?.type === 'blockquote' ? inner.children[0] : undefined
    expect(withoutPositions(callout)).toMatchObject({
      type: 'callout',
      kind: 'tip',
      collapsible: 'closed',
      title: '제목',
      children: [{type: 'paragraph', children: [{type: 'text', value: '인용 안'}]}, {type: 'checklist', items: [{text: '확인'}]}]
    })
    const checklist = callout?.type === 'callout' ? callout.children[1] : undefined
    expect(checklist?.position?.start).toEqual({line: 4, column: 9, offset: source.indexOf('- [ ] 확인')})
    // A lazy line, not quoted, is not a body line: the lines stay a quote's paragraph.
    expect(blocksOf('> !!! tip\n    인용 안\n')).toMatchObject([{type: 'blockquote', children: [{type: 'paragraph'}]}])
  })

  test('in a list entry, the body is indented past the marker, not past the line start', () => {
    const source = '- 항목\n\n  !!! note\n      목록 안\n'
    expect(blocksOf(source)).toMatchObject([{type: 'list', items: [{children: [{type: 'paragraph'}, {type: 'callout', children: [{type: 'paragraph'}]}]}]}])
    // Four columns from the line start is only two past the marker: not a body, the lines stay a paragraph.
    const [list] = blocksOf('- 항목\n\n  !!! note\n    목록 안\n')
    expect(list?.type === 'list' ? list.items[0]?.children.map((block) => block.type) : undefined).toEqual(['paragraph', 'paragraph'])
  })
})

describe('admonitions in a task entry', () => {
  // CommonMark reads what follows the blank line as the entry's indented code; it is the body going on.
  test('a body begun under the marker line goes on after a blank line, as toMarkdown writes one of several blocks', () => {
    const source = '- [ ] 배포\n\n  !!! note\n      설명\n\n      - 하나\n\n      1. 둘\n'
    const [checklist] = blocksOf(source)
    expect(checklist).toMatchObject({type: 'checklist', items: [{text: '배포', commands: [], children: [{type: 'callout'}]}]})
    const callout = checklist?.type === 'checklist' ? checklist.items[0]?.children[0] : undefined
    expect(callout?.type === 'callout' ? callout.children.map((block) => block.type) : undefined).toEqual(['paragraph', 'list', 'list'])
  })
})
