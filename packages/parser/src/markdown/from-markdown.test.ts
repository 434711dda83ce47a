import {describe, expect, test} from 'vitest'
import {mdastFromMarkdown} from './from-markdown.js'

describe('mdastFromMarkdown', () => {
  test.each([
    ['closed by a last line', '---\ntitle: a\n---'],
    ['before a heading', '---\ntitle: a\n---\n\n# T\n'],
    ['with CRLF line endings', '---\r\ntitle: a\r\n---\r\n# T\r\n'],
    ['empty', '---\n---\n# T\n'],
    ['with spaces after the fences', '---  \ntitle: a\n--- \n'],
    ['after a byte order mark', '\uFEFF---\ntitle: a\n---\n# T\n'],
    ['with CR line endings', '---\rtitle: a\r---\r# T\r']
  ])('front matter %s is a yaml node', (_, source) => {
    expect(mdastFromMarkdown(source).children[0]).toMatchObject({type: 'yaml'})
  })

  test('a first line `---` never closed is a rule, and what follows reads as CommonMark', () => {
    const tree = mdastFromMarkdown('---\n\n- \n- a\n')
    expect(tree.children.map((node) => node.type)).toEqual(['thematicBreak', 'list'])
    expect(tree.children[1]).toMatchObject({children: [{type: 'listItem'}, {type: 'listItem'}]})
  })
})
