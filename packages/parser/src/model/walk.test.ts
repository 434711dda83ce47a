import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {childrenOf, itemsOf, sectionOf, walk, walkWith, type ModelNode} from './walk.js'

const source = '# T\n\n**버전**: 1.0\n\n## A\n\n- [ ] a\n  ```sh\n  x\n  ```\n  - [ ] a1\n\n### B\n\n| c |\n|---|\n| ____ |\n\n---\n\n*끝*\n'

describe('walk', () => {
  const {runbook} = parseRunbook(source)

  test('visits every node depth first: the title heading, meta, body and footer, titles, item parts, table cells', () => {
    const types: string[] = []
    walk(runbook, (node) => {
      types.push(node.type)
    })
    expect(types).toEqual([
      'runbook',
      'text',
      'field',
      'text',
      'section',
      'text',
      'checklist',
      'item',
      'text',
      'command',
      'item',
      'text',
      'section',
      'text',
      'table',
      'tableRow',
      'text',
      'tableRow',
      'blank',
      'thematicBreak',
      'paragraph',
      'emphasis',
      'text'
    ])
  })

  test('returning false skips a subtree', () => {
    const types: string[] = []
    walk(runbook, (node) => {
      types.push(node.type)
      if (node.type === 'section') return false
      return undefined
    })
    expect(types).toEqual(['runbook', 'text', 'field', 'text', 'section', 'paragraph', 'emphasis', 'text'])
  })

  test('ancestors, nearest last; sectionOf finds the nearest section', () => {
    let path: string[] = []
    let section: string | undefined
    walk(runbook, (node, ancestors) => {
      if (node.type === 'blank') {
        path = ancestors.map((ancestor: ModelNode) => ancestor.type)
        section = sectionOf(ancestors)?.id
      }
    })
    expect(path).toEqual(['runbook', 'section', 'section', 'table', 'tableRow'])
    expect(section).toBe('b')
  })
})

describe('itemsOf and childrenOf', () => {
  test('itemsOf: every step, nested ones included, in document order', () => {
    const {runbook} = parseRunbook(source)
    expect(itemsOf(runbook).map((item) => item.id)).toEqual(['a--a', 'a--a1'])
  })

  test('childrenOf an item: content, then commands, nested blocks and steps in source order', () => {
    const {runbook} = parseRunbook('## S\n\n- [ ] a\n  - [ ] b\n\n  문단\n\n  ```sh\n  x\n  ```\n')
    const [item] = itemsOf(runbook)
    expect(item && childrenOf(item).map((node) => node.type)).toEqual(['text', 'item', 'paragraph', 'command'])
  })
})

describe('walkWith', () => {
  const {runbook} = parseRunbook(source)

  test('calls each visitor only for the node types it names, in the order of the visitors, then done', () => {
    const calls: string[] = []
    walkWith(runbook, [
      {
        item: (node, ancestors) => calls.push(`first item ${node.text} under ${ancestors.at(-1)?.type}`),
        blank: (node) => calls.push(`first blank ${node.width}`),
        done: () => calls.push('first done')
      },
      {
        item: (node) => calls.push(`second item ${node.text}`),
        done: () => calls.push('second done')
      }
    ])
    expect(calls).toEqual([
      'first item a under checklist',
      'second item a',
      'first item a1 under item',
      'second item a1',
      'first blank 4',
      'first done',
      'second done'
    ])
  })
})

describe('walk over a deep model', () => {
  test('100 000 quotes in one another: no recursion, every node with all its ancestors, skips honoured', () => {
    const depth = 100_000
    let node: ModelNode = {type: 'paragraph', children: [{type: 'text', value: 'deepest'}]}
    for (let level = 0; level < depth; level++) node = {type: 'blockquote', children: [node as never]}
    const root: ModelNode = {type: 'blockquote', children: [node as never, {type: 'thematicBreak'}]}
    let seen = 0
    let deepest = -1
    walk(root, (each, ancestors) => {
      seen++
      if (each.type === 'text') deepest = ancestors.length
    })
    expect(seen).toBe(depth + 4)
    expect(deepest).toBe(depth + 2)
    const types: string[] = []
    walk(root, (each, ancestors) => {
      types.push(each.type)
      if (ancestors.length === 1 && each.type === 'blockquote') return false
    })
    expect(types).toEqual(['blockquote', 'blockquote', 'thematicBreak'])
  })
})
