import {describe, expect, test} from 'vitest'
import {frontmatterClosingAt, mdastFromMarkdown} from './from-markdown.js'

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

  test.each([
    ['closed', '---\ntitle: a\n---\n', 13],
    ['closed after a byte order mark, with tabs', '\uFEFF---\t\ntitle: a\n---\t\r\n', 15],
    ['closed by a last line', '---\ntitle: a\n---', 13],
    ['closed by a line with a tab, not by a later one', '---\ntitle: a\n---\t\n---\n', 13],
    ['closed by `---` after `...`', '---\ntitle: a\n...\n---\n', 17],
    ['closed with `...`', '---\ntitle: a\n...\n', undefined],
    ['never closed', '---\ntitle: a\n', undefined],
    ['after a blank line', '\n---\ntitle: a\n---\n', undefined]
  ])('frontmatterClosingAt: front matter %s', (_, source, expected) => {
    expect(frontmatterClosingAt(source)).toBe(expected)
    const tree = mdastFromMarkdown(source)
    expect(tree.children[0]?.type === 'yaml').toBe(expected !== undefined)
    if (expected !== undefined) expect(source.slice(expected, expected + 3)).toBe('---')
  })

  test('a first line `---` never closed is a rule, and what follows reads as CommonMark', () => {
    const tree = mdastFromMarkdown('---\n\n- \n- a\n')
    expect(tree.children.map((node) => node.type)).toEqual(['thematicBreak', 'list'])
    expect(tree.children[1]).toMatchObject({children: [{type: 'listItem'}, {type: 'listItem'}]})
  })
})
