import {describe, expect, test} from 'vitest'
import {parseRunbook} from './parse-runbook.js'
import {withoutPositions} from '../test-util/files.js'

describe('title', () => {
  test('from a leading H1, which is not a section', () => {
    const {runbook} = parseRunbook('# 프로덕션 배포 체크리스트\n\n## 준비\n\n- [ ] a\n')
    expect(runbook.title).toBe('프로덕션 배포 체크리스트')
    expect(runbook.children.map((block) => block.type === 'section' && block.titleText)).toEqual(['준비'])
  })

  test('an H1 after a comment and a definition still counts as leading', () => {
    expect(parseRunbook('<!-- generated -->\n\n[x]: https://x.io\n\n# Deploy\n').runbook.title).toBe('Deploy')
  })

  test('from front matter, before the H1; an H1 saying something else stays as a section', () => {
    const {runbook} = parseRunbook('---\ntitle: FM 제목\n---\n\n# 다른 제목\n\n본문\n')
    expect(runbook.title).toBe('FM 제목')
    expect(runbook.children).toMatchObject([{type: 'section', depth: 1, titleText: '다른 제목'}])
    expect(parseRunbook('---\ntitle: 같은 제목\n---\n\n# 같은 제목\n\n본문\n').runbook.children).toMatchObject([{type: 'paragraph'}])
  })

  test('without H1 or front matter: the first section, else the file name, else empty', () => {
    expect(parseRunbook('## 첫 섹션\n\n- [ ] a\n').runbook.title).toBe('첫 섹션')
    expect(parseRunbook('그냥 문단\n\n- [ ] a\n', {path: 'docs/db-failover.ko.md'}).runbook.title).toBe('db-failover.ko')
    expect(parseRunbook('그냥 문단\n').runbook.title).toBe('')
  })
})

describe('subtitle', () => {
  test('an H2 right after the title, heading only fields and text', () => {
    const {runbook} = parseRunbook('# 프로덕션 배포 체크리스트\n\n## 🚀 Knowledge Database - 프로덕션 배포 체크리스트\n\n**버전**: 1.0.0\n\n## 📋 배포 전 체크리스트\n\n- [ ] a\n')
    expect(runbook.subtitle).toBe('🚀 Knowledge Database - 프로덕션 배포 체크리스트')
    expect(runbook.meta.map((field) => field.key)).toEqual(['version'])
    expect(runbook.children).toHaveLength(1)
  })

  test('not when the H2 heads steps, a command or a table: then it is a section', () => {
    for (const body of ['- [ ] a', '```sh\nls\n```', '| a |\n|---|\n| 1 |']) {
      const {runbook} = parseRunbook(`# Title\n\n## Overview\n\n${body}\n`)
      expect(runbook.subtitle).toBeNull()
      expect(runbook.children[0]).toMatchObject({type: 'section', titleText: 'Overview'})
    }
  })

  test('not when the H2 names a phase, in Korean or English', () => {
    expect(parseRunbook('# T\n\n## 1단계: 준비\n\n텍스트\n').runbook.subtitle).toBeNull()
    expect(parseRunbook('# T\n\n## Rollback procedure\n\nText\n').runbook.subtitle).toBeNull()
  })

  test('not without a title, nor when something stands between the title and the H2', () => {
    expect(parseRunbook('## 부제\n\n텍스트\n').runbook.subtitle).toBeNull()
    expect(parseRunbook('# T\n\n텍스트\n\n## 부제\n\n텍스트\n').runbook.subtitle).toBeNull()
  })

  test('from front matter; an H2 under the title saying something else stays as a section, as for the title', () => {
    expect(parseRunbook('---\nsubtitle: 운영팀용\n---\n\n# T\n').runbook.subtitle).toBe('운영팀용')
    const {runbook} = parseRunbook('---\nsubtitle: 운영팀용\n---\n\n# T\n\n## 결제 서비스\n\n본문\n')
    expect(runbook.subtitle).toBe('운영팀용')
    expect(runbook.subtitleContent).toBeNull()
    expect(runbook.children).toMatchObject([{type: 'section', depth: 2, titleText: '결제 서비스'}])
    const same = parseRunbook('---\nsubtitle: 운영팀용\n---\n\n# T\n\n## 운영팀용\n\n본문\n').runbook
    expect(same.children).toMatchObject([{type: 'paragraph'}])
    expect(withoutPositions(same.subtitleContent)).toEqual([{type: 'text', value: '운영팀용'}])
  })

  test('the headings as written: titleContent and subtitleContent keep links, code and emphasis', () => {
    const {runbook} = parseRunbook('# Deploy **v2** [guide](g.md)\n\n## For *ops*\n\nText\n')
    expect(runbook.title).toBe('Deploy v2 guide')
    expect(withoutPositions(runbook.titleContent)).toMatchObject([
      {type: 'text', value: 'Deploy '},
      {type: 'strong', children: [{type: 'text', value: 'v2'}]},
      {type: 'text', value: ' '},
      {type: 'link', href: 'g.md'}
    ])
    expect(withoutPositions(runbook.subtitleContent)).toEqual([{type: 'text', value: 'For '}, {type: 'emphasis', children: [{type: 'text', value: 'ops'}]}])
    expect(parseRunbook('## Steps\n\n- [ ] a\n').runbook.titleContent).toBeNull()
  })
})

