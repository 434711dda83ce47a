import {describe, expect, test} from 'vitest'
import {itemsOf} from '../model/walk.js'
import type {Block, Checklist, Item} from '../schema/blocks.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

/** The blocks under `## 단계`. */
function blocksOf(body: string): Block[] {
  const [section] = parseRunbook(`## 단계\n\n${body}\n`).runbook.children
  if (section?.type !== 'section') throw new Error('expected a section')
  return withoutPositions(section.children)
}

function checklistOf(body: string): Checklist {
  const [list] = blocksOf(body)
  if (list?.type !== 'checklist') throw new Error(`expected a checklist, got ${list?.type}`)
  return list
}

/** Item id by text, for every item of a runbook. */
function idsByText(source: string): Map<string, string> {
  return new Map(itemsOf(parseRunbook(source).runbook).map((item) => [item.text, item.id]))
}

describe('items', () => {
  test('an unordered task list: one item per entry, with the whole shape', () => {
    expect(checklistOf('- [ ] 코드 리뷰 **완료**\n- [x] 태그 `v1.0.0` 생성')).toEqual({
      type: 'checklist',
      ordered: false,
      start: null,
      spread: false,
      items: [
        {
          type: 'item',
          id: '단계--코드-리뷰-완료',
          checked: false,
          number: null,
          content: [
            {type: 'text', value: '코드 리뷰 '},
            {type: 'strong', children: [{type: 'text', value: '완료'}]}
          ],
          text: '코드 리뷰 완료',
          optional: false,
          criterion: null,
          evidence: [],
          commands: [],
          items: [],
          children: []
        },
        {
          type: 'item',
          id: '단계--태그-v100-생성',
          checked: true,
          number: null,
          content: [
            {type: 'text', value: '태그 '},
            {type: 'inlineCode', value: 'v1.0.0'},
            {type: 'text', value: ' 생성'}
          ],
          text: '태그 v1.0.0 생성',
          optional: false,
          criterion: null,
          evidence: [],
          commands: [],
          items: [],
          children: []
        }
      ]
    })
  })

  test('an ordered task list keeps its start and numbers its items as markdown renders them', () => {
    const list = checklistOf('3. [ ] c\n4. [X] d\n4. [ ] e')
    expect([list.ordered, list.start]).toEqual([true, 3])
    expect(list.items.map((item) => [item.text, item.number, item.checked])).toEqual([
      ['c', 3, false],
      ['d', 4, true],
      ['e', 5, false]
    ])
  })

  test('`*` and `+` bullets and `1)` numbers are task lists too', () => {
    expect(checklistOf('* [ ] a').items).toHaveLength(1)
    expect(checklistOf('+ [x] a').items[0]?.checked).toBe(true)
    expect(checklistOf('1) [ ] a').ordered).toBe(true)
  })

  test('nested at any depth: task lists under an item are its `items`', () => {
    const list = checklistOf('- [ ] 1\n  - [ ] 1.1\n    - [x] 1.1.1\n      1. [ ] 1.1.1.1\n- [ ] 2')
    const shape = (items: readonly Item[]): unknown => items.map((item) => [item.text, item.checked, shape(item.items)])
    expect(shape(list.items)).toEqual([
      ['1', false, [['1.1', false, [['1.1.1', true, [['1.1.1.1', false, []]]]]]]],
      ['2', false, []]
    ])
    expect(list.items[0]?.items[0]?.items[0]?.items[0]?.number).toBe(1)
  })

  test('a mixed list is a checklist; its plain entries are items with checked null', () => {
    const list = checklistOf('1. [ ] 문제 문서화\n2. 이해관계자 알림\n3. [x] 롤백 실행')
    expect(list.items.map((item) => [item.text, item.checked, item.number])).toEqual([
      ['문제 문서화', false, 1],
      ['이해관계자 알림', null, 2],
      ['롤백 실행', true, 3]
    ])
  })

  test('a list without any task is a plain list, kept with its entries', () => {
    expect(blocksOf('- 하나\n- 둘')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        items: [
          {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value: '하나'}]}]},
          {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value: '둘'}]}]}
        ]
      }
    ])
  })

  test('code blocks nested under an item are its commands, with lang and code', () => {
    const [item] = checklistOf('- [ ] Terraform 계획 실행\n  ```bash\n  cd infra\n  terraform plan\n  ```\n  ```\n  plain\n  ```').items
    expect(item?.commands).toEqual([
      {type: 'command', lang: 'bash', meta: null, code: 'cd infra\nterraform plan'},
      {type: 'command', lang: null, meta: null, code: 'plain'}
    ])
    expect(item?.children).toEqual([])
  })

  test('a command under an ordered item (the rollback step of the seed)', () => {
    const list = checklistOf('3. [ ] 롤백 실행:\n   ```bash\n   ./scripts/rollback.sh production app\n   ```\n4. [ ] 확인')
    expect(list.items[0]?.commands).toEqual([
      {type: 'command', lang: 'bash', meta: null, code: './scripts/rollback.sh production app'}
    ])
    expect(list.items[1]?.commands).toEqual([])
  })

  test('other nested blocks are kept in `children`, in order', () => {
    const [item] = checklistOf('- [ ] 단계\n\n  설명 문단\n\n  > 인용\n\n  - 그냥 목록\n\n  | a |\n  |---|\n  | 1 |').items
    expect(item?.children.map((block) => block.type)).toEqual(['paragraph', 'blockquote', 'list', 'table'])
    expect(item?.items).toEqual([])
  })

  test('an item holding only an HTML comment has empty text', () => {
    const [item] = checklistOf('- [ ] <!-- 나중에 -->').items
    expect(item?.text).toBe('')
  })
})

