import {describe, expect, test} from 'vitest'
import {parseRunbook} from './parse-runbook.js'

const existing = (...paths: string[]) => {
  const files = new Set(paths)
  return (path: string) => files.has(path)
}

describe('translations', () => {
  test('from front matter, as a map of lang → path', () => {
    const {runbook} = parseRunbook('---\ntranslations:\n  en: ./deploy.md\n  ja: ./deploy.ja.md\n---\n\n# 배포\n')
    expect(runbook.translations).toEqual([
      {lang: 'en', path: './deploy.md'},
      {lang: 'ja', path: './deploy.ja.md'}
    ])
  })

  test('from front matter, as a list of {lang, path}; malformed entries are skipped', () => {
    const {runbook} = parseRunbook('---\ntranslations:\n  - lang: en\n    path: deploy.md\n  - lang: ko\n  - nonsense\n---\n\n# 배포\n')
    expect(runbook.translations).toEqual([{lang: 'en', path: 'deploy.md'}])
  })

  test('front matter wins over sibling files', () => {
    const {runbook} = parseRunbook('---\ntranslations:\n  en: other.md\n---\n\n# 배포\n', {
      path: 'run/deploy.ko.md',
      exists: existing('run/deploy.md')
    })
    expect(runbook.translations).toEqual([{lang: 'en', path: 'other.md'}])
  })

  test('`x.ko.md` finds its English edition `x.md`', () => {
    const {runbook} = parseRunbook('# 배포\n\n안녕하세요\n', {path: 'run/deploy.ko.md', exists: existing('run/deploy.md')})
    expect(runbook.translations).toEqual([{lang: 'en', path: 'deploy.md'}])
  })

  test('`x.ko.md` prefers `x.en.md` over `x.md`', () => {
    const {runbook} = parseRunbook('# 배포\n\n안녕하세요\n', {path: 'run/deploy.ko.md', exists: existing('run/deploy.md', 'run/deploy.en.md')})
    expect(runbook.translations).toEqual([{lang: 'en', path: 'deploy.en.md'}])
  })

  test('`x.md` (English) finds `x.ko.md`', () => {
    const {runbook} = parseRunbook('# Deploy\n\nHello there\n', {path: 'run/deploy.md', exists: existing('run/deploy.ko.md')})
    expect(runbook.translations).toEqual([{lang: 'ko', path: 'deploy.ko.md'}])
  })

  test('`x.en.md` finds `x.ko.md`', () => {
    const {runbook} = parseRunbook('# Deploy\n\nHello there\n', {path: 'deploy.en.md', exists: existing('deploy.ko.md')})
    expect(runbook.translations).toEqual([{lang: 'ko', path: 'deploy.ko.md'}])
  })

  test('none without siblings, without a path or without `exists`', () => {
    expect(parseRunbook('# 배포\n', {path: 'run/deploy.ko.md', exists: existing()}).runbook.translations).toEqual([])
    expect(parseRunbook('# 배포\n', {exists: existing('deploy.md')}).runbook.translations).toEqual([])
    expect(parseRunbook('# 배포\n', {path: 'run/deploy.ko.md'}).runbook.translations).toEqual([])
  })

  test('a file is never its own translation', () => {
    const {runbook} = parseRunbook('# 배포\n\n안녕하세요\n', {path: 'deploy.md', exists: () => true})
    expect(runbook.translations.map((translation) => translation.path)).not.toContain('deploy.md')
  })
})
