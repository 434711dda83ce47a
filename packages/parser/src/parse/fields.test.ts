import {describe, expect, test} from 'vitest'
import type {Block} from '../schema/blocks.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

/** The blocks of the first section of a runbook made of `## S` and `body`. */
function blocksOf(body: string): Block[] {
  const [section] = parseRunbook(`## S\n\n${body}\n`).runbook.children
  if (section?.type !== 'section') throw new Error('expected a section')
  return withoutPositions(section.children)
}

describe('fields', () => {
  test('`**라벨**: 값` is a field with its label, normalised key, rich value and text', () => {
    expect(blocksOf('**환경**: AWS `prod`')).toEqual([
      {
        type: 'field',
        label: '환경',
        key: 'environment',
        value: [
          {type: 'text', value: 'AWS '},
          {type: 'inlineCode', value: 'prod'}
        ],
        text: 'AWS prod'
      }
    ])
  })

  test('several fields in one paragraph, split by hard breaks (two spaces and backslash) or newlines', () => {
    const blocks = blocksOf('**프로젝트**: 결제  \n**버전**: 1.0.0\\\n**환경**: prod\n**비고**: 없음')
    expect(blocks.map((block) => (block.type === 'field' ? [block.label, block.key, block.text] : block.type))).toEqual([
      ['프로젝트', 'project', '결제'],
      ['버전', 'version', '1.0.0'],
      ['환경', 'environment', 'prod'],
      ['비고', 'notes', '없음']
    ])
  })

  test('lines that are not fields stay one paragraph, in order between the fields', () => {
    const blocks = blocksOf('**담당자**: 김철수\n그냥 문장 하나\n또 한 줄\n**Status**: done')
    expect(blocks.map((block) => block.type)).toEqual(['field', 'paragraph', 'field'])
    expect(blocks[1]).toEqual({type: 'paragraph', children: [{type: 'text', value: '그냥 문장 하나\n또 한 줄'}]})
  })

  test.each([
    ['프로젝트', 'project'],
    ['Project', 'project'],
    ['버전', 'version'],
    ['Version', 'version'],
    ['배포 날짜', 'date'],
    ['Date', 'date'],
    ['담당자', 'owner'],
    ['배포 담당자', 'owner'],
    ['Owner', 'owner'],
    ['환경', 'environment'],
    ['Environment', 'environment'],
    ['비고', 'notes'],
    ['Notes', 'notes'],
    ['배포 상태', 'status'],
    ['Status', 'status'],
    ['최종 업데이트', 'updated'],
    ['Last updated', 'updated'],
    ['DEPLOYMENT OWNER', 'owner']
  ])('label %s → key %s, the label kept as written', (label, key) => {
    expect(blocksOf(`**${label}**: x`)).toEqual([
      {type: 'field', label, key, value: [{type: 'text', value: 'x'}], text: 'x'}
    ])
  })

  test('an unknown label keeps its label and gets key null', () => {
    expect(blocksOf('**커피 취향**: 라떼')).toEqual([
      {type: 'field', label: '커피 취향', key: null, value: [{type: 'text', value: '라떼'}], text: '라떼'}
    ])
  })

  test('`**Label:** value`: the colon inside the bold', () => {
    expect(blocksOf('**Owner:** Kim')).toEqual([
      {type: 'field', label: 'Owner', key: 'owner', value: [{type: 'text', value: 'Kim'}], text: 'Kim'}
    ])
  })

  test('a full-width colon `：` works like `:`', () => {
    expect(blocksOf('**버전**： 2.0')).toMatchObject([{type: 'field', label: '버전', key: 'version', text: '2.0'}])
  })

  test('bold text without a colon, or not at the start of the line, is not a field', () => {
    expect(blocksOf('**중요** 반드시 확인')).toMatchObject([{type: 'paragraph'}])
    expect(blocksOf('참고 **버전**: 1.0')).toMatchObject([{type: 'paragraph'}])
  })

  test('a field with an empty value', () => {
    expect(blocksOf('**비고**:')).toEqual([{type: 'field', label: '비고', key: 'notes', value: [], text: ''}])
  })

  test('a field has the position of its line', () => {
    const source = '## S\n\n**버전**: 1.0.0\n**환경**: prod\n'
    const [section] = parseRunbook(source).runbook.children
    const second = section?.type === 'section' ? section.children[1] : undefined
    expect(second?.type).toBe('field')
    const start = source.indexOf('**환경**')
    expect(second?.position).toEqual({
      start: {line: 4, column: 1, offset: start},
      end: {line: 4, column: 1 + '**환경**: prod'.length, offset: start + '**환경**: prod'.length}
    })
  })
})

