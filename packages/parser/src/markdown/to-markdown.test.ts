import {describe, expect, test} from 'vitest'
import {emptyRecord} from '../model/record.js'
import {en} from '../keywords/en.js'
import {parseRunbook} from '../parse/parse-runbook.js'
import type {RunRecord} from '../schema/record.js'
import type {Runbook} from '../schema/runbook.js'
import {withoutPositions} from '../test-util/files.js'
import {blocksToMarkdown, toMarkdown} from './to-markdown.js'
import {writtenFrontmatter} from './written-frontmatter.js'

const at = '2025-08-21T10:00:00+09:00'

/** The model apart from positions and the source it was read from. */
function modelOf(runbook: Runbook) {
  return withoutPositions({...runbook, source: null})
}

function roundTrip(source: string) {
  const first = parseRunbook(source).runbook
  const again = parseRunbook(toMarkdown(first)).runbook
  return {before: modelOf(first), after: modelOf(again)}
}

describe('toMarkdown', () => {
  test('writes a runbook back as normalised markdown', () => {
    const source = '# 배포\n\n**버전**: 1.0.0\n\n## 🚀 단계\n\n* [ ] 빌드\n* [X] 푸시\n   ```bash\n   make push\n   ```\n'
    expect(toMarkdown(parseRunbook(source).runbook)).toBe(
      '# 배포\n\n**버전**: 1.0.0\n\n## 🚀 단계\n\n- [ ] 빌드\n- [x] 푸시\n  ```bash\n  make push\n  ```\n'
    )
  })

  test('choices are written with their boxes, checked ones with `x`', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n**배포 상태**: [ ] 성공 [x] 부분 성공 [ ] 실패\n\n[ ] 예 [ ] 아니오\n').runbook)
    expect(markdown).toContain('**배포 상태**: [ ] 성공 [x] 부분 성공 [ ] 실패\n')
    expect(markdown).toContain('\n[ ] 예 [ ] 아니오\n')
  })

  test('a blank that could read as a rule or as emphasis is escaped', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n앞 ____ 뒤\n\n- [ ] 확인자: ____\n\n| a |\n|---|\n| ____ |\n').runbook)
    expect(markdown).toContain('앞 ____ 뒤\n')
    expect(markdown).toContain('- [ ] 확인자: ____\n')
    expect(markdown).toContain('| ____ |\n')
  })

  // Since c749811 the value of a field is taken for a line of its own, so its blank is escaped as if it
  // stood alone on a line (where `____` would be a thematic break): `**비고**: \_\_\_\_`.
  test('a title from the front matter, the first section or the file name writes no heading the text did not have', () => {
    const titled = (source: string, path?: string) => toMarkdown(parseRunbook(source, path ? {path} : {}).runbook)
    expect(titled('- [ ] a\n', 'ops/notitle.md')).toBe('- [ ] a\n')
    expect(titled('---\ntitle: Deploy\n---\n\n- [ ] a\n')).toBe('---\ntitle: Deploy\n---\n\n- [ ] a\n')
    expect(titled('## Steps\n\n- [ ] a\n')).toBe('## Steps\n\n- [ ] a\n')
    expect(titled('# Deploy [guide](g.md)\n\n- [ ] a\n')).toBe('# Deploy [guide](g.md)\n\n- [ ] a\n')
  })

  test('blanks of fields and signatures are written as plain underscores', () => {
    const markdown = toMarkdown(parseRunbook('# T\n\n**배포 날짜**: ___________\n\n## S\n\n**비고**: ____\n\n**배포자**: _________________ **날짜**: _____________\n').runbook)
    expect(markdown).toContain('**배포 날짜**: ___________\n')
    expect(markdown).toContain('**비고**: ____\n')
    expect(markdown).toContain('**배포자**: _________________ **날짜**: _____________\n')
  })

  test('GitHub alerts keep their marker and title', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n> [!WARNING] 주의\n> 운영 DB 직접 접속 금지\n').runbook)
    expect(markdown).toContain('> [!WARNING] 주의\n>\n> 운영 DB 직접 접속 금지\n')
  })

  test('admonitions are written as `!!! kind "title"` with an indented body', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n!!! warning "조심"\n\n    본문 **굵게**\n\n    - [ ] 확인\n').runbook)
    expect(markdown).toMatch(/^!!! warning "조심"\n(?:\n)? {4}본문 \*\*굵게\*\*\n\n {4}- \[ \] 확인\n/m)
  })

  test('reference links stay references beside their definition', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n- [API 문서][api]\n\n[api]: ./docs/API.md "API"\n').runbook)
    expect(markdown).toContain('- [API 문서][api]\n')
    expect(markdown).toContain('[api]: ./docs/API.md "API"\n')
  })

  test('autolinks stay autolinks; a bare URL is written in angle brackets', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n- <https://example.com>\n- 헬스: https://example.com/health\n').runbook)
    expect(markdown).toContain('- <https://example.com>\n')
    expect(markdown).toContain('- 헬스: <https://example.com/health>\n')
  })
})

