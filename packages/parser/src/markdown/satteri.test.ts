import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {corpusFolder, examplesFolder, markdownFiles, optionsFor, read, repositoryRoot, seedPath} from '../test-util/files.js'
import type {Root} from 'mdast'
import type {FrontEnd} from './front-end.js'
import {remarkFrontEnd} from './front-end.js'
import {type SatteriModule, satteriFrontEnd} from './satteri.js'
import {markdownDocument} from './test-util/markdown-documents.js'

// An optional peer dependency: these tests run where it is installed and are skipped where it is not.
const specifier = 'satteri'
const satteri = await import(specifier).then(
  (module: SatteriModule) => module,
  () => undefined
)
const frontEnd: FrontEnd | undefined = satteri && satteriFrontEnd(satteri)

/**
 * The model and the messages, as JSON text: key order and positions included, the keys of each point in
 * remark's order (satteri lists `offset` first, see `positionsInOrder`).
 */
function outcome(text: string, front: FrontEnd, options = {}) {
  const {runbook, messages} = parseRunbook(text, {...options, frontEnd: front})
  return JSON.stringify({runbook, messages: messages.map((message) => [message.place, message.ruleId, message.reason, message.fatal])}, pointsInOrder)
}

function pointsInOrder(_: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('offset' in value) || !('line' in value) || !('column' in value)) return value
  return {line: value.line, column: value.column, offset: value.offset}
}

/** The text remark's and satteri's trees differ in first, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let at = 0
  while (at < a.length && a[at] === b[at]) at++
  return `at ${at}: …${a.slice(Math.max(0, at - 200), at + 100)}\n vs …${b.slice(Math.max(0, at - 200), at + 100)}`
}

function expectSameModel(text: string, options = {}) {
  const remark = outcome(text, remarkFrontEnd, options)
  const native = outcome(text, frontEnd!, options)
  if (native !== remark) expect.fail(firstDifference(remark, native))
}

const neither = /[\p{L}\p{M}\p{N}\p{Co}\p{Cs}]/u

/** Whether the satteri front end kept satteri's tree (its points list `offset` first), not remark's. */
function readBySatteri(text: string): boolean {
  const start = frontEnd!.parse(text).position?.start
  return start !== undefined && Object.keys(start)[0] === 'offset'
}

const files = [seedPath, ...markdownFiles(examplesFolder), ...markdownFiles(corpusFolder)].filter((file) => !file.includes('node_modules'))