describe('meta', () => {
  test('the field paragraphs under the title are the header fields, not body blocks', () => {
    const source = '# T\n\n**프로젝트**: Knowledge Database 시스템  \n**버전**: 1.0.0  \n**배포 날짜**: ___________  \n**배포 담당자**: ___________  \n**환경**: AWS 프로덕션  \n\n---\n\n## 준비\n\n- [ ] a\n'
    const {runbook} = parseRunbook(source)
    expect(runbook.meta.map((field) => [field.label, field.key, field.text])).toEqual([
      ['프로젝트', 'project', 'Knowledge Database 시스템'],
      ['버전', 'version', '1.0.0'],
      ['배포 날짜', 'date', '___________'],
      ['배포 담당자', 'owner', '___________'],
      ['환경', 'environment', 'AWS 프로덕션']
    ])
    expect(runbook.children.map((block) => block.type)).toEqual(['thematicBreak', 'section'])
  })

  test('English header fields', () => {
    const {runbook} = parseRunbook('# T\n\n**Project:** Payments\n**Owner:** Kim\n**Environment:** prod\n')
    expect(runbook.meta.map((field) => [field.label, field.key, field.text])).toEqual([
      ['Project', 'project', 'Payments'],
      ['Owner', 'owner', 'Kim'],
      ['Environment', 'environment', 'prod']
    ])
  })

  test('a paragraph of text under the title ends the header: later fields are body fields', () => {
    const {runbook} = parseRunbook('# T\n\n소개 문단\n\n**버전**: 1.0.0\n')
    expect(runbook.meta).toEqual([])
    expect(runbook.children.map((block) => block.type)).toEqual(['paragraph', 'field'])
  })

  test('a paragraph mixing fields and other lines: the fields go to meta, the rest starts the body', () => {
    const {runbook} = parseRunbook('# T\n\n**버전**: 1.0.0\n설명 한 줄\n**배포 상태**: [ ] 성공 [ ] 실패\n')
    expect(runbook.meta.map((field) => field.key)).toEqual(['version'])
    expect(runbook.children.map((block) => block.type)).toEqual(['paragraph', 'choice'])
  })
})

describe('meta ends at an admonition', () => {
  // Found by fuzzing format: a body that begins with a field on the line after the marker was read into
  // the header, and the admonition was lost (its marker left as a paragraph, its last line as code).
  test.each([
    ['at the start of the file', '!!! note\n    **담당자**: 김\n\n    배포\n'],
    ['under the title', '# 배포\n\n!!! note\n    **담당자**: 김\n\n    배포\n'],
    ['after header fields', '# 배포\n\n**버전**: 1.0\n\n??? tip "참고"\n    **담당자**: 김\n'],
    ['with a blank line after the marker', '!!! note\n\n    **담당자**: 김\n']
  ])('%s: the field is the admonition\'s', (_, text) => {
    const {runbook} = parseRunbook(text)
    expect(runbook.meta.map((field) => field.label)).not.toContain('담당자')
    const callout = runbook.children.find((block) => block.type === 'callout')
    expect(callout?.type === 'callout' && callout.children[0]).toMatchObject({type: 'field', label: '담당자', text: '김'})
  })
})