describe('blocksToMarkdown', () => {
  test('writes blocks as they would stand in a runbook, with no runbook around them', () => {
    const [section] = parseRunbook('## S\n\n- [ ] 확인\n\n> [!NOTE] 참고\n').runbook.children
    const blocks = section?.type === 'section' ? section.children : []
    expect(blocksToMarkdown(blocks)).toBe('- [ ] 확인\n\n> [!NOTE] 참고\n')
  })

  test('a leading rule is written with stars: `---` on the first line would open front matter', () => {
    expect(blocksToMarkdown([{type: 'thematicBreak'}, {type: 'paragraph', children: [{type: 'text', value: 'a'}]}])).toBe('***\n\na\n')
  })
})

describe('table columns', () => {
  // Hangul takes two columns of a monospace font, as string-width counts; ✔ (text presentation) one,
  // an emoji with its presentation selector (🏗️) two.
  test('are aligned by the columns their text takes, wide characters counted as two', () => {
    const markdown = toMarkdown(parseRunbook('## S\n\n| 역할 | x |\n|---|---|\n| 배포 담당자 | ✔ |\n| a | 🏗️ |\n').runbook)
    expect(markdown).toContain('| 역할        | x  |\n| ----------- | -- |\n| 배포 담당자 | ✔  |\n| a           | 🏗️ |\n')
  })
})

describe('toMarkdown with a record', () => {
  const source = '## 배포\n\n- [ ] 빌드\n- [x] 푸시\n\n**배포 상태**: [ ] 성공 [ ] 실패\n\n**배포자**: ____ **날짜**: ____\n'
  const {runbook} = parseRunbook(source)
  const record: RunRecord = {
    ...emptyRecord(runbook),
    items: {'배포--빌드': {value: true, at}, '배포--푸시': {value: false, at}},
    blanks: {'배포--배포자': {value: '김철수', at}},
    choices: {'배포--배포-상태': {value: '실패', at}}
  }

  test('ticks, filled values and choices are written in', () => {
    const markdown = toMarkdown(runbook, {record})
    expect(markdown).toContain('- [x] 빌드\n- [ ] 푸시\n')
    expect(markdown).toContain('**배포 상태**: [ ] 성공 [x] 실패\n')
    expect(markdown).toMatch(/\*\*배포자\*\*: 김철수 \*\*날짜\*\*: \S+\n/)
  })

  test('the runbook given is not changed', () => {
    const before = structuredClone(runbook)
    toMarkdown(runbook, {record})
    expect(runbook).toEqual(before)
  })

  test('what was written reads back as the record left it', () => {
    const again = parseRunbook(toMarkdown(runbook, {record})).runbook
    const [section] = again.children
    const blocks = section?.type === 'section' ? section.children : []
    expect(blocks[0]?.type === 'checklist' && blocks[0].items.map((item) => item.checked)).toEqual([true, false])
    expect(blocks[1]).toMatchObject({type: 'choice', options: [{checked: false}, {checked: true}]})
    expect(blocks[2]).toMatchObject({type: 'signature', fields: [{text: '김철수'}, {text: '____'}]})
  })
})

