import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {createSite, entryOf, homeUrl, referencedBy, translationsOf} from './site.js'

const runbooks = parseFolder({
  'deploy.ko.md': '# 배포\n\n## 롤백\n\n- [ ] 롤백 실행\n',
  'deploy.md': '# Deploy\n\n## Rollback\n\n- [ ] Roll back\n',
  'guide.md': '# Guide\n\nSee [deploy](deploy.md) and [again](./deploy.md#rollback).\n',
  'other.md': '# Other\n\n[guide](guide.md), [deploy](deploy.md)\n'
})

test('pages get URLs from their paths, under the base', () => {
  const site = createSite(runbooks, {base: '/docs'})
  expect(site.base).toBe('/docs/')
  expect(entryOf(site, 'deploy.ko.md')?.url).toBe('/docs/deploy.ko/')
  expect(entryOf(site, 'deploy.ko.md')?.lang).toBe('ko')
})

test('backlinks list each referring runbook once, in site order', () => {
  const site = createSite(runbooks)
  expect(referencedBy(site, entryOf(site, 'deploy.md')!).map((entry) => entry.path)).toEqual(['guide.md', 'other.md'])
  expect(referencedBy(site, entryOf(site, 'other.md')!)).toEqual([])
})

test('editions pair both ways', () => {
  const site = createSite(runbooks)
  expect(translationsOf(site, entryOf(site, 'deploy.md')!).map((entry) => entry.path)).toEqual(['deploy.ko.md'])
  expect(translationsOf(site, entryOf(site, 'deploy.ko.md')!).map((entry) => entry.path)).toEqual(['deploy.md'])
})

test('an edition declared on one side only shows on both', () => {
  const site = createSite(
    parseFolder({
      'guide.md': '---\ntranslations:\n  ko: ./안내.md\n---\n# Guide\n',
      '안내.md': '# 안내\n\n한국어 안내입니다.\n',
      'x/guide.md': '# Other guide\n'
    })
  )
  const editions = (path: string) => translationsOf(site, entryOf(site, path)!).map((entry) => entry.path)
  expect(editions('guide.md')).toEqual(['안내.md'])
  expect(editions('안내.md')).toEqual(['guide.md'])
  expect(editions('x/guide.md')).toEqual([])
  // Each call gives a list of its own.
  expect(translationsOf(site, entryOf(site, 'guide.md')!)).not.toBe(translationsOf(site, entryOf(site, 'guide.md')!))
})

test('the home page language defaults to the most common one, the other gets its own path', () => {
  const site = createSite(runbooks)
  expect(site.lang).toBe('en')
  expect(homeUrl(site, 'en')).toBe('/')
  expect(homeUrl(site, 'ko')).toBe('/ko/')
  expect(createSite(runbooks, {lang: 'ko', prefix: 'runbooks'}).root).toBe('/runbooks/')
})