describe('choices', () => {
  test('`**배포 상태**: [ ] 성공 [ ] 부분 성공 [ ] 실패` is a labelled choice', () => {
    expect(blocksOf('**배포 상태**: [ ] 성공 [ ] 부분 성공 [ ] 실패')).toEqual([
      {
        type: 'choice',
        id: 's--배포-상태',
        label: '배포 상태',
        key: 'status',
        options: [
          {label: '성공', checked: false},
          {label: '부분 성공', checked: false},
          {label: '실패', checked: false}
        ]
      }
    ])
  })

  test('a choice without a label', () => {
    expect(blocksOf('[ ] 성공 [ ] 부분 성공 [ ] 실패')).toEqual([
      {
        type: 'choice',
        id: 's--choice',
        label: null,
        key: null,
        options: [
          {label: '성공', checked: false},
          {label: '부분 성공', checked: false},
          {label: '실패', checked: false}
        ]
      }
    ])
  })

  test('a checked option, `[x]` or `[X]`, in English', () => {
    const [choice] = blocksOf('**Status**: [ ] Success [x] Partial success [ ] Failed')
    expect(choice).toMatchObject({
      type: 'choice',
      label: 'Status',
      key: 'status',
      options: [
        {label: 'Success', checked: false},
        {label: 'Partial success', checked: true},
        {label: 'Failed', checked: false}
      ]
    })
    const [upper] = blocksOf('[X] Yes [ ] No')
    expect(upper).toMatchObject({type: 'choice', options: [{label: 'Yes', checked: true}, {label: 'No', checked: false}]})
  })

  test('boxes with an empty option or with other text first are not a choice', () => {
    expect(blocksOf('[ ] [ ] 실패')).toMatchObject([{type: 'paragraph'}])
    expect(blocksOf('결과: [ ] 성공 [ ] 실패')).toMatchObject([{type: 'paragraph'}])
  })
})

describe('signatures', () => {
  test('`**배포자**: ____ **날짜**: ____` is one signature of two fields, each blank labelled', () => {
    expect(blocksOf('**배포자**: _________________ **날짜**: _____________')).toEqual([
      {
        type: 'signature',
        fields: [
          {
            type: 'field',
            label: '배포자',
            key: 'deployer',
            value: [{type: 'blank', id: 's--배포자', width: 17, label: '배포자'}],
            text: '_________________'
          },
          {
            type: 'field',
            label: '날짜',
            key: 'date',
            value: [{type: 'blank', id: 's--배포자-날짜', width: 13, label: '날짜'}],
            text: '_____________'
          }
        ]
      }
    ])
  })

  test('in English: `**Approved by**: ____ **Date**: ____`', () => {
    const [signature] = blocksOf('**Approved by**: ______ **Date**: ______')
    expect(signature?.type).toBe('signature')
    expect(signature?.type === 'signature' && signature.fields.map((field) => [field.label, field.key])).toEqual([
      ['Approved by', 'approver'],
      ['Date', 'date']
    ])
  })

  test('a lone sign-off label asking to be filled in is a signature; another lone label is a field', () => {
    expect(blocksOf('**서명**: ______')).toMatchObject([{type: 'signature', fields: [{label: '서명', key: 'signature'}]}])
    expect(blocksOf('**비고**: ______')).toMatchObject([{type: 'field', label: '비고', key: 'notes'}])
  })

  test('several filled-in labels on one line are not a signature', () => {
    expect(blocksOf('**배포자**: 김철수 **날짜**: 2025-08-21')).toMatchObject([{type: 'paragraph'}])
  })
})

describe('positions of paragraphs', () => {
  /** The source text under each paragraph of a list entry. */
  function paragraphSources(source: string): string[] {
    const {runbook} = parseRunbook(source)
    const [list] = runbook.children
    if (list?.type !== 'list') throw new Error('expected a list')
    return list.items[0]!.children.flatMap((block) =>
      block.type === 'paragraph' && block.position ? [source.slice(block.position.start.offset, block.position.end.offset)] : []
    )
  }

  test('prose over indented lines spans all of its lines', () => {
    expect(paragraphSources('- note\n\n  first line\n  second line\n')).toEqual(['note', 'first line\n  second line'])
  })

  test('prose after a field line spans all of its lines too', () => {
    expect(paragraphSources('- note\n\n  **Owner**: me\n  first line\n  second line\n')).toEqual(['note', 'first line\n  second line'])
  })
})