test('a filled value with underscores in it reads back as that value, not as a blank', () => {
  const {runbook} = parseRunbook('## 배포\n\n**이미지 태그**: ____\n')
  const record: RunRecord = {...emptyRecord(runbook), blanks: {'배포--이미지-태그': {value: 'app___v2 ___', at}}}
  const markdown = toMarkdown(runbook, {record})
  expect(markdown).toContain('**이미지 태그**: app&#95;&#95;&#95;v2 &#95;&#95;&#95;\n')
  const again = parseRunbook(markdown).runbook
  expect(again.children[0]).toMatchObject({children: [{type: 'field', label: '이미지 태그', value: [{type: 'text', value: 'app___v2 ___'}]}]})
  // Written again, it stays text.
  expect(toMarkdown(again)).toBe(markdown)
})

describe('round trip: parse(toMarkdown(x)) is x apart from positions', () => {
  test.each([
    ['title, subtitle and header fields', '# 제목\n\n## 부제\n\n**프로젝트**: 결제\\\n**버전**: 1.0.0\n**Owner:** Kim\n\n## 본문\n\n- [ ] a\n'],
    ['front matter', '---\ntitle: FM\nlang: en\ntranslations:\n  ko: ./x.ko.md\n---\n\n## Steps\n\n- [ ] a\n'],
    ['a title and subtitle with links, code and emphasis', '# Deploy **v2** `api` — see [the guide](guide.md)\n\n## Service *api*, owner [SRE](https://sre.example.com)\n\n## Steps\n\n- [ ] a\n'],
    ['front matter naming another subtitle than the H2 under the title', '---\nsubtitle: API\n---\n\n# Deploy\n\n## Payments\n\nText.\n'],
    ['front matter naming the title the H1 and subtitle also give', '---\ntitle: Deploy\nsubtitle: API\n---\n\n# Deploy\n\n## API\n\nText.\n'],
    ['front matter with an empty title and subtitle, the headings giving them', '---\ntitle: ""\nsubtitle:\nowner: sre\n---\n\n# Production deploy\n\n## 결제 서비스\n\n## Steps\n\n- [ ] a\n'],
    ['nested sections, setext and emoji', '# T\n\nPhase 1\n=======\n\n🚀 1일차\n-------\n\n- [ ] a\n\n### 문제 발견 시:\n\n1. [ ] b\n'],
    ['task lists at any depth, ordered, checked, mixed', '## S\n\n3. [ ] a\n4. plain\n5. [x] b\n   - [X] c\n     - [ ] d\n       1. [ ] e\n'],
    ['commands under items and alone', '## S\n\n- [ ] a\n  ```bash\n  ls\n  ```\n\n  note\n- [ ] b\n\n```sh\n# 상태\n./s.sh\n\n# 로그\n./l.sh\n```\n'],
    ['optional, criteria and evidence', '## S\n\n- [ ] 도메인 (해당하는 경우)\n- [ ] 응답 시간 < 500ms (p95)\n- [x] 단위 테스트 통과 (커버리지: 84.9% ✓)\n- [ ] Email (optional)\n'],
    ['fields, choices and signatures', '## S\n\n**비고**: ______\n\n**배포 상태**: [ ] 성공 [x] 부분 성공 [ ] 실패\n\n[ ] yes [ ] no\n\n**배포자**: ____ **날짜**: ____\n'],
    ['blanks in text, items and cells', '## S\n\n발생 시각: _____ 그리고 ___ 끝\n\n- [ ] 확인자: ______\n\n| 역할 | 이름 | 연락처 |\n|---|---|---|\n| 리드 | ____ | ___ |\n'],
    ['tables with alignment', '## S\n\n| a | b | c |\n|:--|:-:|--:|\n| **1** | `2` | [3](x.md) |\n'],
    ['GitHub alerts and quotes', '## S\n\n> [!CAUTION] 제목\n> 본문\n>\n> - [ ] 확인\n\n> 그냥 인용\n'],
    ['links of every form', '## S\n\n[a](docs/a.ko.md#x) [b][ref] <https://c.io> https://d.io/e [f](#s)\n\n[ref]: ./b.md "B"\n'],
    ['html, footnotes, images, strike', '## S\n\n<div>html</div>\n\nText[^1] ~~old~~ ![alt](p.png "t")\n\n[^1]: note\n'],
    ['footer', '# T\n\n## S\n\n- [ ] a\n\n---\n\n*버전: 1.0.0 | 최종 업데이트: 2025-08-21*\n'],
    ['entries that start with another block (`1. ___` is a rule)', '## S\n\n1. ___\n\n2. [x] 배포\n\n- > quote\n- [ ] x\n'],
    ['a paragraph and a sign-off on the lines of one tight entry', '## S\n\n- 배포\n  **배포자**: ___ **날짜**: ___\n- b\n'],
    ['emoji right before a title, with a tab, or before emphasis', '# T\n\n## 🚀Deploy\n\n## 🚀\tRoll back\n\n## 🚀**굵게** 단계\n\n## 🚀 Deploy\n\n## 🚀  Two spaces\n'],
    ['a setext heading of two lines, an emoji alone on the first', '# T\n\n🏗️\n배포 단계\n---------\n\n- [ ] a\n'],
    ['a rule right under a paragraph in tight entries', '## S\n\n1. 배포\n   ***\n2. b\n\n- [ ] c\n  ***\n- [ ] d\n'],
    ['a code span across lines, one of them starting like a block', '## S\n\n보기 `kubectl\n**pods**` 끝\n'],
    ['a lazy line after the fence of an admonition, read as a code span', '!!! note\n    ```sh\n    **굵게**\n    ```\n**배포자**: ____ **날짜**: ____ 배포\n'],
    ['a setext heading holding a code span across lines', '> 배포\n\n!!! note\n    ```sh\n    배포\n    ```\n배포\n===\n']
  ])('%s', (_, source) => {
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })

  // toMarkdown writes the body right under the `!!!` line, where CommonMark reads it as part of a
  // paragraph rather than as indented code: the parser reads both as the same admonition.
  test.each([
    ['a paragraph', '## S\n\n!!! warning "조심"\n\n    본문 ____\n'],
    ['lists, nested and of both kinds', '## S\n\n!!! info "참고"\n    * `a` 설정\n    1. 다음 항목\n        * 가. 영문\n    2. 시스템\n'],
    ['a paragraph, a list and code', '## S\n\n!!! tip\n    먼저\n\n    - [ ] 확인\n\n    ```sh\n    ls\n    ```\n']
  ])('MkDocs admonitions of %s', (_, source) => {
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })

  // The kind is how a callout is shown; the tag is how it was written, and what is written back.
  const alertLabels = ['note', 'tip', 'important', 'warning', 'caution'].flatMap((label) => [label, label.toUpperCase(), label[0]!.toUpperCase() + label.slice(1)])
  test.each(alertLabels)('a GitHub alert `> [!%s]` is written back as it was', (label) => {
    const source = `## S\n\n> [!${label}] 제목\n> 본문\n`
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
    expect(toMarkdown(parseRunbook(source).runbook)).toContain(`> [!${label}] 제목\n`)
  })

  const admonitionTypes = Object.keys(en.admonitionKinds).flatMap((type) => [type, type.toUpperCase()])
  test.each(admonitionTypes)('an admonition `!!! %s` is written back as it was', (type) => {
    const source = `## S\n\n!!! ${type} "제목"\n    본문\n`
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
    expect(toMarkdown(parseRunbook(source).runbook)).toContain(`!!! ${type} "제목"\n    본문\n`)
  })

  // Found by the round-trip property (property.test.ts).
  test.each([
    ['a `www.` literal link, which is written as its text', 'www.example.com 배포\n'],
    ['a `www.` literal before a hard break, which a backslash would run on into', 'a www.example.com  \nb\n'],
    ['header fields, the first ending in a `www.` literal', '**라벨**: www.example.com\n\n**라벨**: 배포\n'],
    ['an admonition under a table in a list entry, apart from the table', '- [ ] 배포\n    | 역할 | 이름 |\n    |---|---|\n    | a | b |\n\n    !!! note\n        배포\n'],
    ['an admonition in a checklist entry after its text', '- 배포\n\n  !!! note\n      배포\n\n      - [ ] 배포\n\n- [ ] 배포\n'],
    ['a table under a nested task in an entry, apart from the task', '- [ ] 배포\n\n   - [ ] 확인\n\n    | 역할 | 이름 |\n    |---|---|\n    | a | b |\n'],
    ['a paragraph after an admonition in a task entry, apart from its body', '- [ ] 배포\n\n  !!! note\n      | 역할 | 이름 |\n      |---|---|\n      | a | b |\n\n  다음\n'],
    ['an admonition in a quote in a quote', '> > ??? tip "제목"\n> >     인용 안\n> >\n> >     - [ ] 확인\n'],
    ['an admonition of several blocks in a task entry', '- [ ] 배포\n\n  !!! note\n      * 배포\n      1. 배포\n          * 배포\n      2. 배포\n']
  ])('%s', (_, source) => {
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })

  // Every MkDocs type and alias, each written with every marker, with and without a title, over a body
  // that nests: what format writes is what was read, and the model of it is the same.
  const markers = ['!!!', '???', '???+']
  const admonitions = Object.keys(en.admonitionKinds).flatMap((type) =>
    markers.flatMap((marker) => [`${marker} ${type}`, `${marker} ${type} "제목 *그대로*"`])
  )
  test.each(admonitions)('`%s` with a nested body is formatted as it was written', (opening) => {
    const source = `## S\n\n${opening}\n    본문 **굵게**\n\n    - 항목\n      - [ ] 안쪽 확인\n\n    !!! note\n        안의 안\n`
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
    expect(toMarkdown(parseRunbook(source).runbook)).toBe(source)
  })
})

