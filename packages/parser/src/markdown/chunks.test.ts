import fc from 'fast-check'
import type {Root} from 'mdast'
import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {corpusFolder, examplesFolder, markdownFiles, optionsFor, read, repositoryRoot, seedPath} from '../test-util/files.js'
import {mdastInChunks} from './chunks.js'
import type {FrontEnd} from './front-end.js'
import {mdastFromMarkdown, wholeParseOf} from './from-markdown.js'
import {block, frontmatter, line} from './test-util/markdown-documents.js'

/** The tree parsed in chunks of at least `chunkSize` characters (1: at every heading it may start at), and how many. */
function inChunks(text: string, chunkSize: number): {tree: Root; parses: number; joined: boolean} {
  const whole = wholeParseOf(text)
  let parses = 0
  let joined = true
  const parse = (piece: string) => {
    parses++
    if (piece === text) joined = false
    return whole.parse(piece)
  }
  return {tree: mdastInChunks(text, parse, {chunkSize, wholeBelow: 0, frontmatter: whole.frontmatter}), parses, joined}
}

function wholeTree(text: string): Root {
  return wholeParseOf(text).parse(text)
}

/** The model and the messages as JSON text: key order and positions included. */
function outcome(text: string, frontEnd: FrontEnd, options = {}): string {
  const {runbook, messages} = parseRunbook(text, {...options, frontEnd})
  return JSON.stringify({runbook, messages: messages.map((message) => [message.place, message.ruleId, message.reason, message.fatal])})
}

const chunked: FrontEnd = {name: 'remark', parse: (text) => inChunks(text, 1).tree}
const whole: FrontEnd = {name: 'remark', parse: wholeTree}

function expectSameTree(text: string, chunkSize = 1): number {
  const {tree, parses} = inChunks(text, chunkSize)
  expect(tree).toStrictEqual(wholeTree(text))
  // Key order too: the model shares positions, and its JSON must be the same text.
  expect(JSON.stringify(tree)).toBe(JSON.stringify(wholeTree(text)))
  return parses
}

const seed = read(seedPath)
const files = [seedPath, ...markdownFiles(examplesFolder), ...markdownFiles(corpusFolder)]

describe('mdastInChunks: the same tree as one parse', () => {
  test.each(files.map((file) => [file.slice(repositoryRoot.length + 1), file]))('%s', (_, file) => {
    const text = read(file)
    expectSameTree(text)
    expect(outcome(text, chunked, optionsFor(file, repositoryRoot))).toBe(outcome(text, whole, optionsFor(file, repositoryRoot)))
  })

  test('the seed is parsed in chunks at its headings', () => {
    expect(expectSameTree(seed)).toBeGreaterThan(10)
  })

  test('copies of every file in one document, in chunks of a few KB', () => {
    const text = files.map(read).join('\n\n')
    expect(expectSameTree(text, 4000)).toBeGreaterThan(5)
    expect(outcome(text, {name: 'remark', parse: (source) => inChunks(source, 4000).tree}, {})).toBe(outcome(text, whole, {}))
  })

  test('a long document goes in chunks by default, a short one whole', () => {
    const long = Array.from({length: 3}, () => seed).join('\n\n')
    let parses = 0
    const counted = (text: string) => {
      parses++
      return wholeTree(text)
    }
    expect(mdastInChunks(long, counted)).toStrictEqual(wholeTree(long))
    expect(parses).toBeGreaterThan(3)
    parses = 0
    mdastInChunks(seed, counted)
    expect(parses).toBe(1)
    for (const text of [long, `---\ntitle: 배포\n\n# a comment\n---\n${long}`, `\uFEFF${long}`]) {
      expect(mdastFromMarkdown(text)).toStrictEqual(wholeTree(text))
    }
  })

  // Each a way a heading line is not where a chunk may start.
  test.each([
    ['a heading in a fence', '```\n\n# a\n```\n\n# b\n'],
    ['a heading in an unclosed fence', '~~~~\n\n# a\n~~~\n\n# b\n'],
    ['a heading in a fence after one inside a list item (the scan takes the second for the end of the first)', '- a\n\n  ```\n  b\n\n# c\n\n```\n\n# d\n```\n\n# e\n'],
    ['a heading in an HTML comment', '<!--\n\n# a\n-->\n\n# b\n'],
    ['a heading in an unclosed script', '<script>\n\n# a\n\n# b\n'],
    ['a heading in an HTML block of kind 6 (no blank line before)', '<div>\n# a\n\n# b\n'],
    ['a heading in front matter (a YAML comment)', '---\na: 1\n\n# comment\n---\n\n# b\n'],
    ['a heading after unclosed front matter', '---\na: 1\n\n# b\n'],
    ['an unclosed fence', '# a\n\n```\n\n# b\n']
  ])('%s', (_, text) => {
    expectSameTree(text)
    expect(outcome(text, chunked)).toBe(outcome(text, whole))
  })

  // Each parsed in chunks, the definitions stubbed in where they are used.
  test.each([
    ['a reference before its definition, in another chunk', '# a\n\n[x] and [y][] and [^z]\n\n# b\n\n[X]: /u\n[Y]: /v "t"\n\n[^Z]: note\n'],
    ['a reference after its definition, in another chunk', '[x]: /u\n\n# a\n\n[x]\n\n# b\n\n[X]\n'],
    ['a definition in a blockquote and a list', '# a\n\n> [Foo\n> bar]: /u\n\n# b\n\n- [foo bar]: /v\n\n# c\n\n[FOO  BAR] [^1]\n\n# d\n\n[^1]: a\n    [q]: /q\n\n# e\n\n[q]\n'],
    ['a label that differs in case only', '# a\n\n[ΑΣ]\n\n# b\n\n[ας]: /u\n\n# c\n\n[Straße]\n\n# d\n\n[STRASSE]: /s\n'],
    ['a label that starts with a caret, escaped', '# a\n\n[\\^a]\n\n# b\n\n[\\^a]: /u\n']
  ])('%s', (_, text) => {
    expectSameTree(text)
    expect(inChunks(text, 1).joined).toBe(true)
    expect(outcome(text, chunked)).toBe(outcome(text, whole))
  })

  // Each parsed in chunks, at every heading after a blank line.
  test.each([
    ['a heading right after a table row', '# a\n\na | b\n- | -\n\n# c | d\n| - | - |\n'],
    ['a heading after a setext underline', 'a\n===\n\n# b\n---\n'],
    ['a list whose items are loose or not', '- a\n\n- b\n\n# c\n\n- d\n- e\n\n# f\n'],
    ['a byte order mark', '\uFEFF# a\n\nb\n\n# c\n\nd\n'],
    ['a byte order mark and front matter', '\uFEFF---\na: 1\n---\n\n# a\n\nb\n\n# c\n'],
    ['CR line endings', '# a\r\rb\r\r# c\r\r- d\r'],
    ['CRLF line endings', '# a\r\n\r\nb\r\n\r\n# c\r\n\r\n- d\r\n'],
    ['an empty heading and a closed heading', '#\n\n##   a ##\n\n###\ta\n\n####### no\n'],
    ['an indented code block before a heading', '    a\n\n\n# b\n\n    c\n'],
    ['a heading that ends the document', '# a\n\n# b\n\nc\n\n# d']
  ])('%s', (_, text) => {
    expectSameTree(text)
    expect(inChunks(text, 1).joined).toBe(true)
    expect(outcome(text, chunked)).toBe(outcome(text, whole))
  })
})

