import {describe, expect, test} from 'vitest'
import {parseRunbook} from './parse-runbook.js'

/** The front matter read from `yaml`, and its messages as `[line, column, reason]`. */
function read(yaml: string) {
  const {runbook, messages} = parseRunbook(`---\n${yaml}---\n\n# 제목\n\n- [ ] 단계\n`)
  const frontmatter = messages.filter((message) => message.ruleId === 'frontmatter')
  expect(frontmatter.every((message) => message.fatal && message.source === 'runsheet')).toBe(true)
  return {frontmatter: runbook.frontmatter, title: runbook.title, messages: frontmatter.map((message) => [message.line, message.column, message.reason])}
}

describe('front matter that refers to itself', () => {
  test.each([
    ['a: &a [*a]\n', 2, 8, 'Front matter refers to itself: `*a` is inside its own anchor `&a`'],
    ['title: 배포\nx: &x {self: *x}\n', 3, 14, 'Front matter refers to itself: `*x` is inside its own anchor `&x`'],
    ['a: &a [&b [*a]]\n', 2, 12, 'Front matter refers to itself: `*a` is inside its own anchor `&a`']
  ])('%j is an error at the alias, read as no front matter, with no cycle in the model', (yaml, line, column, reason) => {
    const result = read(yaml)
    expect(result.messages).toEqual([[line, column, reason]])
    expect(result.frontmatter).toBeNull()
    expect(result.title).toBe('제목')
  })

  test('an alias with no anchor before it is an error at the alias', () => {
    expect(read('title: 배포\na: *nope\n')).toMatchObject({frontmatter: null, messages: [[3, 4, 'Front matter uses `*nope` where no anchor `&nope` is set before it']]})
    expect(read('a: *b\nb: &b 1\n').messages).toEqual([[2, 4, 'Front matter uses `*b` where no anchor `&b` is set before it']])
  })

  test('a tag of the author\'s own is an error at the tag: its meaning would be lost', () => {
    expect(read('title: 배포\nhome: !env HOME\n')).toMatchObject({
      frontmatter: null,
      messages: [[3, 12, 'Front matter cannot hold the tag `!env`, which means nothing to YAML or JSON: write the value without it']]
    })
  })

  test('an alias to an earlier, finished anchor is a copy of its value', () => {
    expect(read('base: &b {host: a}\nnext: *b\n')).toMatchObject({frontmatter: {base: {host: 'a'}, next: {host: 'a'}}, messages: []})
  })
})

describe('line endings', () => {
  test.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']])('front matter with %s line endings reads alike, errors at their line', (_, eol) => {
    const text = ['---', 'title: 배포', 'version: 1.0.0', '---', '', '# 제목', '', '- [ ] 단계', ''].join(eol)
    expect(parseRunbook(text).runbook.frontmatter).toEqual({title: '배포', version: '1.0.0'})
    const broken = ['---', 'title: 배포', 'a: *nope', '---', '', '# 제목', ''].join(eol)
    expect(parseRunbook(broken).messages.map((message) => [message.line, message.column])).toEqual([[3, 4]])
  })
})

describe('front matter is JSON data', () => {
  test.each([
    ['reviewers: !!set {kim, lee}\n', 2, 18, 'Front matter cannot hold a YAML set (`!!set`): write it as a list'],
    ['steps: !!omap [a: 1, b: 2]\n', 2, 15, 'Front matter cannot hold a YAML ordered map (`!!omap`): write it as a mapping or a list'],
    ['steps: !!pairs [a: 1, a: 2]\n', 2, 16, 'Front matter cannot hold a YAML list of pairs (`!!pairs`): write it as a mapping or a list'],
    ['logo: !!binary aGVsbG8=\n', 2, 16, 'Front matter cannot hold YAML binary data (`!!binary`): write it as text, without the tag'],
    ['title: 배포\ndate: !!timestamp 2020-01-01\n', 3, 19, 'Front matter cannot hold a YAML timestamp (`!!timestamp`): write it as text, without the tag'],
    ['limit: .inf\n', 2, 8, 'Front matter number `.inf` has no JSON form: quote it to keep it as text'],
    ['limit: .NaN\n', 2, 8, 'Front matter number `.NaN` has no JSON form: quote it to keep it as text'],
    ['? [a, b]\n: c\n', 2, 3, 'Front matter keys must be text, not a list or a mapping'],
    ['? {a: 1}\n: c\n', 2, 3, 'Front matter keys must be text, not a list or a mapping'],
    ['k: &k [1]\n*k : 2\n', 3, 1, 'Front matter keys must be text, not a list or a mapping'],
    ["1: a\n'1': b\n", 3, 1, 'Front matter key `1` is repeated: JSON keeps one value per key']
  ])('%j is an error at the value, read as no front matter', (yaml, line, column, reason) => {
    const result = read(yaml)
    expect(result.messages).toEqual([[line, column, reason]])
    expect(result.frontmatter).toBeNull()
  })

  test('what JSON holds is read as it is: text, numbers, booleans, null, lists and mappings, dates as text', () => {
    const yaml = 'title: 배포\ncount: 3\nratio: 0.5\ndone: false\nowner: ~\ntags: [a, b]\nmeta: {a: {b: [1]}}\ndate: 2020-01-01\n1: one\n'
    const result = read(yaml)
    expect(result.messages).toEqual([])
    expect(result.frontmatter).toEqual({title: '배포', count: 3, ratio: 0.5, done: false, owner: null, tags: ['a', 'b'], meta: {a: {b: [1]}}, date: '2020-01-01', 1: 'one'})
    expect(JSON.parse(JSON.stringify(result.frontmatter))).toEqual(result.frontmatter)
  })
})

describe('front matter errors are placed where YAML finds them', () => {
  test('at the error’s own line and column in the file, with a one-line reason', () => {
    const yaml = 'title: 배포\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: [1, 2]]\n'
    const result = read(yaml)
    expect(result.messages).toEqual([[9, 10, 'Front matter is not valid YAML: Unexpected flow-seq-end token in YAML stream: "]"']])
  })

  test('a repeated key at the repeat', () => {
    expect(read('title: Deploy\nkey: 1\nkey: 2\n').messages).toEqual([[4, 1, 'Front matter is not valid YAML: Map keys must be unique']])
  })

  test('an unclosed list at the end of the front matter, where it should have closed', () => {
    expect(read('title: [unclosed\n').messages).toEqual([
      [2, 17, 'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']
    ])
  })

  test('the line is counted from the opening fence, after a byte order mark, with CRLF line endings', () => {
    expect(parseRunbook('\uFEFF---\na: 1\nb: [\n---\n# T\n').messages.map((message) => [message.line, message.column])).toEqual([[3, 5]])
    expect(parseRunbook('---\r\na: 1\r\nkey: 1\r\nkey: 2\r\n---\r\n# T\r\n').messages.map((message) => [message.line, message.column])).toEqual([[4, 1]])
  })

  test('a front matter that is not a mapping is an error at the front matter', () => {
    expect(read('- a\n- b\n').messages).toEqual([[1, 1, 'Front matter must be a mapping of `key: value` lines']])
  })
})