describe.skipIf(!satteri)('satteri front end: the same model as remark', () => {
  test.each(files.map((file) => [file.slice(repositoryRoot.length + 1), file]))('%s', (_, file) => {
    expectSameModel(read(file), optionsFor(file, repositoryRoot))
  })

  test('the task paragraph that remark starts at its box, when it begins with markup', () => {
    for (const text of ['- [ ] **a**\n', '- [x] `a` b\n', '1. [ ]\t[a](b)\n', '- [ ]   *a*\n', '> - [ ] <b>a</b>\n']) expectSameModel(text)
    // Text that begins like a list after the box: checked where satteri put the paragraph, before it is moved.
    for (const text of ['- [ ]  - x\n', '- [ ]\t * x\n', '> * a\n> - [ ]  * a\n']) expectSameModel(text)
  })

  test('TOML front matter, which remark does not read, goes to remark', () => {
    expectSameModel('+++\ntitle = "x"\n+++\n\n# T\n')
  })

  // Found by a review: satteri closes YAML front matter at `...` too, remark only at `---`.
  test.each([
    ['closed with `...`', '---\ntitle: DB failover\nversion: 2.1.0\n...\n\n## Steps\n\n- [ ] Promote the replica\n'],
    ['closed with `...` before a later `---`', '---\ntitle: a\n...\nb\n---\n\n# T\n'],
    ['empty, closed with `...`', '---\n...\n# T\n'],
    ['closed with `...` and spaces, CRLF', '---\r\ntitle: a\r\n...  \r\n# T\r\n'],
    ['closed with `...`, after a byte order mark', '\uFEFF---\ntitle: a\n...\n# T\n'],
    ['closed with `---`, after a byte order mark', '\uFEFF---\ntitle: a\n---\n# T\n'],
    ['closed with `---` and a tab', '---\t\ntitle: a\n---\t\n# T\n'],
    ['closed with `---` and a tab before a later `---`', '---\ntitle: 제목\n---\t\n---\n\n'],
    ['closed with `---`, CR line endings', '---\rtitle: a\r---\r# T\r'],
    ['empty, closed with `---`', '---\n---\n# T\n']
  ])('front matter %s: as remark reads it', (_, text) => {
    expect(frontEnd!.parse(text)).toEqual(remarkFrontEnd.parse(text))
    expectSameModel(text)
  })

  test('front matter closed with `---` is read by satteri, not handed to remark', () => {
    expect(readBySatteri('---\ntitle: a\n---\n\n# T\n')).toBe(true)
    expect(readBySatteri('\uFEFF---\ntitle: a\n---\n\n- [ ] **a**\n')).toBe(true)
    expect(readBySatteri('---\ntitle: a\n...\n\n# T\n')).toBe(false)
  })

  test('every character remark and satteri class apart next to `**` sends the document to remark', () => {
    // Whether `**` closes after x says what x is: `**a x**b` closes after neither whitespace nor punctuation,
    // `**a x** b` after anything but whitespace. Letters, marks, digits and private use are neither to both
    // (past U+FFFF every character is apart), and left out to keep the document short.
    const templates = [(x: string) => `**a${x}**b`, (x: string) => `**a${x}** b`]
    const points: string[] = []
    for (let code = 0x20; code <= 0xffff; code++) {
      const x = String.fromCharCode(code)
      if (!neither.test(x)) points.push(x)
    }
    const text = points.flatMap((x) => templates.map((template) => template(x))).join('\n\n')
    const kinds = (tree: Root) => tree.children.map((node) => ('children' in node ? node.children.map((child) => child.type).join() : node.type))
    const remark = kinds(remarkFrontEnd.parse(text))
    const native = kinds(satteri!.markdownToMdast(text, {features: {gfm: true, frontmatter: true}}) as Root)
    expect(native.length).toBe(remark.length)
    const apart = points.flatMap((x, index) => templates.filter((_, which) => remark[index * 2 + which] !== native[index * 2 + which]).map((template) => template(x)))
    expect(apart).toContain('**a\uFEFF**b')
    for (const text of apart) expect(readBySatteri(text), text).toBe(false)
  })

  test('emphasis next to what both class alike is read by satteri, not handed to remark', () => {
    for (const text of ['**배포** 🚀 ____ www.example.com (www.example.com) a_b ops@example.com /usr/bin\n', 'https://www.example.com/a https://ops@example.com\n', 'uses: actions/checkout@v4 registry/api@sha256:0a1b npm i @scope/pkg@1.2.3\n', '\uFEFF# 배포\n\n**확인**: ✅ ~~취소~~\n', '__init__ 🚀\n', '**🚨 긴급** 배포 중단\n', '- [ ] **확인 🚀** _🔥 a_\n', '**_강조_**\n']) {
      expect(readBySatteri(text)).toBe(true)
      expectSameModel(text)
    }
    for (const text of ['**배포 🚀**b\n', 'a**🚀 배포**\n', '**a\uFEFF** b\n', 'a**_b_**\n']) expect(readBySatteri(text), text).toBe(false)
  })

  // Each found by the generated documents below: what satteri reads apart from remark goes to remark.
  test.each([
    ['an indented code block split after an HTML block that ended a blockquote', '> a\n<!-- b -->\n    c\n\n    d\n'],
    ['a table right under a line of text', 'a\nb | c\n- | -\nd | e\n'],
    ['a paragraph ended at a line that could open a table', '배포\na | b\n- | -\n배포 | 배포\n'],
    ['a box that ends its line', '- [ ]\r\n배포\r\n'],
    ['a box in a blockquote, its text on the next line', '> - [ ]\n> 배포\n'],
    ['a box after an item that begins with a blank line', '-\n  [x] a\n\n[x]: <a b> \'t\'\n'],
    ['a list closed by a sibling on the next line of a blockquote', '> * 배포\n> - [ ] * 배포\n'],
    ['an empty item in a footnote definition', '[^1]: *\n    *\n'],
    ['an empty item inside an item', '* *\n[ ] a\n'],
    // Found by a review: CommonMark replaces U+0000 with U+FFFD, as remark does; satteri keeps it.
    ['a NUL character', '# 배포\u0000\n\n- [ ] a\u0000b `c\u0000`\n'],
    // Found by a review: GFM ticks no item whose text is a setext heading; satteri does, and drops the box.
    ['a box on a line underlined as a heading', '- [ ] Title\n  ---'],
    ['a box on a line underlined as a heading, in a blockquote', '> 1. [x] 배포\n>    ===\n>    b\n'],
    // Found by a review, then by reading every code point next to `**`, `_` and `~~`: characters that remark
    // and satteri class apart (whitespace, punctuation, neither) decide emphasis and strikethrough apart.
    ['U+FEFF before a closing `**`', '**a \uFEFF**: b'],
    ['U+0085 before a closing `~~`', '~~a\u0085~~b\n'],
    ['an emoji before a closing `**`', '- [ ] **배포 🚀**b\n'],
    ['an emoji before an opening `_`', '🚀_a_\n'],
    ['an emoji before `www.`', 'a😀www.example.com\n'],
    ['a Unicode 16 punctuation mark before a closing `**`', '**a\u1B4E**b\n'],
    ['`_` before a closing `**`', '**a_**b\n'],
    ['`_` after an opening `**`', 'b**_a**\n'],
    // Found next to the emoji before `www.`: links remark-gfm makes after micromark, with no positions.
    ['`www.` in quotes', '배포: "www.example.com" 확인\n'],
    ['`www.` after a colon', '- [ ] 주소:www.example.com\n'],
    ['`www.` after an ellipsis', '…www.example.com\n'],
    ['an address after a slash', '/ops@example.com\n'],
    // Found by a review: after a `//` of another scheme than http(s), micromark links nothing, remark-gfm the address.
    ['an address in an ssh URL', '- [ ] Clone ssh://git@github.com/org/repo.git\n'],
    ['an address in a postgres URL', 'postgres://app@db.example.com:5432/app\n'],
    ['an address after `//`', 'a //ops@example.com\n'],
    ['`www.` after a no-break space', '주소\u00A0www.example.com\n'],
    // Found next to it: a delimiter row under a box makes the box's line a table's header row to remark.
    ['a delimiter row under a box', '- [ ] a | b\n  -|-\n'],
    ['a delimiter row under a box, in a blockquote', '> - [x] | 배포 |\n>   | :--- |\n'],
    // Found by generated documents after a byte order mark: the checks read the source one character early.
    ['a task item after a byte order mark', '\uFEFF- [ ] a\n- [x] **b**\n'],
    ['a task item in a blockquote after a byte order mark', '\uFEFF> - [ ] a\n'],
    ['front matter and a task item after a byte order mark', '\uFEFF---\na: 1\n---\n- [ ] **a**\n'],
    ['TOML front matter after a byte order mark', '\uFEFF+++\na = 1\n+++\n'],
    // Found while looking for the characters above: labels.
    ['a label that ends in a no-break space', '[배포\u00A0]\n\n[x][배포\u00A0]\n\n[배포\u00A0]: https://a.b\n'],
    ['a footnote label that begins with an ideographic space', '[^\u3000a]\n\n[^\u3000a]: 각주\n'],
    ['a definition labelled like a footnote with a space in it', '[^a  b]\n\n[^a  b]: u\n'],
    // Found by a review: satteri, handed the text as UTF-8, gets U+FFFD for half a surrogate pair.
    ['lone surrogates', '# 배포\uD800\n\n- [ ] a\uDC00b 🚀\n\n**\uDBFF**\n']
  ])('%s', (_, text) => {
    expect(frontEnd!.parse(text)).toEqual(remarkFrontEnd.parse(text))
    expectSameModel(text)
  })
})

describe.skipIf(!satteri)('satteri front end on generated documents', () => {
  test('the same mdast as remark, positions included', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        expect(frontEnd!.parse(text)).toEqual(remarkFrontEnd.parse(text))
      }),
      {numRuns: 1000, seed: 20261206}
    )
  })

  test('the same model as remark, positions included', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => expectSameModel(text)),
      {numRuns: 1000, seed: 20261206}
    )
  })
})
