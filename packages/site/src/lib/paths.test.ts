import {expect, test} from 'vitest'
import {normaliseBase, pageUrl, slugOf} from './paths.js'

test('slugs keep folders, case and language suffixes', () => {
  expect(slugOf('docs/api/API_DOCUMENTATION.ko.md')).toBe('docs/api/API_DOCUMENTATION.ko')
})

test('characters that a URL would read as an escape, a fragment or a query are not in slugs', () => {
  expect(slugOf('pct%20x.md')).toBe('pct-20x')
  expect(slugOf('hash#1.md')).toBe('hash-1')
  expect(slugOf('q?x.md')).toBe('q-x')
  expect(slugOf('a\\b.md')).toBe('a-b')
  expect(slugOf('운영/배포 절차.md')).toBe('운영/배포 절차')
})

test('slugs never climb out of the site or onto a parent page', () => {
  expect(slugOf('...md')).toBe('_..')
  expect(slugOf('..md')).toBe('_.')
  expect(slugOf('.md')).toBe('_')
  expect(slugOf('docs/...md')).toBe('docs/_..')
  expect(slugOf('.hidden.md')).toBe('.hidden')
  for (const name of ['...md', '..md', '.md', 'a/..md']) {
    expect(slugOf(name).split('/')).not.toContain('..')
    expect(slugOf(name).split('/')).not.toContain('.')
    expect(slugOf(name).split('/')).not.toContain('')
  }
})

test('page URLs encode each segment', () => {
  expect(pageUrl('/', '운영/배포 절차')).toBe('/%EC%9A%B4%EC%98%81/%EB%B0%B0%ED%8F%AC%20%EC%A0%88%EC%B0%A8/')
  expect(pageUrl('/docs/', '')).toBe('/docs/')
})

test('bases normalise', () => {
  expect(normaliseBase('docs')).toBe('/docs/')
  expect(normaliseBase('/')).toBe('/')
})
