import {describe, expect, test} from 'vitest'
import type {ParseOptions} from '../parse/options.js'
import {parseRunbook} from '../parse/parse-runbook.js'
import {rules} from './lint.js'

/** `[rule, line, column]` of every message. */
function reportsOf(source: string, options?: ParseOptions): Array<[string | undefined, number | undefined, number | undefined]> {
  return parseRunbook(source, options).messages.map((message) => [message.ruleId, message.line, message.column])
}

function rulesOf(source: string, options?: ParseOptions): Array<string | undefined> {
  return parseRunbook(source, options).messages.map((message) => message.ruleId)
}

describe('lint', () => {
  test('each rule is listed under the id it reports with', () => {
    for (const [id, rule] of Object.entries(rules)) expect(rule.id).toBe(id)
  })

  test('the rules', () => {
    expect(Object.keys(rules).sort()).toEqual([
      'blank-without-label',
      'duplicate-id',
      'empty-item',
      'empty-section',
      'mixed-checkbox-style',
      'numbering-skip',
      'unresolved-link'
    ])
  })

  test('a message is a warning with a rule id, the source `runsheet` and a place', () => {
    const source = '# T\n\n## S\n\n- [ ] 같은\n- [ ] 같은\n'
    const second = source.lastIndexOf('- [ ] 같은')
    const [message] = parseRunbook(source).messages
    expect(message).toMatchObject({
      ruleId: 'duplicate-id',
      source: 'runsheet',
      fatal: false,
      line: 6,
      column: 1,
      place: {start: {line: 6, column: 1, offset: second}, end: {line: 6, column: 9, offset: second + 8}},
      reason: 'Step `같은` repeats one at line 5: its id `s--같은-2` depends on their order'
    })
    expect(String(message)).toBe('6:1-6:9: Step `같은` repeats one at line 5: its id `s--같은-2` depends on their order')
  })

  test('a clean runbook gets no message', () => {
    const source = '# T\n\n**배포 날짜**: ____\n\n## 1단계\n\n1. [ ] a\n2. [x] b\n\n## 2단계\n\n- [ ] [링크](#1단계)\n'
    expect(parseRunbook(source).messages).toEqual([])
  })
})

describe('duplicate-id', () => {
  test('fires on a step repeated in one section, in Korean or English', () => {
    expect(reportsOf('## S\n\n- [ ] 확인\n- [ ] 다른\n- [ ] 확인\n')).toEqual([['duplicate-id', 5, 1]])
    expect(rulesOf('## S\n\n- [ ] Check\n  - [ ] Check\n')).toEqual(['duplicate-id'])
  })

  test('not on the same step in two sections, nor on plain entries', () => {
    expect(rulesOf('## A\n\n- [ ] 확인\n\n## B\n\n- [ ] 확인\n')).toEqual([])
    expect(rulesOf('## A\n\n- [ ] a\n- 확인\n- 확인\n')).toEqual(['duplicate-id'])
    expect(rulesOf('## A\n\n- 확인\n- 확인\n')).toEqual([])
  })
})

describe('empty-section', () => {
  test('fires on a heading with nothing under it', () => {
    expect(reportsOf('# T\n\n## 준비\n\n- [ ] a\n\n## 비어 있음\n\n## Done\n\ntext\n')).toEqual([['empty-section', 7, 1]])
  })

  test('not on a section holding only subsections or only a paragraph', () => {
    expect(rulesOf('# T\n\n## 상위\n\n### 하위\n\n텍스트\n')).toEqual([])
  })
})

describe('empty-item', () => {
  test('fires on a checkbox with nothing to do', () => {
    expect(reportsOf('## S\n\n- [ ] a\n- [ ] <!-- TODO -->\n')).toEqual([['empty-item', 4, 1]])
  })

  test('not on a step that has only a command or nested steps', () => {
    expect(rulesOf('## S\n\n- [ ] <!-- x -->\n  ```sh\n  make\n  ```\n- [ ] <!-- y -->\n  - [ ] b\n')).toEqual([])
  })

  // GFM reads `- [ ]` with nothing after the box as a plain entry whose text is `[ ]`, so the most common
  // way of writing an empty step is not reported.
  test('fires on `- [ ]` with nothing after the box', () => {
    expect(rulesOf('## S\n\n- [ ] a\n- [ ]\n')).toEqual(['empty-item'])
  })
})

describe('unresolved-link', () => {
  const options: ParseOptions = {path: 'deploy.md', root: '', exists: (path) => path === 'docs/guide.md'}

  test('fires on a relative link to a missing file, given a root', () => {
    expect(reportsOf('## S\n\n[가이드](docs/guide.md) · [없음](docs/missing.md)\n', options)).toEqual([['unresolved-link', 3, 24]])
  })

  test('not without a root, nor on external links', () => {
    expect(rulesOf('## S\n\n[없음](docs/missing.md) [x](https://example.com/nope.md)\n', {path: 'deploy.md'})).toEqual([])
  })

  test('fires on an anchor no section or step has', () => {
    expect(reportsOf('## S\n\n[어디](#없는-섹션)\n')).toEqual([['unresolved-link', 3, 1]])
  })

  test('in the title and subtitle too, which are headings as any other', () => {
    expect(reportsOf('# 배포 — [가이드](#없는-곳)\n\n## 결제 [런북](#없음)\n\nText.\n')).toEqual([
      ['unresolved-link', 1, 8],
      ['unresolved-link', 3, 7]
    ])
  })

  test('not on anchors of sections (id or GitHub anchor, any case) or steps', () => {
    const source = '# T\n\n## 🔄 롤백 절차\n\n- [ ] 실행\n\n## Links\n\n[a](#롤백-절차) [b](#-롤백-절차) [c](#롤백-절차--실행) [d](#LINKS)\n'
    expect(rulesOf(source)).toEqual([])
  })
})

