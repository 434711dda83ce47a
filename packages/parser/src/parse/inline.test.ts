import {describe, expect, test} from 'vitest'
import {walk} from '../model/walk.js'
import type {Blank} from '../schema/inline.js'
import {parseRunbook} from './parse-runbook.js'

function blanksOf(source: string): Blank[] {
  const blanks: Blank[] = []
  walk(parseRunbook(source).runbook, (node) => {
    if (node.type === 'blank') blanks.push(node)
  })
  return blanks
}

/** The source text a node's position points at. */
function sourceAt(source: string, node: {position?: {start: {offset: number}; end: {offset: number}}}): string | undefined {
  return node.position ? source.slice(node.position.start.offset, node.position.end.offset) : undefined
}

describe('blanks', () => {
  test('a run of three or more underscores is a blank of that width; two are text', () => {
    const source = '## S\n\n값 __ 그리고 ___ 또 __________\n'
    expect(blanksOf(source).map((blank) => blank.width)).toEqual([3, 10])
  })

  test('underscores written as character references are text, not a blank; escaped ones are a blank', () => {
    const source = '## S\n\nimage app&#95;&#95;&#95;v2, tag &#95;__ and \\_\\_\\_\n'
    expect(blanksOf(source).map((blank) => [blank.width, sourceAt(source, blank)])).toEqual([[3, '\\_\\_\\_']])
    expect(parseRunbook(source).runbook.children[0]).toMatchObject({children: [{type: 'paragraph', children: [{type: 'text', value: 'image app___v2, tag ___ and '}, {type: 'blank'}]}]})
  })

  test('in a field: labelled by the field', () => {
    expect(blanksOf('## S\n\n**배포 날짜**: ___________\n')).toMatchObject([{width: 11, label: '배포 날짜'}])
  })

  test('in a paragraph: labelled by the words and colon before it, else unlabelled', () => {
    const blanks = blanksOf('## S\n\n발생 시각: _____ 그리고 ___\n')
    expect(blanks.map((blank) => blank.label)).toEqual(['발생 시각', undefined])
  })

  // The words before a blank label it only at the top level of a line, not inside emphasis or strong.
  test('in emphasis: labelled by the words before it, like outside', () => {
    expect(blanksOf('## S\n\n*작성자: ____*\n').map((blank) => blank.label)).toEqual(['작성자'])
  })

  test('in an item: labelled by the words before it', () => {
    const blanks = blanksOf('## S\n\n- [ ] 확인자: ______\n- [ ] Ticket number: ____\n')
    expect(blanks.map((blank) => [blank.label, blank.width])).toEqual([
      ['확인자', 6],
      ['Ticket number', 4]
    ])
  })

  test('in a table cell: labelled by the row and the column', () => {
    const source = '## S\n\n| 역할 | 이름 | 연락처 |\n|---|---|---|\n| DevOps 리드 | _______ | ____ |\n'
    expect(blanksOf(source).map((blank) => blank.label)).toEqual(['DevOps 리드 · 이름', 'DevOps 리드 · 연락처'])
  })

  test('the text around a blank is kept as text nodes', () => {
    const [section] = parseRunbook('## S\n\n앞 ____ 뒤\n').runbook.children
    const paragraph = section?.type === 'section' ? section.children[0] : undefined
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual(['text', 'blank', 'text'])
  })

  test.each([
    ['a field', '# T\n\n## S\n\n**담당자**: ____ 님\n'],
    ['a paragraph', '## S\n\n발생 시각: _____\n'],
    ['an item', '## S\n\n- [ ] 확인자: ______\n'],
    ['a nested item', '## S\n\n- [ ] a\n  - [ ] 값: ____\n'],
    ['a table cell', '## S\n\n| a | b |\n|---|---|\n| 리드 | ____ |\n'],
    ['a one-line quote', '## S\n\n> 값: ____\n'],
    ['a signature', '## S\n\n**배포자**: ____ **날짜**: _____\n']
  ])('in %s, the position points at the underscores in the source', (_, source) => {
    const blanks = blanksOf(source)
    expect(blanks.length).toBeGreaterThan(0)
    for (const blank of blanks) {
      expect(sourceAt(source, blank)).toBe('_'.repeat(blank.width))
    }
  })

  test('line, column and offset of a blank', () => {
    const source = '## S\n\n**담당자**: ____ 님\n'
    const offset = source.indexOf('____')
    expect(blanksOf(source)[0]?.position).toEqual({
      start: {line: 3, column: 10, offset},
      end: {line: 3, column: 14, offset: offset + 4}
    })
  })

  // Text that spans lines under a container prefix (`> `, list indentation) is not verbatim in the
  // source, and its blanks lose their position.
  test('in a GitHub alert body, the position points at the underscores', () => {
    const source = '## S\n\n> [!NOTE]\n> 담당자: ____\n'
    const [blank] = blanksOf(source)
    expect(blank?.position).toEqual({
      start: {line: 4, column: 8, offset: source.indexOf('____')},
      end: {line: 4, column: 12, offset: source.indexOf('____') + 4}
    })
  })

  test('on a continuation line of an item, the position points at the underscores', () => {
    const source = '## S\n\n- [ ] 확인\n  값: ____\n'
    const [blank] = blanksOf(source)
    expect(blank?.position).toEqual({
      start: {line: 4, column: 6, offset: source.indexOf('____')},
      end: {line: 4, column: 10, offset: source.indexOf('____') + 4}
    })
  })
})

describe('inline content', () => {
  test('strong, emphasis, delete, inline code, images and breaks are kept', () => {
    const [section] = parseRunbook('## S\n\n**굵게** *기울임* ~~취소~~ `코드` ![대체](a.png)  \n다음\n').runbook.children
    const paragraph = section?.type === 'section' ? section.children[0] : undefined
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual([
      'strong',
      'text',
      'emphasis',
      'text',
      'delete',
      'text',
      'inlineCode',
      'text',
      'image',
      'break',
      'text'
    ])
  })
})

describe('inline code', () => {
  test.each(['\n', '\r\n', '\r'])('a code span across lines holds a space for each line ending, as CommonMark reads it (%j)', (eol) => {
    const source = `## S${eol}${eol}보기 \`kubectl${eol}get${eol}**pods**\` 끝${eol}`
    const codes: Array<{value: string; at: string | undefined}> = []
    walk(parseRunbook(source).runbook, (node) => {
      if (node.type === 'inlineCode') codes.push({value: node.value, at: sourceAt(source, node)})
    })
    expect(codes).toEqual([{value: 'kubectl get **pods**', at: `\`kubectl${eol}get${eol}**pods**\``}])
  })
})
