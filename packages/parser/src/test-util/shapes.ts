// Pathological but valid inputs: the sizes and shapes a runbook can take that ordinary ones never do.
// Shared by the tests (parse/shapes.test.ts) and the bench (bench/parse.bench.js, which Node imports as
// TypeScript: keep this file free of imports and of syntax that type stripping cannot erase).

export interface Shape {
  name: string
  text: string
  /** A text the model must still hold after the parse: the deepest or last content. */
  needle?: string
}

/** `depth` quotes inside one another, the deepest holding one line. */
export function nestedQuotes(depth: number): string {
  return `${'> '.repeat(depth)}deepest quote line\n`
}

/** Lists nested `depth` deep, one entry per level, each with inline markup. */
export function nestedLists(depth: number, marker = '- '): string {
  const lines: string[] = []
  for (let level = 0; level < depth; level++) lines.push(`${'  '.repeat(level)}${marker}level **${level}** \`x\``)
  return `${lines.join('\n')}\n${'  '.repeat(depth)}${marker}deepest list entry\n`
}

/** A bare nesting of list markers on one line (`- - - … text`): each marker opens a list in the item before it. */
export function nestedMarkers(depth: number): string {
  return `${'- '.repeat(depth)}deepest marker entry\n`
}

/** One checklist of `count` steps under one heading. */
export function manyItems(count: number): string {
  const lines = ['# 점검', '']
  for (let index = 0; index < count; index++) lines.push(`- [ ] 단계 ${index + 1}`)
  return `${lines.join('\n')}\n`
}

/** A table `columns` wide, with a header, its delimiter row and three rows. */
export function wideTable(columns: number): string {
  const row = (cell: (index: number) => string) => `|${Array.from({length: columns}, (_, index) => ` ${cell(index)} `).join('|')}|`
  return [row((index) => `열${index}`), row(() => '---'), row((index) => `a${index}`), row((index) => `b${index}`), row((index) => `last${index}`)].join('\n') + '\n'
}

/** One line of Korean prose about `bytes` long, with blanks, fields and boxes along it. */
export function longKoreanLine(bytes: number): string {
  const piece = '배포 전에 담당자는 ________ 를 확인하고 **버전**: 1.0.0 을 적는다 [ ] 완료 [x] 확인 '
  const count = Math.ceil(bytes / new TextEncoder().encode(piece).length)
  return `${piece.repeat(count)}끝\n`
}

/** One line of dense inline markup about `bytes` long: emphasis, code, links, breaks of every kind. */
export function longInlineLine(bytes: number): string {
  const piece = '*기울임* **굵게** `code` [링크](https://example.com/a) ~~지움~~ <b>html</b> \\* '
  const count = Math.ceil(bytes / new TextEncoder().encode(piece).length)
  return `${piece.repeat(count)}끝\n`
}

/** Nested lists with inline markup, repeated to about `bytes`: deep enough to matter, many of them. */
export function nestedListsOfSize(bytes: number, depth = 20): string {
  const block = nestedLists(depth, '- [ ] ')
  return `${block.repeat(Math.ceil(bytes / block.length)).replaceAll('deepest list entry', 'entry')}- [ ] last nested entry\n`
}

/** About `bytes` of ordinary runbook text: more than the default size limit takes. */
export function largeFile(bytes: number): string {
  const section = '## 단계\n\n- [ ] 서버를 확인한다\n- [ ] 담당자: ________\n\n'
  return `# 큰 파일\n\n${section.repeat(Math.ceil(bytes / new TextEncoder().encode(section).length))}`
}

/** The small odd files: empty, front matter alone, broken YAML, byte order mark, line endings. */
export const oddFiles: Shape[] = [
  {name: 'empty file', text: ''},
  {name: 'blank lines only', text: '\n\n   \n\t\n'},
  {name: 'front matter only', text: '---\ntitle: 제목\nversion: 1.0.0\n---\n', needle: '제목'},
  {name: 'invalid YAML', text: '---\ntitle: [unclosed\n  : : bad\n---\n\n# 본문\n\n- [ ] 단계 하나\n', needle: '단계 하나'},
  {name: 'byte order mark', text: '\uFEFF# 제목\n\n- [ ] 첫 단계\n', needle: '첫 단계'},
  {name: 'CRLF', text: '# 제목\r\n\r\n- [ ] 첫 단계\r\n  - [ ] 둘째 단계\r\n\r\n> [!WARNING]\r\n> 조심\r\n', needle: '둘째 단계'},
  {name: 'mixed line endings', text: '# 제목\r\n\n- [ ] 첫 단계\r- [ ] 둘째 단계\n\r\n| a | b |\r|---|---|\n| 셋째 | x |\r\n', needle: '셋째'}
]