/** What format writes, and what it writes when given that back: the two must be the same text. */
function formattedTwice(source: string) {
  const once = toMarkdown(parseRunbook(source).runbook)
  return {once, twice: toMarkdown(parseRunbook(once).runbook)}
}

describe('fill-in blanks before a hard break', () => {
  // `____\` then `:____` on the next line: the backslash makes the first run of underscores open
  // emphasis, the second close it, and the two blanks came back as `__` in bold.
  const source = '# 배포 승인\n\n## 서명\n\n배포자: ____  \n날짜:____\n'

  test('the break is written with spaces, and both blanks read back as blanks', () => {
    const {once, twice} = formattedTwice(source)
    expect(once).toContain('배포자: ____  \n날짜:____\n')
    expect(twice).toBe(once)
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })

  test.each([
    ['a blank touching a word, escaped', '## S\n\n이름:____  \n날짜:____\n'],
    ['blanks of header fields', '# T\n\n**배포자**: ____  \n**날짜**: ____\n'],
    ['a blank in a checklist entry', '## S\n\n- [ ] 확인자: ____  \n  날짜:____\n'],
    ['a blank in emphasis', '## S\n\n*서명 ____*  \n*날짜 ____*\n']
  ])('%s', (_, text) => {
    const {once, twice} = formattedTwice(text)
    expect(once).not.toMatch(/_\\\n/)
    expect(twice).toBe(once)
    const {before, after} = roundTrip(text)
    expect(after).toEqual(before)
  })
})

