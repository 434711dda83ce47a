import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {runRecordSchema, type RunRecord} from '@runsheet/parser'
import {formatDate} from '../lib/format.js'
import {t} from '../lib/i18n.js'
import {loadSite} from '../lib/load-site.js'
import type {SiteEntry} from '../lib/site.js'
import {serveStatic} from '../lib/static-server.js'
import {frontHtml, mergePdfs, pageCount, startPages, type Chapter} from '../pdf/book.js'
import {launchPrintBrowser, requireChromium} from '../pdf/chromium.js'
import {printPage, type Paper} from '../pdf/print.js'
import {stage} from '../pdf/stage.js'
import {parse} from './args.js'
import {buildSite, type BuiltSite} from './astro.js'
import {UsageError} from './errors.js'
import {help} from './help.js'
import type {Io} from './io.js'

/**
 * `runsheet pdf FILE|DIR`: the runbooks printed through the site's own pages and print styles, in headless
 * Chromium. One file gives one PDF; a folder gives one PDF with a cover and a table of contents, or with
 * `--split` one PDF per runbook. `--record` prints the record of a run instead of the blank form.
 */
export async function pdfCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse('pdf', args, {
    out: {type: 'string', short: 'o'},
    paper: {type: 'string'},
    record: {type: 'string'},
    split: {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'}
  })
  if (values.help) {
    io.stdout(help.pdf)
    return 0
  }
  if (positionals.length === 0) throw new UsageError(`'pdf' needs a runbook or a folder of runbooks: runsheet pdf FILE|DIR --out OUT.pdf`)
  if (positionals.length > 1) throw new UsageError(`'pdf' takes one file or folder, not ${positionals.length}: ${positionals.join(' ')}`)
  const input = positionals[0]!
  const paper = paperOf(values.paper)
  const record = values.record === undefined ? undefined : await readRecord(values.record)
  requireChromium()

  const staged = stage(input)
  let built: BuiltSite | undefined
  try {
    const {site} = await loadSite(staged.dir)
    const entries = staged.only === undefined ? site.entries : site.entries.filter((entry) => entry.path === staged.only)
    if (entries.length === 0) throw new UsageError(`no runbooks (*.md) under '${input}'`)
    const split = values.split === true
    const out = resolve(values.out ?? defaultOut(input, staged.only !== undefined, split))
    const recorded = record === undefined ? undefined : recordTarget(record, entries, input)
    if (recorded && recorded.entry.runbook.source.sha256 !== record!.runbook.sha256) {
      io.stderr(
        `runsheet: warning: the record was made against another edition of ${recorded.entry.path} (sha256 ${record!.runbook.sha256.slice(0, 12)}, now ${recorded.entry.runbook.source.sha256.slice(0, 12)}): steps are matched by their ids`
      )
    }

    // The site's own build: the same pages, styles and fonts as the site.
    built = await buildSite({dir: staged.dir, logLevel: 'error', integration: {search: false, report: 'silent'}})
    const siteDir = built.dir

    const server = await serveStatic(siteDir)
    const browser = await launchPrintBrowser()
    try {
      const chapters: Chapter[] = []
      for (const entry of entries) {
        const run = recorded?.entry === entry ? recordPrint(record!, entry) : undefined
        const pdf = await printPage(browser.context, server.origin + entry.url, {paper, record: run})
        chapters.push({title: entry.runbook.title || entry.path, path: entry.path, version: entry.runbook.version, lang: entry.lang, pdf})
      }

      if (staged.only !== undefined && !split) {
        await writeOut(out, chapters[0]!.pdf)
        report(io, values.quiet, `printed ${input} (${await pages(chapters[0]!.pdf)}, ${paper}${record ? ', record of a run' : ''}) to ${shown(out)}`)
        return 0
      }
      if (split) {
        for (const chapter of chapters) await writeOut(join(out, chapter.path.replace(/\.md$/i, '.pdf')), chapter.pdf)
        report(io, values.quiet, `printed ${count(chapters.length, 'runbook')} (${paper}) into ${shown(out)}${sep}`)
        return 0
      }

      const front = {
        title: basename(resolve(input)),
        lang: site.lang,
        styles: await stylesOf(siteDir, entries[0]!),
        date: formatDate(new Date().toISOString().slice(0, 10), site.lang)
      }
      const counts = await Promise.all(chapters.map((chapter) => pageCount(chapter.pdf)))
      // The contents may take more than one page: print it until its own length stops changing.
      let frontPages = 2
      let frontPdf: Uint8Array | undefined
      for (let attempt = 0; attempt < 4; attempt++) {
        await writeFile(join(siteDir, '__runsheet-front.html'), frontHtml(front, chapters, startPages(frontPages, counts)))
        frontPdf = await printPage(browser.context, `${server.origin}/__runsheet-front.html`, {paper})
        const printed = await pageCount(frontPdf)
        if (printed === frontPages) break
        frontPages = printed
      }
      const book = await mergePdfs([frontPdf!, ...chapters.map((chapter) => chapter.pdf)], front.title)
      await writeOut(out, book)
      const total = frontPages + counts.reduce((sum, each) => sum + each, 0)
      report(io, values.quiet, `printed ${count(chapters.length, 'runbook')} with a cover and contents (${count(total, 'page')}, ${paper}) to ${shown(out)}`)
      return 0
    } finally {
      await browser.close()
      await server.close()
    }
  } finally {
    staged.remove()
    built?.scratch.remove()
  }
}

