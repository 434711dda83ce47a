import {expect, test} from 'vitest'
import {frontHtml, startPages} from './book.js'

test('chapters start after the front pages, one after another', () => {
  expect(startPages(2, [4, 1, 7])).toEqual([3, 7, 8])
  expect(startPages(3, [])).toEqual([])
})

test('the cover and contents escape titles and paths, and list each page', () => {
  const html = frontHtml(
    {title: 'ops <team>', lang: 'en', styles: '<link rel="stylesheet" href="/_astro/site.css">', date: '21 Aug 2025'},
    [{title: '<script>alert(1)</script>', path: 'a&b.md', version: '1.0', lang: 'ko'}],
    [3]
  )
  expect(html).not.toContain('<script>')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(html).toContain('a&amp;b.md')
  expect(html).toContain('<h1 class="rs-print-cover-title">ops &lt;team&gt;</h1>')
  expect(html).toContain('data-page="3">3</span>')
  expect(html).toContain('1 runbooks · Printed 21 Aug 2025')
})
