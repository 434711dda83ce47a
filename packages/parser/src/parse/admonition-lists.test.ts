import fc from 'fast-check'
import type {Paragraph} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {mdastFromMarkdown} from '../markdown/from-markdown.js'
import {listBodyOf} from './admonition-lists.js'
import {reparsedBodyOf} from './admonitions.js'
import {createContext} from './context.js'
import {readyTree} from './ready-tree.js'

/** Both readings of the body of `!!! note "T"` followed by `lines`, each indented by four spaces. */
function readings(lines: readonly string[], lineEnding = '\n', after = '') {
  const source = `!!! note "T"${lineEnding}${lines.map((line) => `    ${line}`).join(lineEnding)}${lineEnding}${after}`
  const context = createContext(source, new VFile(source), {}, defaultKeywords)
  const tree = mdastFromMarkdown(source)
  readyTree(tree, context)
  const [paragraph] = tree.children
  if (paragraph?.type !== 'paragraph') throw new Error(`expected one paragraph from ${JSON.stringify(source)}`)
  const fast = listBodyOf(paragraph as Paragraph, 2, context)
  // Only when there is something to compare: some bodies the shortcut declines trip an assertion of
  // mdast-util-gfm-task-list-item in the development build that tests run (`* *` over `[ ] a`).
  return {fast, reparsed: () => reparsedBodyOf(lines, lines.map(() => 4), 2, context)}
}

describe('admonition bodies of list entries', () => {
  test('nested and mixed lists with inline content read as a second parse reads them', () => {
    const lines = [
      '* 영문, 숫자, 특수문자를 조합하여 `root` 계정명과 다른 8자 이상',
      '1. 다음 각 항목의 문자 종류 중 **2종류** 이상을 조합',
      '    * 가. 영문 대문자(26개) [참고](https://example.com)',
      '    * 나. 영문 소문자 &amp; *기호*',
      '2. 시스템마다 다른 비밀번호 사용',
      '3. 비밀번호를 기록해 놓는 경우 www.example.com 에',
      '- `pam_unix.so` 모듈 위에',
      ' - 둘째',
      '   + 셋째 \\* 이스케이프'
    ]
    const {fast, reparsed} = readings(lines)
    expect(fast).toBeDefined()
    expect(fast).toEqual(reparsed())
  })

  test('reference links resolve against the file\'s definitions, as in the second parse', () => {
    const {fast, reparsed} = readings(['* 참고 [문서][doc], [가이드]', '* 끝 ![그림][img]'], '\n', '\n[doc]: ./a.md\n[가이드]: ./b.md\n[img]: ./c.png\n')
    expect(fast).toBeDefined()
    expect(JSON.stringify(fast)).toContain('"linkReference"')
    expect(fast).toEqual(reparsed())
  })

  test('a footnote call goes to the second parse, which has no footnote definitions', () => {
    expect(readings(['* see [^1]'], '\n', '\n[^1]: note\n').fast).toBeUndefined()
  })

  test('a `\\r` of its own (`&#13;`) at the end of a line is content, not half a line ending', () => {
    const {fast, reparsed} = readings(['* a&#13;', '* b'])
    expect(fast).toBeDefined()
    expect(fast).toEqual(reparsed())
  })

  test.each([
    ['a list that would interrupt a paragraph from another number than 1', ['* a', '2. b']],
    ['a task box', ['* [ ] a']],
    ['a continuation line', ['* a', 'b']],
    ['an entry holding another list', ['* - a']],
    ['a rule', ['* ***']],
    ['a tab', ['*\ta']],
    ['trailing spaces (a hard break)', ['* a  ', '* b']],
    ['content too deep to nest', ['* a', '      * b']],
    ['an entry whose code runs on to the next line', ['* a `b', '* c`']],
    ['a rule made with the marker', ['* **']],
    ['a nested rule made with the marker', ['* a', '  - --']],
    ['a `[` left open, which keeps later URLs from being links', ['* 설정 [선택', '* 접속 http://localhost:8080']]

  ])('%s goes to the second parse', (_, lines) => {
    expect(readings(lines).fast).toBeUndefined()
  })

  test('whenever it reads a body, it reads what a second parse reads, positions included', () => {
    const marker = fc.constantFrom('*', '-', '+', '1.', '2.', '1)', '10.')
    const plain = fc.constantFrom('a', '항목', '`code`', '*em*', '**strong**', '[l](u)', '[doc]', '\\*', '&amp;', '&#13;', 'www.x.com', '<b>x</b>')
    const tricky = fc.constantFrom('[ ]', '[x]', '#', '>', '---', '**', '2.', '-', '&#10;', '_', '`', '*', '[', '[^1]', '|', '!!!', '  ', '')
    const word = fc.oneof({weight: 6, arbitrary: plain}, {weight: 1, arbitrary: tricky})
    const content = fc.array(word, {minLength: 1, maxLength: 4}).map((words) => words.join(' '))
    const entry = fc
      .record({indent: fc.constantFrom(0, 0, 0, 1, 2, 3, 4, 6), marker, spaces: fc.constantFrom(1, 1, 1, 1, 2, 4, 5), content})
      .map(({indent, marker, spaces, content}) => `${' '.repeat(indent)}${marker}${' '.repeat(spaces)}${content}`)
    const line = fc.oneof({weight: 19, arbitrary: entry}, {weight: 1, arbitrary: content})
    let read = 0
    fc.assert(
      // A blank line would end the paragraph, and with it the body the shortcut reads.
      fc.property(fc.array(line.filter((text) => text.trim() !== ''), {minLength: 1, maxLength: 6}), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '\n[doc]: ./a.md\n[^1]: note\n'), (lines, lineEnding, after) => {
        const {fast, reparsed} = readings(lines, lineEnding, after)
        if (fast === undefined) return
        read++
        expect(fast).toEqual(reparsed())
      }),
      {numRuns: 2000}
    )
    // The shortcut must be taken often enough for the comparison to mean something.
    expect(read).toBeGreaterThan(150)
  })
})
