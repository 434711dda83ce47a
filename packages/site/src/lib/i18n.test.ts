import {expect, test} from 'vitest'
import {clientMessages, clientTranslator, fill, intlLocale, keysOf, t} from './i18n.js'

test('Korean and English hold the same strings, none empty', () => {
  expect(keysOf('ko').sort()).toEqual(keysOf('en').sort())
  for (const lang of ['ko', 'en'] as const) for (const key of keysOf(lang)) expect(t(lang, key as never), key).not.toBe('')
})

test('placeholders are filled', () => {
  expect(t('ko', 'run.progress', {done: 3, total: 10})).toBe('3 / 10 완료')
  expect(t('en', 'home.count', {count: 12})).toBe('12 runbooks')
  expect(fill('{a} / {b} {c}', {a: 1, b: 2})).toBe('1 / 2 {c}')
  expect(fill('{toString} {constructor}')).toBe('{toString} {constructor}')
})

test('the scripts read the strings a page embeds through the same filling as the pages', () => {
  for (const lang of ['ko', 'en'] as const) {
    const messages = clientMessages(lang)
    for (const [key, text] of Object.entries(messages)) expect(text, key).toBe(t(lang, key as never))
    const translate = clientTranslator(JSON.parse(JSON.stringify(messages)))
    expect(translate('run.progress', {done: 1, total: 4})).toBe(t(lang, 'run.progress', {done: 1, total: 4}))
    expect(translate('run.changed')).toBe(t(lang, 'run.changed'))
  }
  expect(clientTranslator({})('command.copy')).toBe('command.copy')
})

test('dates and times are written in the locale of the interface language', () => {
  expect(intlLocale('ko')).toBe('ko-KR')
  expect(intlLocale('en')).toBe('en-GB')
  expect(intlLocale('')).toBe('en-GB')
})
