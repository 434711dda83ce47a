import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {anchorsOf, anchorTargetOf, headerAnchorsOf} from './anchors.js'
import {walk} from './walk.js'

const source = [
  '# Deploy',
  '',
  '## 🔄 롤백 절차',
  '',
  '- [ ] 실행',
  '',
  '**담당자**: ____',
  '',
  '**결과**: [ ] 성공 [ ] 실패',
  ''
].join('\n')
const {runbook} = parseRunbook(source)

describe('anchorsOf', () => {
  test('the ids of sections, steps, blanks and choices, and the GitHub anchors of sections, each to its element', () => {
    expect(Object.fromEntries(anchorsOf(runbook))).toEqual({
      deploy: 'deploy',
      '롤백-절차': '롤백-절차',
      '-롤백-절차': '롤백-절차',
      '롤백-절차--실행': '롤백-절차--실행',
      '롤백-절차--담당자': '롤백-절차--담당자',
      '롤백-절차--결과': '롤백-절차--결과'
    })
  })

  // The page gives them their GitHub anchors as ids, so a link to the top lands as it does on GitHub.
  test("the title's and the subtitle's GitHub anchors, unless a model id already has the name", () => {
    const anchors = anchorsOf(parseRunbook('# Deploy\n\n## To production\n\nintro\n').runbook)
    expect(anchors.get('deploy')).toBe('deploy')
    expect(anchors.get('to-production')).toBe('to-production')
    const taken = parseRunbook('# Deploy\n\n## Steps\n\n## Deploy\n\n- [ ] Ship\n').runbook
    expect(headerAnchorsOf(taken).title).toBeUndefined()
    expect(anchorsOf(taken).get('deploy')).toBe('deploy')
  })

  test('every id of the model is an anchor of itself', () => {
    const ids: string[] = []
    walk(runbook, (node) => {
      if ('id' in node) ids.push(node.id)
    })
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect([id, anchorsOf(runbook).get(id)]).toEqual([id, id])
  })

  test('an anchor two elements claim lands on the first in document order', () => {
    // The second `A` gets the GitHub anchor `a-1`; `A-1` gets the id `a-1`.
    const model = parseRunbook('## A\n\ntext\n\n## P\n\n### A\n\ntext\n\n## A-1\n\ntext\n').runbook
    const sections: string[] = []
    walk(model, (node) => {
      if (node.type === 'section') sections.push(`${node.id} ${node.anchor}`)
    })
    expect(sections).toEqual(['a a', 'p p', 'p--a a-1', 'a-1 a-1-1'])
    expect(anchorTargetOf(anchorsOf(model), 'a-1')).toBe('p--a')
    expect(anchorTargetOf(anchorsOf(model), 'a-1-1')).toBe('a-1')
  })

  test('ids written in upper case are anchors in lower case too; an empty anchor is none', () => {
    // Models from elsewhere (JSON) may hold ids the parser would not make.
    const model = structuredClone(runbook)
    const [section] = model.children
    if (section?.type !== 'section') throw new Error('expected a section')
    Object.assign(section, {id: 'Rollback', anchor: '', children: []})
    expect(Object.fromEntries(anchorsOf(model))).toEqual({deploy: 'deploy', Rollback: 'Rollback', rollback: 'Rollback'})
  })
})

describe('anchorTargetOf', () => {
  const anchors = anchorsOf(runbook)

  test('the element an anchor lands on, matched as written, then in lower case', () => {
    expect(anchorTargetOf(anchors, '-롤백-절차')).toBe('롤백-절차')
    expect(anchorTargetOf(anchors, '롤백-절차--실행')).toBe('롤백-절차--실행')
    expect(anchorTargetOf(new Map([['Run', 'a'], ['run', 'b']]), 'Run')).toBe('a')
    expect(anchorTargetOf(new Map([['Run', 'a'], ['run', 'b']]), 'RUN')).toBe('b')
  })

  test('`undefined` when nothing has it', () => {
    expect(anchorTargetOf(anchors, 'production')).toBeUndefined()
    expect(anchorTargetOf(anchors, '없음')).toBeUndefined()
  })
})