describe('a choice box at the start of a plain list entry', () => {
  // `- [x]Changelog` is a list whose entries hold a choice of one option; written `- [x] Changelog`, GFM
  // read a task, and the list came back as a checklist with new items.
  test('is escaped, so the list reads back as a list of choices, not a checklist', () => {
    const source = '# Release\n\n## Notes\n\n- [x]Changelog reviewed\n- [ ]Docs\n'
    const {once, twice} = formattedTwice(source)
    expect(once).toBe('# Release\n\n## Notes\n\n- \\[x] Changelog reviewed\n- \\[ ] Docs\n')
    expect(twice).toBe(once)
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
    // `## Notes` right under the title is its subtitle: the list is the runbook's first block.
    expect(after.children).toMatchObject([{type: 'list', items: [{children: [{type: 'choice'}]}, {children: [{type: 'choice'}]}]}])
  })

  test.each([
    ['an ordered entry with two options', '## S\n\n1. [x]a [ ]b\n'],
    ['a loose entry', '## S\n\n- [X]a\n\n- [ ]b\n'],
    ['an entry with a paragraph under its box', '## S\n\n- [x]a\n  more\n'],
    ['a box after the entry text, which GFM does not read as a task', '## S\n\n- a\n\n  [x]b\n']
  ])('%s', (_, source) => {
    const {once, twice} = formattedTwice(source)
    expect(twice).toBe(once)
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })
})

