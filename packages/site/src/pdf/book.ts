import {PDFDocument, rgb, StandardFonts} from 'pdf-lib'
import {t, type UiLang} from '../lib/i18n.js'

/** One runbook of a folder's book, as its table of contents lists it. */
export interface Chapter {
  title: string
  path: string
  version: string | null
  lang: UiLang
  /** The printed runbook. */
  pdf: Uint8Array
}

export interface BookFront {
  /** The folder's name, as the cover's title. */
  title: string
  lang: UiLang
  /** `<link rel="stylesheet">` tags of the built site, so the cover uses its fonts and print styles. */
  styles: string
  /** Today, as the cover prints it. */
  date: string
}

/** The number of pages of a PDF. */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, {updateMetadata: false})).getPageCount()
}

/** The first page of each chapter in the book, 1-based, after `front` pages of cover and contents. */
export function startPages(front: number, counts: number[]): number[] {
  const starts: number[] = []
  let next = front + 1
  for (const count of counts) {
    starts.push(next)
    next += count
  }
  return starts
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char]!)

/**
 * The cover and the table of contents, as one HTML page printed through the site's print styles: the
 * cover on its own page, then each runbook with its path, version and first page.
 */
export function frontHtml(front: BookFront, chapters: Omit<Chapter, 'pdf'>[], starts: number[]): string {
  const rows = chapters
    .map(
      (chapter, index) => `<li class="rs-print-toc-entry" lang="${chapter.lang}">
  <span class="rs-print-toc-title">${escapeHtml(chapter.title)}</span>
  <span class="rs-print-toc-leader" aria-hidden="true"></span>
  <span class="rs-print-toc-page" data-page="${starts[index] ?? ''}">${starts[index] ?? ''}</span>
  <span class="rs-print-toc-meta"><code class="rs-path">${escapeHtml(chapter.path)}</code>${chapter.version ? ` · ${escapeHtml(t(front.lang, 'meta.version'))} ${escapeHtml(chapter.version)}` : ''}</span>
</li>`
    )
    .join('\n')
  return `<!doctype html>
<html lang="${front.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(front.title)}</title>
${front.styles}
</head>
<body class="rs-print-book">
<section class="rs-print-cover rs-runbook">
  <p class="rs-print-cover-kicker">Runsheet</p>
  <h1 class="rs-print-cover-title">${escapeHtml(front.title)}</h1>
  <p class="rs-print-cover-meta">${escapeHtml(t(front.lang, 'print.runbooks', {count: chapters.length}))} · ${escapeHtml(t(front.lang, 'print.printed', {date: front.date}))}</p>
</section>
<section class="rs-print-toc rs-runbook">
  <h2 class="rs-print-toc-heading">${escapeHtml(t(front.lang, 'print.contents'))}</h2>
  <ol class="rs-print-toc-list">
${rows}
  </ol>
</section>
</body>
</html>
`
}

/** The book's page number: in points, below the chapter's footer (in the 20 mm bottom margin, styles/print.css). */
const folioSize = 9
const folioBaseline = (8 / 25.4) * 72

/**
 * One PDF from the front matter and the chapters, in order, every page after the cover numbered with its
 * page in the book: the number the contents give. Each chapter was printed alone, so its own footer
 * (`X / Y`) counts within the chapter; the book's number is set under it, centred at the foot of the page.
 */
export async function mergePdfs(parts: Uint8Array[], title: string): Promise<Uint8Array> {
  const book = await PDFDocument.create()
  book.setTitle(title)
  book.setCreator('Runsheet')
  book.setProducer('Runsheet')
  for (const part of parts) {
    const source = await PDFDocument.load(part)
    const pages = await book.copyPages(source, source.getPageIndices())
    for (const page of pages) book.addPage(page)
  }
  const font = await book.embedFont(StandardFonts.HelveticaBold)
  book.getPages().forEach((page, index) => {
    if (index === 0) return
    const folio = String(index + 1)
    const {x, y, width} = page.getMediaBox()
    page.drawText(folio, {x: x + (width - font.widthOfTextAtSize(folio, folioSize)) / 2, y: y + folioBaseline, size: folioSize, font, color: rgb(0, 0, 0)})
  })
  return book.save()
}
