import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve, sep} from 'node:path'
import {applyRecord, withoutMarkdownExtension, type RunRecord} from '@runsheet/parser'
import {droppedWarnings, parseArguments, printable, readRunRecord, reportOf, UsageError, type Io} from '@runsheet/parser/cli-kit'
import type {VFile} from 'vfile'
import {formatDate} from '../lib/format.js'
import type {UiLang} from '../lib/i18n.js'
import {loadSite, type LoadedSite} from '../lib/load-site.js'
import {errorCount, hasErrors, reportAsGiven} from '../lib/report.js'
import {shownPath} from '../lib/shown-path.js'
import type {SiteEntry} from '../lib/site.js'
import {serveStatic} from '../lib/static-server.js'
import {frontHtml, mergePdfs, pageCount, startPages, type Chapter} from '../pdf/book.js'
import {launchPrintBrowser, requireChromium} from '../pdf/chromium.js'
import {printPage, type Paper} from '../pdf/print.js'
import {editionWarning, recordPrint, recordTarget} from '../pdf/record-print.js'
import {stage, type Staged} from '../pdf/stage.js'
import {buildSite, type BuiltSite} from './astro.js'
import {help} from './help.js'

/** What `runsheet pdf` was asked to print, and how. */
interface PdfRequest {
  input: string
  paper: Paper
  record: RunRecord | undefined
  split: boolean
  quiet: boolean
  out: string | undefined
}

/** The runbooks to print, from the staged input, with the record's runbook when there is a record. */
interface PrintJob {
  /** The site loaded once: the job reads it, and the build renders it. */
  loaded: LoadedSite
  entries: SiteEntry[]
  /** The interface language of the folder's cover. */
  lang: UiLang
  recorded: SiteEntry | undefined
  /** One file named, printed as one PDF. */
  single: boolean
  out: string
}

/** A running print: the built site served to a headless Chromium. */
interface Printer {
  siteDir: string
  print: (path: string, options: Parameters<typeof printPage>[2]) => Promise<Uint8Array>
}

/**
 * `runsheet pdf FILE|DIR`: the runbooks printed through the site's own pages and print styles, in headless
 * Chromium. One file gives one PDF; a folder gives one PDF with a cover and a table of contents, or with
 * `--split` one PDF per runbook. `--record` prints the record of a run instead of the blank form.
 */
export async function pdfCommand(args: string[], io: Io): Promise<number> {
  const request = await pdfRequestOf(args)
  if (request === 'help') {
    io.stdout(help.pdf)
    return 0
  }
  requireChromium()
  const staged = stage(request.input)
  let built: BuiltSite | undefined
  try {
    const job = await printJobOf(request, staged)
    // What `build` and `lint` say of these runbooks; a runbook the parser could not read (too large, not
    // UTF-8 text, broken front matter) would print as an empty or garbled page, so nothing is printed.
    const report = reportOn(job, request, staged)
    if (report.length > 0) io.stderr(reportOf(report, 'lines', {summary: false}))
    if (hasErrors(report)) {
      io.stderr(`runsheet: pdf failed: ${count(errorCount(report), 'error')}, nothing printed`)
      return 1
    }
    const warning = request.record && job.recorded ? editionWarning(request.record, job.recorded) : undefined
    if (warning) io.stderr(`runsheet: warning: ${warning}`)
    // The page matches the record by the parser's rule; this names, by the same rule, what it leaves out.
    if (request.record && job.recorded) for (const line of droppedWarnings(applyRecord(job.recorded.runbook, request.record).dropped, job.recorded.path)) io.stderr(line)
    // The site's own build: the same pages, styles and fonts as the site.
    built = await buildSite({dir: staged.dir, logLevel: 'error', loaded: job.loaded, integration: {search: false, report: 'silent'}})
    const done = await withPrinter(built.dir, (printer) => printAndWrite(request, job, printer))
    if (!request.quiet) io.stdout(printable(`runsheet: ${done}`))
    return 0
  } finally {
    staged.remove()
    built?.scratch.remove()
  }
}

