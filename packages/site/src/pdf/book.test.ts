import {inflateSync} from 'node:zlib'
import {PDFArray, PDFDocument, PDFRawStream, type PDFPage} from 'pdf-lib'
import {expect, test} from 'vitest'
import {frontHtml, mergePdfs, startPages} from './book.js'

/** A PDF of `count` blank A4 pages, as a printed part of the book. */
async function blankPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (let page = 0; page < count; page++) pdf.addPage([595, 842])
  return pdf.save()
}

/** The strings a page draws (`<hex> Tj` operators of its content streams), as text. */
function drawnStrings(pdf: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.Contents()
  if (!contents) return []
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents]
  const operators = streams.map((stream) => (stream instanceof PDFRawStream ? inflateSync(stream.contents).toString('latin1') : '')).join('\n')
  return [...operators.matchAll(/<([0-9A-Fa-f]+)> Tj/g)].map((match) => Buffer.from(match[1]!, 'hex').toString('latin1'))
}

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

test('the merged book numbers every page after the cover with its page in the book, the numbers of the contents', async () => {
  const merged = await PDFDocument.load(await mergePdfs([await blankPdf(2), await blankPdf(3), await blankPdf(1)], 'ops'))
  expect(merged.getTitle()).toBe('ops')
  expect(merged.getPages().map((page) => drawnStrings(merged, page))).toEqual([[], ['2'], ['3'], ['4'], ['5'], ['6']])
})
