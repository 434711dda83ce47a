import type {RunRecord} from '@runsheet/parser'
import {UsageError} from '@runsheet/parser/cli-kit'
import {intlLocale, t} from '../lib/i18n.js'
import {runKeyOf} from '../lib/run-key.js'
import type {SiteEntry} from '../lib/site.js'
import type {PrintOptions} from './print.js'

/** The runbook a record belongs to: the only one, or the one with its path or its source hash. */
export function recordTarget(record: RunRecord, entries: readonly SiteEntry[], input: string): SiteEntry {
  if (entries.length === 1) return entries[0]!
  const path = record.runbook.path
  const entry =
    entries.find((each) => path !== null && each.path === path) ??
    entries.find((each) => each.runbook.source.sha256 === record.runbook.sha256) ??
    entries.find((each) => path !== null && (path.endsWith(`/${each.path}`) || each.path.endsWith(`/${path}`)))
  if (!entry) throw new UsageError(`the run record is for '${path ?? record.runbook.title}', which is not a runbook under '${input}'`)
  return entry
}

/** The warning for a record made against another edition of its runbook, or undefined when it is the same. */
export function editionWarning(record: RunRecord, entry: SiteEntry): string | undefined {
  const now = entry.runbook.source.sha256
  if (now === record.runbook.sha256) return undefined
  return `the record was made against another edition of ${entry.path} (sha256 ${record.runbook.sha256.slice(0, 12)}, now ${now.slice(0, 12)}): steps are matched by their texts and neighbours`
}

/** What the page needs to print a record: its run-mode storage key (the page is served at the root), and the edition note of the margins. */
export function recordPrint(record: RunRecord, entry: SiteEntry): NonNullable<PrintOptions['record']> {
  const when = record.startedAt ?? record.updatedAt
  const time = when ? localTime(when, entry.lang) : ''
  const note = t(entry.lang, 'print.record')
  return {key: runKeyOf({root: '/'}, entry), value: record, note, banner: time ? t(entry.lang, 'print.recordStarted', {time}) : note}
}

function localTime(iso: string, lang: 'ko' | 'en'): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(date)
}
