import {describe, expect, test} from 'vitest'
import {langOf} from './lang.js'
import {parseRunbook} from './parse-runbook.js'

describe('langOf', () => {
  test('lines with Hangul are Korean, even full of English product names', () => {
    expect(langOf(['AWS Secrets Manager에 시크릿 저장됨', 'ECS Fargate에 배포', 'Terraform 계획 실행'])).toBe('ko')
  })

  test('lines of Latin words are English', () => {
    expect(langOf(['Deploy to ECS', 'Check the health endpoint'])).toBe('en')
  })

  test('a mix of both in similar shares is mixed', () => {
    expect(langOf(['배포 단계', '롤백 절차', 'Deployment steps', 'Rollback procedure'])).toBe('mixed')
  })

  test('a few English lines in a Korean runbook keep it Korean, and the reverse', () => {
    expect(langOf(['배포', '확인', '검증', 'DevOps'])).toBe('ko')
    expect(langOf(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', '하나'])).toBe('en')
  })

  test('lines without words (numbers, symbols) do not count; nothing at all is English', () => {
    expect(langOf(['1.0.0', '---', '✓', '배포'])).toBe('ko')
    expect(langOf([])).toBe('en')
  })
})

describe('lang of a runbook', () => {
  test('detected from the prose, not from code', () => {
    const korean = '# 배포 체크리스트\n\n- [ ] 코드 리뷰 완료\n\n```bash\necho "this is english code"\necho more english code here\n```\n'
    expect(parseRunbook(korean).runbook.lang).toBe('ko')
    expect(parseRunbook('# Deployment checklist\n\n- [ ] Code review done\n\n```\n배포\n```\n').runbook.lang).toBe('en')
    expect(parseRunbook('# 배포 Deployment\n\n- [ ] 코드 리뷰\n- [ ] Code review\n').runbook.lang).toBe('mixed')
  })

  // mdast-util-to-string drops `break` nodes, so two lines joined by a hard break count as one line (with
  // Hangul: Korean). toMarkdown joins header fields with hard breaks, so the language can change on a round trip.
  test('lines split by a hard break count as two lines, like lines of two paragraphs', () => {
    const apart = parseRunbook('**Status**: ok\n\n**라벨**: 배포\n').runbook.lang
    expect(apart).toBe('mixed')
    expect(parseRunbook('**Status**: ok\\\n**라벨**: 배포\n').runbook.lang).toBe(apart)
    expect(parseRunbook('Status ok  \n라벨 배포\n').runbook.lang).toBe(apart)
  })

  // CommonMark reads a body right under `!!!` as part of a paragraph and one after a blank line as
  // indented code; toMarkdown writes blank lines between the body's blocks.
  test('an admonition body counts as parsed, with or without blank lines in it; its marker does not', () => {
    const under = '# 배포\n\n점검\n\n확인\n\n!!! note\n    Check the endpoint\n    Roll back now\n'
    const apart = '# 배포\n\n점검\n\n확인\n\n!!! note\n\n    Check the endpoint\n\n    Roll back now\n'
    expect(parseRunbook(under).runbook.lang).toBe('mixed')
    expect(parseRunbook(apart).runbook.lang).toBe('mixed')
    expect(parseRunbook('# 배포\n\n!!! warning\n    배포 중지\n').runbook.lang).toBe('ko')
  })

  test('an admonition title is a line of its own, in a list entry or a quote as at the top', () => {
    expect(parseRunbook('!!! warning "배포 중지"\n    Stop the rollout\n').runbook.lang).toBe('mixed')
    expect(parseRunbook('- Item\n\n  !!! warning "배포 중지"\n      Stop the rollout\n').runbook.lang).toBe('mixed')
    expect(parseRunbook('- Item\n\n  !!! warning\n      Stop the rollout\n').runbook.lang).toBe('en')
    expect(parseRunbook('> !!! warning "Stop"\n>     Stop the rollout\n>     배포 중지\n').runbook.lang).toBe('mixed')
  })

  // The model keeps a title as one line (squashed), and toMarkdown writes it as `# …`: counted as the lines
  // of its setext heading, the language changed on a round trip.
  test('the title counts as the one line the model keeps of it, however many lines its heading took', () => {
    expect(parseRunbook('Deploy\n배포\n===\n').runbook.lang).toBe('ko')
    expect(parseRunbook('Deploy\n배포\n===\n').runbook.lang).toBe(parseRunbook('# Deploy 배포\n').runbook.lang)
    expect(parseRunbook('Deploy\n배포\n===\n\nSubtitle\n배포\n---\n').runbook.lang).toBe('ko')
  })

  test('a title in code counts as its words, as it is written back', () => {
    const code = '`kubectl get pods`\n===\n\n**라벨**: 배포\n'
    expect(parseRunbook(code).runbook.lang).toBe(parseRunbook('# kubectl get pods\n\n**라벨**: 배포\n').runbook.lang)
  })

  test('overridden by the option, then by front matter', () => {
    expect(parseRunbook('# 배포\n\n확인\n', {lang: 'en'}).runbook.lang).toBe('en')
    expect(parseRunbook('---\nlang: mixed\n---\n\n# 배포\n', {}).runbook.lang).toBe('mixed')
    expect(parseRunbook('---\nlang: mixed\n---\n\n# 배포\n', {lang: 'ko'}).runbook.lang).toBe('ko')
  })

  test('a front-matter lang that is not ko, en or mixed is ignored', () => {
    expect(parseRunbook('---\nlang: fr\n---\n\n# 배포\n\n확인\n').runbook.lang).toBe('ko')
  })
})