/** The command line read and checked, the record included, before anything is built. */
async function pdfRequestOf(args: string[]): Promise<PdfRequest | 'help'> {
  const {values, positionals} = parseArguments('pdf', args, {
    out: {type: 'string', short: 'o'},
    paper: {type: 'string'},
    record: {type: 'string'},
    split: {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'}
  })
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError(`'pdf' needs a runbook or a folder of runbooks: runsheet pdf FILE|DIR --out OUT.pdf`)
  if (positionals.length > 1) throw new UsageError(`'pdf' takes one file or folder, not ${positionals.length}: ${positionals.join(' ')}`)
  return {
    input: positionals[0]!,
    paper: paperOf(values.paper),
    record: values.record === undefined ? undefined : await readRunRecord(values.record),
    split: values.split === true,
    quiet: values.quiet === true,
    out: values.out
  }
}

/** The runbooks of the staged input, where the PDF goes, and which runbook the record is of. */
async function printJobOf(request: PdfRequest, staged: Staged): Promise<PrintJob> {
  const loaded = await loadSite(staged.dir, staged.linksWithin ? {linksWithin: staged.linksWithin} : {})
  const {site} = loaded
  const entries = staged.only === undefined ? site.entries : site.entries.filter((entry) => entry.path === staged.only)
  for (const entry of entries) if (staged.shownAs !== undefined) entry.shownPath = staged.shownAs
  if (entries.length === 0) throw new UsageError(`no runbooks (*.md) under '${request.input}'`)
  const single = staged.only !== undefined && !request.split
  return {
    loaded,
    entries,
    lang: site.lang,
    recorded: request.record ? recordTarget(request.record, entries, request.input) : undefined,
    single,
    out: resolve(request.out ?? defaultOut(request.input, request.split))
  }
}

/**
 * The site's report on the runbooks of the job (unreadable files, front matter, unresolved links), each
 * named as the user gave the input: FILE itself, or its path under DIR.
 */
function reportOn(job: PrintJob, request: PdfRequest, staged: Staged): VFile[] {
  const printed = new Set(job.entries.map((entry) => entry.path))
  const input = shownPath(resolve(request.input))
  const runbooks = job.loaded.report.filter((file) => printed.has(file.path))
  return reportAsGiven(runbooks, (path) => (staged.only === undefined ? `${input}/${path}` : input))
}

/** Serves the built site to a headless Chromium for as long as `use` prints; both are closed after. */
async function withPrinter<T>(siteDir: string, use: (printer: Printer) => Promise<T>): Promise<T> {
  const server = await serveStatic(siteDir)
  try {
    const browser = await launchPrintBrowser()
    try {
      return await use({siteDir, print: (path, options) => printPage(browser.context, server.origin + path, options)})
    } finally {
      await browser.close()
    }
  } finally {
    await server.close()
  }
}

/** Prints every runbook of the job and writes the PDF (or PDFs); returns what was done, for the report line. */
async function printAndWrite(request: PdfRequest, job: PrintJob, printer: Printer): Promise<string> {
  const chapters = await chaptersOf(request, job, printer)
  if (job.single) {
    await writeOut(job.out, chapters[0]!.pdf)
    const pages = count(await pageCount(chapters[0]!.pdf), 'page')
    return `printed ${request.input} (${pages}, ${request.paper}${request.record ? ', record of a run' : ''}) to ${shownPath(job.out)}`
  }
  if (request.split) {
    for (const chapter of chapters) await writeOut(join(job.out, `${withoutMarkdownExtension(chapter.path)}.pdf`), chapter.pdf)
    return `printed ${count(chapters.length, 'runbook')} (${request.paper}) into ${shownPath(job.out)}${sep}`
  }
  const book = await bookOf(request, job, chapters, printer)
  await writeOut(job.out, book.pdf)
  return `printed ${count(chapters.length, 'runbook')} with a cover and contents (${count(book.pages, 'page')}, ${request.paper}) to ${shownPath(job.out)}`
}

/** Each runbook printed on its own; the record's runbook with the record's ticks and values. */
async function chaptersOf(request: PdfRequest, job: PrintJob, printer: Printer): Promise<Chapter[]> {
  const chapters: Chapter[] = []
  for (const entry of job.entries) {
    const record = request.record && job.recorded === entry ? recordPrint(request.record, entry) : undefined
    const pdf = await printer.print(entry.url, {paper: request.paper, record})
    chapters.push({title: entry.outline.title || entry.path, path: entry.path, version: entry.runbook.version, lang: entry.lang, pdf})
  }
  return chapters
}

/** A folder's book: a cover and contents whose page numbers point at each chapter, then the chapters. */
async function bookOf(request: PdfRequest, job: PrintJob, chapters: Chapter[], printer: Printer): Promise<{pdf: Uint8Array; pages: number}> {
  const front = {
    title: basename(resolve(request.input)),
    lang: job.lang,
    styles: await stylesOf(printer.siteDir, job.entries[0]!),
    date: formatDate(new Date().toISOString().slice(0, 10), job.lang)
  }
  const counts = await Promise.all(chapters.map((chapter) => pageCount(chapter.pdf)))
  // The contents may take more than one page: print it until its own length stops changing.
  let frontPages = 2
  let frontPdf: Uint8Array | undefined
  for (let attempt = 0; attempt < 4; attempt++) {
    // A new file for each attempt: the server may still be sending the previous one.
    const name = `__runsheet-front-${attempt}.html`
    await writeFile(join(printer.siteDir, name), frontHtml(front, chapters, startPages(frontPages, counts)))
    frontPdf = await printer.print(`/${name}`, {paper: request.paper})
    const printed = await pageCount(frontPdf)
    if (printed === frontPages) break
    frontPages = printed
  }
  const pdf = await mergePdfs([frontPdf!, ...chapters.map((chapter) => chapter.pdf)], front.title)
  return {pdf, pages: frontPages + counts.reduce((sum, each) => sum + each, 0)}
}

function paperOf(value: string | undefined): Paper {
  if (value === undefined) return 'A4'
  if (/^a4$/i.test(value)) return 'A4'
  if (/^letter$/i.test(value)) return 'Letter'
  throw new UsageError(`--paper takes A4 or Letter, not '${value}'`)
}

/** The built site's stylesheets, from one of its runbook pages. */
async function stylesOf(siteDir: string, entry: SiteEntry): Promise<string> {
  const html = await readFile(join(siteDir, ...entry.url.split('/').filter(Boolean), 'index.html'), 'utf8')
  return (html.match(/<link rel="stylesheet"[^>]*>|<style(?![^>]*data-print-page)[^>]*>[\s\S]*?<\/style>/g) ?? []).join('\n')
}

function defaultOut(input: string, split: boolean): string {
  const name = basename(resolve(input)).replace(/\.[^.]*$/, '')
  return split ? `${name}-pdf` : `${name}.pdf`
}

async function writeOut(path: string, pdf: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), {recursive: true})
    await writeFile(path, pdf)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`cannot write '${shownPath(path)}'${code ? ` (${code})` : ''}`, 1)
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
