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