/** What may stand before or after a heading: with, and without, the blank line a chunk needs. */
const boundaryBlock = fc.oneof(
  {arbitrary: block, weight: 6},
  {arbitrary: fc.tuple(fc.integer({min: 1, max: 6}), line).map(([depth, text]) => `\n${'#'.repeat(depth)} ${text}\n`), weight: 3},
  {arbitrary: fc.constantFrom(
    '```bash\n# 주석\n\n# 주석\n```\n',
    '  ```\n\n# a\n\n  ```\n',
    '~~~\n\n# a\n\n````\n~~~~\n',
    '```\n\n# unclosed\n',
    '<!--\n\n# a\n\n-->\n',
    '<!-- a -->\n',
    '<script>\n\n# a\n\n</script>\n',
    '<pre>\n\n# a\n',
    '<?php\n\n# a\n?>\n',
    '<!DOCTYPE x\n\n# a\n>\n',
    '<![CDATA[\n\n# a\n]]>\n',
    '<div>\n# a\n',
    '- a\n\n  ```\n\n# b\n',
    '> ```\n> # a\n\n# b\n',
    '1. a\n\n   # b\n\n# c\n',
    '[Ref]: /u\n',
    '[ref\nlabel]: /u "t"\n',
    '> [Quoted]: /q\n',
    '- [listed]: /l\n',
    '[^Note]: 각주\n',
    '[^note]: a\n\n    [inner]: /i\n',
    '[ref] [REF][] [Ref label][ref label] [quoted] [listed] [^note] [^NOTE] [inner] [배포]\n',
    '[배포]: /ko\n',
    '# a | b\n| - | - |\n',
    'a\n# b\n===\n',
    '#\n',
    '#\ta #\n',
    '    # indented\n'
  ), weight: 2}
)

/** A document: its blocks one after the other, copied once or more, with LF, CRLF or CR line endings. */
const chunkedDocument = fc
  .tuple(
    fc.constantFrom('', '\uFEFF'),
    frontmatter,
    fc.array(fc.tuple(boundaryBlock, fc.constantFrom('\n', '', '\n\n')), {maxLength: 16}),
    fc.integer({min: 1, max: 3}),
    fc.constantFrom('\n', '\r\n', '\r')
  )
  .map(([bom, front, blocks, copies, ending]) => {
    const body = blocks.map(([piece, gap]) => piece + gap).join('')
    const text = bom + front + Array.from({length: copies}, () => body).join('\n')
    return ending === '\n' ? text : text.replace(/\n/g, ending)
  })

describe('mdastInChunks on generated documents', () => {
  test('the same tree as one parse, positions included, and in chunks', () => {
    let split = 0
    fc.assert(
      fc.property(chunkedDocument, fc.constantFrom(1, 30, 200), (text, chunkSize) => {
        if (expectSameTree(text, chunkSize) > 2) split++
      }),
      {numRuns: 1000, seed: 20261206}
    )
    // Most documents are really parsed in pieces, so the property says something.
    expect(split).toBeGreaterThan(300)
  }, 180_000)

  test('the same model as one parse', () => {
    fc.assert(
      fc.property(chunkedDocument, (text) => {
        expect(outcome(text, chunked)).toBe(outcome(text, whole))
      }),
      {numRuns: 300, seed: 20261206}
    )
  }, 180_000)
})