describe('footer', () => {
  test('what follows the last thematic break, when no heading does', () => {
    const {runbook} = parseRunbook('# T\n\n## S\n\n- [ ] a\n\n---\n\n*이 체크리스트는 반드시 완료되어야 합니다.*\n')
    expect(withoutPositions(runbook.footer)).toEqual([
      {type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: '이 체크리스트는 반드시 완료되어야 합니다.'}]}]}
    ])
    const [section] = runbook.children
    expect(section?.type === 'section' && section.children.map((block) => block.type)).toEqual(['checklist', 'thematicBreak'])
  })

  test('no footer when a heading follows the last break, or there is none', () => {
    expect(parseRunbook('# T\n\n---\n\n## S\n\n텍스트\n').runbook.footer).toEqual([])
    expect(parseRunbook('# T\n\n텍스트\n').runbook.footer).toEqual([])
    expect(parseRunbook('# T\n\n텍스트\n\n---\n').runbook.footer).toEqual([])
  })
})

describe('version and updated', () => {
  test('from header fields', () => {
    const {runbook} = parseRunbook('# T\n\n**버전**: 1.0.0\n**최종 업데이트**: 2025년 8월 21일\n')
    expect([runbook.version, runbook.updated]).toEqual(['1.0.0', '2025-08-21'])
    const english = parseRunbook('# T\n\n**Version**: 2.3.1\n**Last updated**: August 21, 2025\n').runbook
    expect([english.version, english.updated]).toEqual(['2.3.1', '2025-08-21'])
  })

  test('from front matter, which wins over fields', () => {
    const {runbook} = parseRunbook('---\nversion: 3.1.0\nupdated: 2025-01-02\n---\n\n# T\n\n**버전**: 1.0.0\n')
    expect([runbook.version, runbook.updated]).toEqual(['3.1.0', '2025-01-02'])
    expect(parseRunbook('---\nversion: 2\nlast_updated: 2024.12.31\n---\n').runbook).toMatchObject({version: '2', updated: '2024-12-31'})
  })

  test('from a Korean footer line', () => {
    const {runbook} = parseRunbook('# T\n\n## S\n\n- [ ] a\n\n---\n\n*이 체크리스트는 완료되어야 합니다.*\n*버전: 1.0.0 | 최종 업데이트: 2025-08-21*\n')
    expect([runbook.version, runbook.updated]).toEqual(['1.0.0', '2025-08-21'])
  })

  test('from an English footer line', () => {
    const {runbook} = parseRunbook('# T\n\n## S\n\n- [ ] a\n\n---\n\n*Version: 1.0.0 | Last updated: 2025-08-21*\n')
    expect([runbook.version, runbook.updated]).toEqual(['1.0.0', '2025-08-21'])
  })

  test('header fields win over the footer', () => {
    const {runbook} = parseRunbook('# T\n\n**버전**: 1.0.0\n\n## S\n\n텍스트\n\n---\n\n*버전: 2.0.0 | 최종 업데이트: 2025-08-21*\n')
    expect([runbook.version, runbook.updated]).toEqual(['1.0.0', '2025-08-21'])
  })

  test('null when nothing says it; an unreadable date is null', () => {
    expect(parseRunbook('# T\n\n텍스트\n').runbook).toMatchObject({version: null, updated: null})
    expect(parseRunbook('# T\n\n**최종 업데이트**: 지난주\n').runbook.updated).toBeNull()
  })
})

describe('subtitle and front matter, edge cases', () => {
  test('an H2 with subsections right after the title is a section, not a subtitle', () => {
    const {runbook} = parseRunbook('# Demo\n\n## Phase 1\n\n### Day 1\n\n- [ ] a\n\n## Phase 2\n\n- [ ] b\n')
    expect(runbook.subtitle).toBeNull()
    expect(runbook.children.map((block) => (block.type === 'section' ? block.titleText : block.type))).toEqual(['Phase 1', 'Phase 2'])
  })

  test('`version: 1.0` in front matter stays 1.0, and survives toMarkdown', async () => {
    const {toMarkdown} = await import('../markdown/to-markdown.js')
    const {runbook} = parseRunbook('---\nversion: 1.0\n---\n# T\n')
    expect(runbook.version).toBe('1.0')
    expect(parseRunbook(toMarkdown(runbook)).runbook.version).toBe('1.0')
  })
})
