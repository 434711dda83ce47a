import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {itemsOf} from '../model/walk.js'
import {isOptional} from './optional.js'
import {parseRunbook} from './parse-runbook.js'

describe('isOptional', () => {
  test.each([
    '도메인 이름 구성됨 (해당하는 경우)',
    '이메일 서비스 확인 (해당하는 경우)',
    'Configure the domain (if applicable)',
    '로그 보관 (선택 사항)',
    'Enable caching (optional)',
    'Enable caching (Optional)',
    '필요시 재시작',
    '캐시 비우기 필요시',
    'Optional: clean up old images',
    'Restart the workers if needed',
    '[optional] Warm the cache',
    '캐시 예열（선택）'
  ])('%s → optional', (text) => {
    expect(isOptional(text, defaultKeywords)).toBe(true)
  })

  test.each(['모든 코드가 main 브랜치에 병합됨', '선택적 단계 아님', 'Optionally restart nothing', 'Remove optional-dependencies', ''])(
    '%j → required',
    (text) => {
      expect(isOptional(text, defaultKeywords)).toBe(false)
    }
  )
})

describe('optional items', () => {
  test('in Korean and English, beside required ones', () => {
    const items = itemsOf(
      parseRunbook('## S\n\n- [ ] 도메인 이름 구성됨 (해당하는 경우)\n- [ ] SSL 인증서 준비됨\n- [ ] Email service (if applicable)\n- [ ] 필요시 캐시 비우기\n').runbook
    )
    expect(items.map((item) => item.optional)).toEqual([true, false, true, true])
  })

  test('the marker stays in the text', () => {
    expect(itemsOf(parseRunbook('## S\n\n- [ ] Cache (optional)\n').runbook)[0]?.text).toBe('Cache (optional)')
  })
})
