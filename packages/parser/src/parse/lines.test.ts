import {describe, expect, test} from 'vitest'
import {parseRunbook} from './parse-runbook.js'
import {toMarkdown} from '../markdown/to-markdown.js'

describe('linesOf', () => {
  test.each([
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
    ['\\n', '\n']
  ])('a paragraph line before one read out of it ends at %s, which stays out of its text and its position', (_, eol) => {
    const source = `## S${eol}${eol}배포${eol}[ ] 예 [ ] 아니오${eol}`
    const {runbook} = parseRunbook(source)
    const [section] = runbook.children
    if (section?.type !== 'section') throw new Error('expected a section')
    const [paragraph] = section.children
    if (paragraph?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${paragraph?.type}`)
    expect(paragraph.children.map((node) => ('value' in node ? node.value : node.type))).toEqual(['배포'])
    const start = source.indexOf('배포')
    expect(paragraph.children[0]?.position).toMatchObject({start: {line: 3, column: 1, offset: start}, end: {line: 3, column: 3, offset: start + 2}})
    const again = toMarkdown(runbook)
    expect(again).not.toContain('\r')
    expect(toMarkdown(parseRunbook(again).runbook)).toBe(again)
  })
})
