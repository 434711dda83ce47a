import {expect, test} from 'vitest'
import {keysOf, t} from './i18n.js'

test('Korean and English hold the same strings, none empty', () => {
  expect(keysOf('ko').sort()).toEqual(keysOf('en').sort())
  for (const lang of ['ko', 'en'] as const) for (const key of keysOf(lang)) expect(t(lang, key as never), key).not.toBe('')
})

test('placeholders are filled', () => {
  expect(t('ko', 'run.progress', {done: 3, total: 10})).toBe('3 / 10 완료')
  expect(t('en', 'home.count', {count: 12})).toBe('12 runbooks')
})
