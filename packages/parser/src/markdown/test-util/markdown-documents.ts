import fc from 'fast-check'

// Generated markdown for the tests that prove two ways of reading it give the same tree.

/** Pieces of runbooks and the constructs where markdown parsers part ways. */
export const words = fc.constantFrom(
  '배포', '확인', 'SSL 인증서', 'Deploy', 'Step 1', '1단계:', '(해당하는 경우)', '`kubectl get pods`', '**굵게**', '*기울임*',
  '~~취소~~', '[문서](docs/a.ko.md)', '[ref][1]', '[missing][x]', '<https://example.com>', 'https://example.com/x', '___',
  '<b>html</b>', '&amp;', '&#44032;', '[ ] 성공 [ ] 실패', '\\*', '|', ':', '[^1]', '한글 텍스트', 'a_b_c', '**a**b', '`` ` ``',
  'www.example.com', 'ops@example.com', '~a~', '*', '_', '![그림](a.png "t")', '[빈]()', '\t', 'a  \nb', 'a\\\nb', '"따옴표"'
)
export const line = fc.array(words, {minLength: 1, maxLength: 5}).map((parts) => parts.join(' '))
export const indent = fc.constantFrom('', '  ', '   ', '    ')
export const block = fc.oneof(
  line.map((text) => `${text}\n`),
  fc.tuple(fc.integer({min: 1, max: 6}), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}\n`),
  line.map((text) => `${text}\n===\n`),
  fc.tuple(indent, fc.constantFrom('- [ ]', '- [x]', '* [X]', '1. [ ]', '2) [x]', '-', '+', '1.', '- [ ] **b**'), line).map(
    ([space, marker, text]) => `${space}${marker} ${text}\n`
  ),
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n  - [ ] ${b}\n    1. ${a}\n\n  ${b}\n`),
  fc.tuple(line, line).map(([a, b]) => `| 역할 | 이름 |\n|:---|---:|\n| ${a} | ${b} |\n`),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), line).map(([fence, text]) => `${fence}bash\n${text}\n\n${text}\n${fence}\n`),
  line.map((text) => '```\n' + text + '\n'),
  line.map((text) => `    ${text}\n`),
  line.map((text) => `> ${text}\n> - [ ] ${text}\n`),
  line.map((text) => `> [!NOTE]\n> ${text}\n`),
  line.map((text) => `!!! warning "제목"\n    ${text}\n`),
  line.map((text) => `<div>\n${text}\n</div>\n`),
  line.map((text) => `<!-- ${text}\n-->\n`),
  line.map((text) => `<details><summary>${text}</summary>\n\n${text}\n\n</details>\n`),
  fc.constantFrom('---\n', '***\n', '\n', '[1]: https://example.com "t"\n', '[x]: <a b> \'t\'\n', '[^1]: 각주\n', '[1]:\nhttps://a.b\n"t"\n'),
  fc.constantFrom('* *\n[ ] a\n', '- [ ]\n', '-\n  [x] a\n', '- [ ]\n  - [x] b\n', '1. a\n1) b\n', '- a\n* b\n', '-\ta\n'),
  fc.tuple(line, line).map(([a, b]) => `a | b\n- | -\n${a} | ${b}\n`),
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n\n  | x | y |\n  |---|---|\n  | ${b} | z |\n`),
  fc.tuple(line, line).map(([a, b]) => `> ${a}\n> > ${b}\n${a}\n`),
  fc.tuple(line, line).map(([a, b]) => `${a}\n---\n${b}\n`),
  line.map((text) => `[^1]: ${text}\n    ${text}\n`),
  line.map((text) => `<script>\n${text}\n\n${text}\n</script>\n`),
  line.map((text) => `\t${text}\n`),
  line.map((text) => `**배포자**: ____ **날짜**: ____ ${text}\n`)
)
export const frontmatter = fc.constantFrom('', '---\ntitle: 제목\nversion: 1.2.3\n---\n', '---\ntitle: [\n---\n', '---\n', '---\na: 1\n', '+++\na = 1\n+++\n')
/**
 * Shapes that satteri reads apart from remark and the satteri front end hands to remark whole: rare, so that
 * most generated documents are still read by satteri and compared.
 */
export const rareBlock = fc.constantFrom(
  // A box on a line underlined as a heading.
  '- [ ] 제목\n  ---\n', '* [x] 제목\n  ===\n',
  // A box on a line over a table's delimiter row.
  '- [ ] a | b\n  -|-\n', '1. [x] | 역할 |\n   |:---|\n',
  // Characters remark and satteri class apart (whitespace, punctuation, neither) next to emphasis.
  '**a \uFEFF**: b\n', '~~a\u0085~~b\n', '- [ ] **배포 🚀**b\n', '🚀_a_ b\n', 'a😀www.example.com\n', '**a\u1B4E**b\n', '**a_**b\n',
  // Links remark-gfm makes after micromark, with no positions.
  '"www.example.com"\n', '/ops@example.com\n',
  // Labels that end in whitespace other than spaces, and a definition labelled like a footnote.
  '[배포\u00A0]\n\n[배포\u00A0]: https://a.b\n', '[^a\u3000]\n\n[^a\u3000]: 각주\n', '[^a  b]: u\n\n[^a  b]\n',
  // Half a surrogate pair, which only a JavaScript string can hold.
  'a\uD800b\n', '- [ ] \uDC00배포\n'
)
/** Front matter that satteri reads apart from remark (closed with `...`, or with `---` and a tab). */
export const rareFrontmatter = fc.constantFrom('---\ntitle: 제목\n...\n', '---\na: 1\n...\nb\n---\n', '---\ntitle: 제목\n---\t\n')
export const markdownDocument = fc
  .tuple(
    fc.oneof({arbitrary: frontmatter, weight: 20}, {arbitrary: rareFrontmatter, weight: 1}),
    fc.array(fc.tuple(fc.oneof({arbitrary: block, weight: 60}, {arbitrary: rareBlock, weight: 1}), fc.constantFrom('\n', '')), {maxLength: 20}),
    fc.boolean(),
    // A byte order mark, which some editors write at the start of a file.
    fc.oneof({arbitrary: fc.constant(''), weight: 3}, {arbitrary: fc.constant('\uFEFF'), weight: 1})
  )
  .map(([front, blocks, crlf, bom]) => {
    const text = bom + front + blocks.map(([piece, gap]) => piece + gap).join('')
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })
