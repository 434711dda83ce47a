import {describe, expect, test} from 'vitest'
import type {Block, Section} from '../schema/blocks.js'
import {runbookSchema} from '../schema/runbook.js'
import {parseRunbook} from './parse-runbook.js'

/** The section of one heading, under a title, with a step so that it is never read as a subtitle. */
function sectionOf(heading: string): Section {
  const [section] = parseRunbook(`# T\n\n## ${heading}\n\n- [ ] x\n`).runbook.children
  if (section?.type !== 'section') throw new Error('expected a section')
  return section
}

/** Kinds of every section, by title, in document order. */
function kindsOf(source: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type !== 'section') continue
      out.push([block.titleText, block.kind])
      visit(block.children)
    }
  }
  visit(parseRunbook(source).runbook.children)
  return out
}

describe('kind', () => {
  test.each([
    ['📋 배포 전 체크리스트', 'prerequisites'],
    ['Pre-deployment Checklist', 'prerequisites'],
    ['사전 준비', 'prerequisites'],
    ['Prerequisites', 'prerequisites'],
    ['🏗️ 배포 단계', 'procedure'],
    ['Deployment Steps', 'procedure'],
    ['🔍 배포 후 검증', 'verification'],
    ['Post-deployment Verification', 'verification'],
    // The two editions of one runbook: the same kind.
    ['배포 후 스모크 테스트', 'verification'],
    ['Post-deployment smoke test', 'verification'],
    ['헬스 체크', 'verification'],
    ['🔄 롤백 절차', 'rollback'],
    ['Rollback Procedure', 'rollback'],
    ['📊 운영 개시 체크리스트', 'golive'],
    ['Go-Live Checklist', 'golive'],
    ['📝 배포 후 작업', 'followup'],
    ['Post-deployment Tasks', 'followup'],
    ['🚨 비상 연락처', 'contacts'],
    ['Emergency Contacts', 'contacts'],
    ['✅ 배포 승인', 'signoff'],
    ['Sign-off', 'signoff'],
    ['📚 참고 문서', 'references'],
    ['References', 'references'],
    ['🎯 빠른 참조', 'quickref'],
    ['Quick Reference', 'quickref'],
    ['애플리케이션 상태', 'generic'],
    ['Application Status', 'generic']
  ])('%s → %s', (heading, kind) => {
    expect(sectionOf(heading).kind).toBe(kind)
  })

  test('English phrases match whole words only', () => {
    expect(sectionOf('Contactless payments').kind).toBe('generic')
    expect(sectionOf('Undocumented features').kind).toBe('generic')
  })

  test('a subsection inherits the kind of its parent, even when its own words name another kind', () => {
    const source = '# T\n\n## 배포 후 검증\n\n### 성능 메트릭\n\n- [ ] a\n\n## 배포 전 체크리스트\n\n### 2. 테스트 검증\n\n- [ ] b\n\n## Deployment Steps\n\n### Verify the build\n\n- [ ] c\n'
    expect(kindsOf(source)).toEqual([
      ['배포 후 검증', 'verification'],
      ['성능 메트릭', 'verification'],
      ['배포 전 체크리스트', 'prerequisites'],
      ['2. 테스트 검증', 'prerequisites'],
      ['Deployment Steps', 'procedure'],
      ['Verify the build', 'procedure']
    ])
  })

  test('rollback and contacts subsections keep their own kind (standalone), in Korean and English', () => {
    const source = '# T\n\n## 배포 단계\n\n### 롤백\n\n- [ ] a\n\n### 비상 연락처\n\n- [ ] b\n\n## Deployment Steps\n\n### Rollback plan\n\n- [ ] c\n\n### On-call contacts\n\n- [ ] d\n'
    expect(kindsOf(source)).toEqual([
      ['배포 단계', 'procedure'],
      ['롤백', 'rollback'],
      ['비상 연락처', 'contacts'],
      ['Deployment Steps', 'procedure'],
      ['Rollback plan', 'rollback'],
      ['On-call contacts', 'contacts']
    ])
  })

  test('a generic parent passes nothing on: the subsection reads its own words', () => {
    expect(kindsOf('# T\n\n## 개요\n\n- [ ] 읽기\n\n### 배포 후 검증\n\n- [ ] a\n\n### 기타\n\n- [ ] b\n')).toEqual([
      ['개요', 'generic'],
      ['배포 후 검증', 'verification'],
      ['기타', 'generic']
    ])
  })
})

describe('ordinal', () => {
  test.each([
    ['1단계: 인프라 설정', 1],
    ['제2단계', 2],
    ['3번째 작업', 3],
    ['Step 1: Infrastructure', 1],
    ['step 12', 12],
    ['Phase 2', 2],
    ['Stage 3 — cutover', 3],
    ['1. 코드 준비 상태', 1],
    ['10) Cleanup', 10]
  ])('%s → %i', (heading, ordinal) => {
    expect(sectionOf(heading).ordinal).toBe(ordinal)
  })

  test.each(['애플리케이션 상태', 'Steps', 'Version 2 notes', '2025 plan', '1.5 hotfix'])('%s → null', (heading) => {
    expect(sectionOf(heading).ordinal).toBeNull()
  })

  // Found by a review: a number past 2^53 − 1 was rounded, and the model failed its own schema.
  test.each(['Step 99999999999999999999: go', 'Step 9007199254740992', '99999999999999999999. 단계', '제99999999999999999999단계'])(
    '%s → null: a number no JavaScript number holds exactly, the title kept',
    (heading) => {
      const section = sectionOf(heading)
      expect(section.ordinal).toBeNull()
      expect(section.titleText).toBe(heading)
    }
  )

  test('the largest safe integer is still an ordinal', () => {
    expect(sectionOf('Step 9007199254740991').ordinal).toBe(Number.MAX_SAFE_INTEGER)
  })
})

describe('timeframe', () => {
  test.each([
    ['1일차', {unit: 'day', count: 1, text: '1일차'}],
    ['1주차', {unit: 'week', count: 1, text: '1주차'}],
    ['1개월차', {unit: 'month', count: 1, text: '1개월차'}],
    ['2시간차 점검', {unit: 'hour', count: 2, text: '2시간차'}],
    ['Day 1', {unit: 'day', count: 1, text: 'Day 1'}],
    ['Week 1', {unit: 'week', count: 1, text: 'Week 1'}],
    ['Month 1', {unit: 'month', count: 1, text: 'Month 1'}],
    ['Follow-up: Day 7', {unit: 'day', count: 7, text: 'Day 7'}],
    ['D+3', {unit: 'day', count: 3, text: 'D+3'}]
  ])('%s → %o', (heading, timeframe) => {
    expect(sectionOf(heading).timeframe).toEqual(timeframe)
  })

  test.each(['배포 후 작업', 'Daily checks', 'Weekly review', '1차 점검'])('%s → null', (heading) => {
    expect(sectionOf(heading).timeframe).toBeNull()
  })

  test.each(['Day 99999999999999999999', 'Week 9007199254740993', 'D+9007199254740992', '99999999999999999999일차'])(
    '%s → null: a count no JavaScript number holds exactly, the title kept',
    (heading) => {
      const section = sectionOf(heading)
      expect(section.timeframe).toBeNull()
      expect(section.titleText).toBe(heading)
    }
  )
})

describe('numbers too large for the model', () => {
  test('the model still matches its schema (parseRunbook asserts it in development)', () => {
    const source = '# T\n\n## Step 99999999999999999999: go\n\n- [ ] x\n\n## Day 99999999999999999999\n\n- [ ] x\n\n## Week 9007199254740993\n\n- [ ] x\n'
    const {runbook} = parseRunbook(source)
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
    expect(runbook.children.map((section) => section.type === 'section' && [section.ordinal, section.timeframe])).toEqual([
      [null, null],
      [null, null],
      [null, null]
    ])
  })
})

describe('trigger', () => {
  test.each([
    ['문제 발견 시:', '문제 발견 시'],
    ['장애 발생 시', '장애 발생 시'],
    ['배포 실패 경우:', '배포 실패 경우'],
    ['만약 헬스 체크가 실패하면', '만약 헬스 체크가 실패하면'],
    ['If the health check fails:', 'If the health check fails'],
    ['When the deploy stalls', 'When the deploy stalls'],
    ['In case of data loss:', 'In case of data loss']
  ])('%s → %s', (heading, trigger) => {
    expect(sectionOf(heading).trigger).toBe(trigger)
  })

  test.each(['배포 단계', '시작하기', 'Deployment steps', 'Notifications'])('%s → null', (heading) => {
    expect(sectionOf(heading).trigger).toBeNull()
  })

  test('the trigger of a condition heading under rollback, with the inherited kind', () => {
    const [rollback] = parseRunbook('# T\n\n## 🔄 롤백 절차\n\n### 문제 발견 시:\n\n1. [ ] 문제 문서화\n').runbook.children
    const condition = rollback?.type === 'section' ? rollback.children[0] : undefined
    expect(condition).toMatchObject({type: 'section', titleText: '문제 발견 시:', trigger: '문제 발견 시', kind: 'rollback'})
  })
})

describe('keywords are data', () => {
  test('the keywords option adds phrases of its own', () => {
    const {runbook} = parseRunbook('# T\n\n## Retour arrière\n\n- [ ] a\n', {
      keywords: {sectionKinds: [{kind: 'rollback', phrases: ['retour arrière']}]}
    })
    expect(runbook.children[0]).toMatchObject({type: 'section', kind: 'rollback'})
  })
})

describe('ordinals and triggers, the ways runbooks really write them', () => {
  const sectionsOf = (source: string) => {
    const out: Section[] = []
    const visit = (blocks: Block[]) => {
      for (const block of blocks) {
        if (block.type === 'section') {
          out.push(block)
          visit(block.children)
        }
      }
    }
    visit(parseRunbook(source).runbook.children)
    return out
  }

  test('a decimal step number is not an ordinal; a word before `Step` is allowed', () => {
    const sections = sectionsOf('## Step 0.1 prep\n\nx\n\n## Step 1.5 more\n\nx\n\n## OPTIONAL Step 3: extra\n\nx\n')
    expect(sections.map((section) => section.ordinal)).toEqual([null, null, 3])
  })

  test('a question is not a trigger', () => {
    const sections = sectionsOf('## When is the feature viable?\n\nx\n\n## Should we roll back?\n\nx\n\n## When the health check fails:\n\nx\n')
    expect(sections.map((section) => section.trigger)).toEqual([null, null, 'When the health check fails'])
  })
})
