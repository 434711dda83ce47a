import {expect, test} from 'vitest'
import {withEmoji} from './emoji.js'

test('shortcodes GitHub knows are shown as their emoji; anything else stays as written', () => {
  expect(withEmoji(':white_check_mark: Level A :+1:')).toBe('✅ Level A 👍')
  expect(withEmoji(':chart_with_downwards_trend: Observability')).toBe('📉 Observability')
  for (const text of ['12:30:45', ':not_an_emoji:', 'a::b', ':constructor:', ':__proto__:', 'key: value']) expect(withEmoji(text)).toBe(text)
})
