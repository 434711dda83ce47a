import {describe, expect, test} from 'vitest'
import type {Block, Section} from '../schema/blocks.js'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

interface Outline {
  id: string
  depth: number
  children: Outline[]
}

/** The section tree: ids and depths only. */
function outlineOf(blocks: readonly Block[]): Outline[] {
  return blocks
    .filter((block): block is Section => block.type === 'section')
    .map((section) => ({id: section.id, depth: section.depth, children: outlineOf(section.children)}))
}

function sectionsOf(source: string): Section[] {
  const out: Section[] = []
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type !== 'section') continue
      out.push(block)
      visit(block.children)
    }
  }
  visit(parseRunbook(source).runbook.children)
  return out
}

describe('sections', () => {
  test('ATX headings nest by depth; a shallower heading closes the deeper ones', () => {
    const source = '# T\n\n## a\n\n- [ ] x\n\n### b\n\n#### c\n\n### d\n\n## e\n\n#### f\n'
    expect(outlineOf(parseRunbook(source).runbook.children)).toEqual([
      {
        id: 'a',
        depth: 2,
        children: [
          {id: 'b', depth: 3, children: [{id: 'c', depth: 4, children: []}]},
          {id: 'd', depth: 3, children: []}
        ]
      },
      {id: 'e', depth: 2, children: [{id: 'f', depth: 4, children: []}]}
    ])
  })

  test('setext headings nest like ATX ones', () => {
    const source = '# T\n\nPhase 1\n=======\n\n준비\n----\n\n- [ ] a\n\n### 세부\n\nPhase 2\n=======\n'
    expect(outlineOf(parseRunbook(source).runbook.children)).toEqual([
      {id: 'phase-1', depth: 1, children: [{id: '준비', depth: 2, children: [{id: '세부', depth: 3, children: []}]}]},
      {id: 'phase-2', depth: 1, children: []}
    ])
  })

  test('a section holds the blocks up to the next heading of its level or higher', () => {
    const [section] = sectionsOf('## a\n\n문단\n\n- [ ] 단계\n\n```sh\nls\n```\n\n## b\n')
    expect(section?.children.map((block) => block.type)).toEqual(['paragraph', 'checklist', 'command'])
  })

  test('blocks before the first heading stay at the top', () => {
    const {runbook} = parseRunbook('# T\n\n머리말\n\n## a\n\n본문\n')
    expect(runbook.children.map((block) => block.type)).toEqual(['paragraph', 'section'])
  })

  test('the id is a readable slug that keeps Hangul', () => {
    expect(sectionsOf('## 배포 전 체크리스트\n\n## Post-Deployment Verification!\n').map((section) => section.id)).toEqual([
      '배포-전-체크리스트',
      'post-deployment-verification'
    ])
  })

  test('a repeated title is prefixed by its parent id (`1일차` under two phases)', () => {
    const ids = sectionsOf('# T\n\n# Phase 1\n\n## 1일차\n\n- [ ] a\n\n# Phase 2\n\n## 1일차\n\n- [ ] b\n').map((section) => section.id)
    expect(ids).toEqual(['phase-1', '1일차', 'phase-2', 'phase-2--1일차'])
  })

  test('ids are unique: a title repeated under one parent gets a counter, a top-level one too', () => {
    const ids = sectionsOf('## 확인\n\n## 확인\n\n# P\n\n## 확인\n\n## 확인\n').map((section) => section.id)
    expect(ids).toEqual(['확인', '확인-2', 'p', 'p--확인', 'p--확인-2'])
  })

  test('ids are stable: unchanged when other sections are added before them', () => {
    const before = sectionsOf('## 준비\n\n## 배포\n\n## 롤백\n').map((section) => section.id)
    const after = sectionsOf('## 새로 추가\n\n## 준비\n\n### 세부\n\n## 배포\n\n## 롤백\n').map((section) => section.id)
    expect(after).toEqual(expect.arrayContaining(before))
  })

  test('the anchor is the GitHub slug of the heading, leading emoji included', () => {
    const sections = sectionsOf('# 제목\n\n## 🔄 롤백 절차\n\n## 롤백 절차\n\n## 📋 Pre-Deployment Checklist\n')
    expect(sections.map((section) => [section.id, section.anchor])).toEqual([
      ['롤백-절차', '-롤백-절차'],
      ['롤백-절차-2', '롤백-절차'],
      ['pre-deployment-checklist', '-pre-deployment-checklist']
    ])
  })

  test('anchors count the title like GitHub does: a section named like the H1 gets `-1`', () => {
    expect(sectionsOf('# 배포\n\n## 배포\n\n- [ ] a\n').map((section) => section.anchor)).toEqual(['배포-1'])
  })

  test('a leading emoji is split off into `icon`; title and titleText go without it', () => {
    const [section] = sectionsOf('## 🏗️ 배포 **단계**\n')
    expect(section).toMatchObject({icon: '🏗️', titleText: '배포 단계'})
    expect(withoutPositions(section?.title)).toEqual([
      {type: 'text', value: '배포 '},
      {type: 'strong', children: [{type: 'text', value: '단계'}]}
    ])
  })

  test('only a space after the emoji goes with it: a line ending stays in the title, as in its anchor', () => {
    const [section] = sectionsOf('🏗️\n배포 단계\n---------\n')
    expect(section).toMatchObject({icon: '🏗️', titleText: '배포 단계', anchor: '️배포-단계'})
    expect(withoutPositions(section?.title)).toEqual([{type: 'text', value: '\n배포 단계'}])
  })

  // GitHub slugs the rendered text, where CommonMark reads a code span's line endings as spaces; toMarkdown
  // writes such a span on one line, which must keep its anchor.
  test('a code span across lines counts a space for each line ending in the anchor', () => {
    const [across] = sectionsOf('배포 `a\n  b`\n---\n')
    expect(across?.anchor).toBe('배포-a---b')
    expect(sectionsOf('## 배포 `a   b`\n')[0]?.anchor).toBe(across?.anchor)
  })

  test('no icon without a leading emoji; an emoji inside the title stays there', () => {
    expect(sectionsOf('## 배포 🚀 단계\n')[0]).toMatchObject({icon: null, titleText: '배포 🚀 단계'})
  })

  test('the position spans from the heading to the end of its last block', () => {
    const source = '## a\n\n- [ ] 단계\n\n### b\n\n끝 문단\n'
    const [a] = sectionsOf(source)
    expect(a?.position).toEqual({
      start: {line: 1, column: 1, offset: 0},
      end: {line: 7, column: 5, offset: source.indexOf('끝 문단') + 4}
    })
  })
})