describe('line endings', () => {
  // The model keeps a file's line endings inside code, HTML and text (`command.code` of a CRLF file holds
  // `\r\n`), and markdown's own lines were written with `\n`: the output mixed the two. Writing `\n`
  // throughout would change those values, and the model with them; so the file's own ending is kept, and
  // every line ends with it.
  const crlf = [
    '---\ntitle: T\n---\n\n# T\n\n## S\n\n- [ ] a\n  ```sh\n  ls\n  pwd\n  ```\n\n<div>\nx\n</div>\n\n줄 하나\n줄 둘\\\n셋\n',
    '!!! note\n    ```sh\n    a\n\n    b\n    ```\n\n    - [ ] 확인\n      둘째 줄\n\n> [!NOTE] 참고\n> ```\n> a\n> b\n> ```\n'
  ].map((text) => text.replace(/\n/g, '\r\n'))

  test.each(crlf)('a CRLF file is written with CRLF throughout, and reads back as it was (%#)', (source) => {
    const {once, twice} = formattedTwice(source)
    expect(once.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(twice).toBe(once)
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })

  test('a CRLF file with no line ending inside a value has nothing to keep: its lines end with `\\n`', () => {
    expect(toMarkdown(parseRunbook('# T\r\n\r\n- [ ] a\r\n').runbook)).toBe('# T\n\n- [ ] a\n')
  })
})

describe('front matter, given the source', () => {
  // Written anew from its data, the front matter lost its comments and had its flow list made a block list.
  const source = '---\n# Owner: SRE team — do not remove\ntitle: DB failover   # shown in the header\nreviewers: [kim, lee]\n---\n\n# DB failover\n\n- [ ] a\n'
  const {runbook} = parseRunbook(source)

  test('is written back as it stands there, comments and layout kept', () => {
    expect(toMarkdown(runbook, {frontmatter: writtenFrontmatter(source, runbook.frontmatter)})).toBe(source)
  })

  test('with a record written in too: a record holds no front matter', () => {
    const record: RunRecord = {...emptyRecord(runbook), items: {'a': {value: true, at}}}
    expect(toMarkdown(runbook, {frontmatter: writtenFrontmatter(source, runbook.frontmatter), record})).toBe(source.replace('- [ ] a', '- [x] a'))
  })

  test('is written from its data when it no longer reads as the source does, or with no source', () => {
    const changed = {...runbook, frontmatter: {...runbook.frontmatter, title: 'Other'}}
    expect(toMarkdown(changed, {frontmatter: writtenFrontmatter(source, changed.frontmatter)})).toContain('---\ntitle: Other\nreviewers:\n  - kim\n  - lee\n---\n')
    expect(toMarkdown(runbook)).toContain('---\ntitle: DB failover\nreviewers:\n  - kim\n  - lee\n---\n')
  })

  test('reads back as the same model, and is written again the same', () => {
    const once = toMarkdown(runbook, {frontmatter: writtenFrontmatter(source, runbook.frontmatter)})
    const again = parseRunbook(once).runbook
    expect(modelOf(again)).toEqual(modelOf(runbook))
    expect(toMarkdown(again, {frontmatter: writtenFrontmatter(once, again.frontmatter)})).toBe(once)
  })

  test('of a CRLF file keeps its CRLF, and the rest is written with it', () => {
    const crlf = source.replace(/\n/g, '\r\n')
    expect(toMarkdown(parseRunbook(crlf).runbook, {frontmatter: writtenFrontmatter(crlf, parseRunbook(crlf).runbook.frontmatter)})).toBe(crlf)
  })
})

describe('line endings, where a text ends with one', () => {
  // Found by the round-trip property with `FUZZ_RUNS=1500 FUZZ_SEED=777`: a lazy `\` line leaves the text
  // of a nested quote's paragraph ending with `\r\n`, which mdast-util-to-markdown writes as `\r` and
  // `&#xA;`; made `\r\n` there, the text read back with one line ending more.
  test.each([
    ['a CRLF file', '```bash\r\n# 라벨\r\n배포\r\n```\r\n\r\n> \\\r\n> > 배포\r\n\\\r\n**배포자**: ____ **날짜**: ____ 배포\r\n\r\n'],
    ['a CRLF file with no other line ending in a value', '> \\\r\n> > 배포\r\n\\\r\n**배포자**: ____ 배포\r\n']
  ])('%s reads back as it was, and is written again the same', (_, source) => {
    const {once, twice} = formattedTwice(source)
    expect(twice).toBe(once)
    const {before, after} = roundTrip(source)
    expect(after).toEqual(before)
  })
})
