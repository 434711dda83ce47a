import {describe, expect, test} from 'vitest'
import {walk} from '../model/walk.js'
import {parseRunbook} from './parse-runbook.js'

/** Blank and choice ids by their label, in document order. */
function fillInIds(source: string): Array<[label: string | null, id: string]> {
  const out: Array<[string | null, string]> = []
  walk(parseRunbook(source).runbook, (node) => {
    if (node.type === 'blank') out.push([node.label ?? null, node.id])
    if (node.type === 'choice') out.push([node.label, node.id])
  })
  return out
}

describe('ids of blanks and choices', () => {
  test('derived from the owning section or step and the label', () => {
    const source = [
      '# T',
      '',
      '**배포 날짜**: ____',
      '',
      '## 배포 승인',
      '',
      '**배포 상태**: [ ] 성공 [ ] 실패',
      '',
      '- [ ] 확인자: ____',
      '',
      '---',
      '',
      '작성자: ____',
      ''
    ].join('\n')
    expect(fillInIds(source)).toEqual([
      ['배포 날짜', 'header--배포-날짜'],
      ['배포 상태', '배포-승인--배포-상태'],
      ['확인자', '배포-승인--확인자--확인자'],
      ['작성자', 'footer--작성자']
    ])
  })

  test("a blank in the title or subtitle heading is the header's, as a header field's is", () => {
    expect(fillInIds('# 장애 보고서 #____\n\n## 서비스: ____\n\nText\n\n## Runbook\n\n- [ ] 확인 ____\n')).toEqual([
      [null, 'header--blank'],
      [null, 'header--blank-2'],
      [null, 'runbook--확인--blank']
    ])
  })

  test('sign-off lines scope their blanks by the line\'s first label', () => {
    const ids = fillInIds('## 승인\n\n**배포자**: ____ **날짜**: ____\n\n**승인자**: ____ **날짜**: ____\n').map(([, id]) => id)
    expect(ids).toEqual(['승인--배포자', '승인--배포자-날짜', '승인--승인자', '승인--승인자-날짜'])
  })

  test('unique: the same label twice in one section gets a counter', () => {
    const ids = fillInIds('## 승인\n\n비고: ____\n\n비고: ____\n').map(([, id]) => id)
    expect(ids).toEqual(['승인--비고', '승인--비고-2'])
  })

  test('unique across the runbook, also against section and item ids', () => {
    const ids = new Set<string>()
    let count = 0
    walk(parseRunbook('## a\n\n- [ ] b\n\n## a--b\n\n**b**: ____\n\n___ ____\n\n| x |\n|---|\n| ____ |\n').runbook, (node) => {
      if (node.type === 'blank' || node.type === 'choice' || node.type === 'section' || node.type === 'item') {
        ids.add(node.id)
        count++
      }
    })
    expect(ids.size).toBe(count)
  })

  test('stable: unchanged when steps, blanks and sections elsewhere are added or removed', () => {
    const before = fillInIds('## 준비\n\n- [ ] a\n\n## 승인\n\n**비고**: ____\n\n**배포 상태**: [ ] 성공 [ ] 실패\n')
    const after = fillInIds(
      '## 새 섹션\n\n**비고**: ____\n\n## 준비\n\n- [ ] 새 단계 ____\n- [ ] a\n\n## 승인\n\n**담당자**: ____\n\n**비고**: ____\n\n**배포 상태**: [ ] 성공 [ ] 실패\n'
    )
    for (const entry of before) expect(after).toContainEqual(entry)
  })

  // Two `**날짜**` blanks in one section are told apart by a counter only: removing the first sign-off
  // line hands the second one's id (and the value a run recorded for it) to the other line's date.
  test('stable: the date of a sign-off line keeps its id when another sign-off line is removed', () => {
    const both = fillInIds('## 승인\n\n**배포자**: ____ **날짜**: ____\n\n**승인자**: ____ **날짜**: ____\n')
    const one = fillInIds('## 승인\n\n**승인자**: ____ **날짜**: ____\n')
    expect(one).toEqual(both.slice(2))
  })
})