function paperOf(value: string | undefined): Paper {
  if (value === undefined) return 'A4'
  if (/^a4$/i.test(value)) return 'A4'
  if (/^letter$/i.test(value)) return 'Letter'
  throw new UsageError(`--paper takes A4 or Letter, not '${value}'`)
}

/** A run record from a JSON file, checked against the record format; any problem is one line. */
async function readRecord(path: string): Promise<RunRecord> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`cannot read the run record '${path}'`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`the run record '${path}' is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = runRecordSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the record'
    throw new UsageError(`'${path}' is not a run record (runsheet-record/1): ${where}: ${issue.message}`)
  }
  return parsed.data
}

/** The runbook a record belongs to: the only one, or the one with its path or its source hash. */
function recordTarget(record: RunRecord, entries: SiteEntry[], input: string): {entry: SiteEntry} {
  if (entries.length === 1) return {entry: entries[0]!}
  const path = record.runbook.path
  const entry =
    entries.find((each) => path !== null && each.path === path) ??
    entries.find((each) => each.runbook.source.sha256 === record.runbook.sha256) ??
    entries.find((each) => path !== null && (path.endsWith(`/${each.path}`) || each.path.endsWith(`/${path}`)))
  if (!entry) throw new UsageError(`the run record is for '${path ?? record.runbook.title}', which is not a runbook under '${input}'`)
  return {entry}
}

/** What the page needs to print a record: its run-mode storage key, and the edition note of the margins. */
function recordPrint(record: RunRecord, entry: SiteEntry) {
  const when = record.startedAt ?? record.updatedAt
  const time = when ? localTime(when, entry.lang) : ''
  const note = t(entry.lang, 'print.record')
  return {key: `runsheet:run:/${entry.path}`, value: record, note, banner: time ? t(entry.lang, 'print.recordStarted', {time}) : note}
}

function localTime(iso: string, lang: 'ko' | 'en'): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(date)
}

/** The built site's stylesheets, from one of its runbook pages. */
async function stylesOf(siteDir: string, entry: SiteEntry): Promise<string> {
  const html = await readFile(join(siteDir, ...entry.url.split('/').filter(Boolean), 'index.html'), 'utf8')
  return (html.match(/<link rel="stylesheet"[^>]*>|<style(?![^>]*data-print-page)[^>]*>[\s\S]*?<\/style>/g) ?? []).join('\n')
}

function defaultOut(input: string, file: boolean, split: boolean): string {
  const name = basename(resolve(input)).replace(/\.[^.]*$/, '')
  return split ? `${name}-pdf` : `${name}.pdf`
}

async function writeOut(path: string, pdf: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), {recursive: true})
    await writeFile(path, pdf)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`cannot write '${shown(path)}'${code ? ` (${code})` : ''}`, 1)
  }
}

async function pages(pdf: Uint8Array): Promise<string> {
  return count(await pageCount(pdf), 'page')
}

function report(io: Io, quiet: boolean | undefined, message: string): void {
  if (!quiet) io.stdout(`runsheet: ${message}`)
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