describe('blank-without-label', () => {
  test('fires on a blank nothing names', () => {
    expect(reportsOf('## S\n\n___ 에 적으세요\n')).toEqual([['blank-without-label', 3, 1]])
    expect(reportsOf('## S\n\n- [ ] Write ____ here\n')).toEqual([['blank-without-label', 3, 13]])
  })

  test('not on blanks labelled by a field, by words and a colon, or by a table column', () => {
    const source = '## S\n\n**비고**: ____\n\n발생 시각: ____\n\n| 이름 |\n|---|\n| ____ |\n'
    expect(rulesOf(source)).toEqual([])
  })
})

describe('numbering-skip', () => {
  test('fires on sibling sections that skip a step, Korean or English', () => {
    expect(reportsOf('## 1단계\n\n- [ ] a\n\n## 2단계\n\n- [ ] b\n\n## 4단계\n\n- [ ] c\n')).toEqual([['numbering-skip', 9, 1]])
    expect(rulesOf('## Step 1\n\ntext\n\n## Step 3\n\ntext\n')).toEqual(['numbering-skip'])
    expect(rulesOf('## 준비\n\n### 1. 코드\n\ntext\n\n### 3. 문서\n\ntext\n')).toEqual(['numbering-skip'])
  })

  test('not on consecutive steps, nor across different parents', () => {
    expect(rulesOf('## 1단계\n\n- [ ] a\n\n## 2단계\n\n- [ ] b\n\n## 3단계\n\n- [ ] c\n')).toEqual([])
    expect(rulesOf('# A\n\n## Phase 1\n\ntext\n\n# B\n\n## Phase 1\n\ntext\n')).toEqual([])
  })

  test('fires on an ordered checklist written 1, 2, 4', () => {
    expect(reportsOf('## S\n\n1. [ ] a\n2. [ ] b\n4. [ ] c\n')).toEqual([['numbering-skip', 5, 1]])
  })

  test('not on `1.` repeated (markdown numbers them), nor on 1, 2, 3', () => {
    expect(rulesOf('## S\n\n1. [ ] a\n1. [ ] b\n1. [ ] c\n')).toEqual([])
    expect(rulesOf('## S\n\n1. [ ] a\n2. [ ] b\n3. [ ] c\n')).toEqual([])
  })

  // The rule reads only lists that hold a task; a numbered procedure of plain entries is not checked.
  test('fires on a plain ordered list written 1, 2, 4', () => {
    expect(rulesOf('## S\n\n1. 백업\n2. 배포\n4. 확인\n')).toEqual(['numbering-skip'])
  })
})

describe('mixed-checkbox-style', () => {
  test('fires on `- [ ]` and `* [ ]` in one runbook', () => {
    expect(reportsOf('## A\n\n- [ ] a\n\n## B\n\n* [ ] b\n')).toEqual([['mixed-checkbox-style', 7, 1]])
  })

  test('fires on `[x]` and `[X]` in one runbook', () => {
    expect(reportsOf('## S\n\n- [x] a\n- [X] b\n')).toEqual([['mixed-checkbox-style', 4, 1]])
  })

  test('fires on `1.` and `1)` in one runbook', () => {
    expect(rulesOf('## S\n\n1. [ ] a\n\n## T\n\n1) [ ] b\n')).toEqual(['mixed-checkbox-style'])
  })

  test('not on bullets beside numbers, nor on one style throughout', () => {
    expect(rulesOf('## S\n\n- [ ] a\n  1. [ ] b\n\n- [x] c\n- [x] d\n')).toEqual([])
  })
})

describe('unresolved-link and the anchors of the page', () => {
  // The site's page gives the title and subtitle their GitHub anchors as ids, as GitHub does.
  test('not on a link to the title\'s or the subtitle\'s GitHub anchor', () => {
    expect(reportsOf('# Links\n\n## Body\n\n[top](#links)\n')).toEqual([])
    expect(reportsOf('---\ntitle: Deploy\n---\n\n## Body\n\n[top](#deploy) [gone](#nowhere)\n')).toEqual([['unresolved-link', 7, 16]])
  })

  test('not on the ids of blanks and choices, which the page gives their inputs', () => {
    const source = '## S\n\n**배포자**: ____\n\n**결과**: [ ] 성공 [ ] 실패\n\n[a](#s--배포자) [b](#S--결과) [c](#s--없음)\n'
    expect(reportsOf(source)).toEqual([['unresolved-link', 7, 26]])
  })

  test('checks the anchors of the whole runbook once the walk is done, forward links included', () => {
    expect(rulesOf('# T\n\n[down](#later--step) [gone](#later--nope)\n\n## Later\n\n- [ ] Step\n')).toEqual(['unresolved-link'])
  })
})
