import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {mdastFromMarkdown} from './from-markdown.js'

describe('task boxes outside a list item', () => {
  test.each(['* *\n[ ] a', '- -\n[x] a', '> * *\n> [ ] a'])('%j keeps the box as text, in place', (source) => {
    const tree = mdastFromMarkdown(source)
    expect(tree).not.toHaveProperty('checked')
    const paragraph = tree.children.at(-1)?.type === 'blockquote' ? (tree.children.at(-1) as {children: unknown[]}).children.at(-1) : tree.children.at(-1)
    expect(paragraph).toMatchObject({type: 'paragraph', children: [{type: 'text', value: source.includes('[x]') ? '[x] a' : '[ ] a'}]})
    const text = (paragraph as {children: Array<{position: {start: {offset: number}; end: {offset: number}}}>}).children[0]!
    expect(source.slice(text.position.start.offset, text.position.end.offset)).toBe(source.includes('[x]') ? '[x] a' : '[ ] a')
  })

  test('in a runbook, such a box is a choice of one option, as in any paragraph', () => {
    const {runbook} = parseRunbook('* *\n[ ] 서버 점검\n')
    expect(runbook.children.at(-1)).toMatchObject({type: 'choice', options: [{label: '서버 점검', checked: false}]})
  })

  test('a box after another block of the item does not tick it, and stays', () => {
    const [list] = mdastFromMarkdown('- *\n  [ ] a\n').children
    expect(list).toMatchObject({type: 'list', children: [{checked: null, children: [{type: 'list'}, {type: 'paragraph', children: [{type: 'text', value: '[ ] a'}]}]}]})
  })

  test('a box in a list item still ticks the item', () => {
    const [list] = mdastFromMarkdown('- [x] a\n- [ ] b\n').children
    expect(list).toMatchObject({type: 'list', children: [{checked: true}, {checked: false}]})
  })
})