describe('item ids', () => {
  test('readable: the section id and the text, Hangul kept', () => {
    expect([...idsByText('## 배포 전\n\n- [ ] 모든 코드가 main 브랜치에 병합됨\n').values()]).toEqual([
      '배포-전--모든-코드가-main-브랜치에-병합됨'
    ])
  })

  test('items before any section have no section prefix', () => {
    expect([...idsByText('- [ ] Check the build\n').values()]).toEqual(['check-the-build'])
  })

  test('nested items share the section prefix', () => {
    expect([...idsByText('## S\n\n- [ ] a\n  - [ ] b\n').values()]).toEqual(['s--a', 's--b'])
  })

  test('unique: the same text twice in a section gets a counter', () => {
    expect(itemsOf(parseRunbook('## S\n\n- [ ] 확인\n- [ ] 확인\n').runbook).map((item) => item.id)).toEqual(['s--확인', 's--확인-2'])
  })

  test('unique across sections: the same text in two sections gets two section prefixes', () => {
    expect(itemsOf(parseRunbook('## A\n\n- [ ] 확인\n\n## B\n\n- [ ] 확인\n').runbook).map((item) => item.id)).toEqual([
      'a--확인',
      'b--확인'
    ])
  })

  test('stable: unchanged when other items are inserted, removed or reordered', () => {
    const original = idsByText('## 배포\n\n- [ ] 빌드\n- [ ] 푸시\n  - [ ] 태그 확인\n- [ ] 배포\n\n## 검증\n\n- [ ] 헬스 체크\n')
    const variants = [
      // inserted, at the start, in the middle, nested and in a new section before
      '## 새 섹션\n\n- [ ] 새 단계\n\n## 배포\n\n- [ ] 준비\n- [ ] 빌드\n- [ ] 새 단계\n- [ ] 푸시\n  - [ ] 먼저\n  - [ ] 태그 확인\n- [ ] 배포\n\n## 검증\n\n- [ ] 헬스 체크\n',
      // removed
      '## 배포\n\n- [ ] 푸시\n  - [ ] 태그 확인\n- [ ] 배포\n\n## 검증\n\n- [ ] 헬스 체크\n',
      // reordered, and turned into an ordered list with some ticked
      '## 배포\n\n1. [x] 배포\n2. [ ] 푸시\n   - [x] 태그 확인\n3. [ ] 빌드\n\n## 검증\n\n- [ ] 헬스 체크\n'
    ]
    for (const variant of variants) {
      const ids = idsByText(variant)
      for (const [text, id] of ids) if (original.has(text)) expect([text, id]).toEqual([text, original.get(text)])
      expect([...ids.keys()].filter((text) => original.has(text)).length).toBeGreaterThanOrEqual(3)
    }
  })
})
