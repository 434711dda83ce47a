/**
 * A run written into the page: boxes, values, choices and tick times of the entries that changed only, so
 * that a tick on a page of 20 000 steps touches one row; progress per section and in total; the run bar's
 * status. The state goes into attributes too (`checked`, `value`, `data-checked`), so printing shows it.
 */
import type {RunRecord} from '@runsheet/parser'
import {blankValueOf, entryOf, isChecked, progressOf, type Progress} from './record.js'
import type {RunPage} from './run-page.js'
import type {Changes} from './run-store.js'
import {shortTime} from './time.js'

/** Shows the entries `changes` names, then the progress. */
export function renderChanges(page: RunPage, record: RunRecord, changes: Changes): void {
  for (const id of changes.items) renderCheck(page, record, id)
  for (const id of changes.blanks) renderBlank(page, record, id)
  for (const id of changes.choices) renderChoice(page, record, id)
  renderProgress(page, record)
}

function renderCheck(page: RunPage, record: RunRecord, id: string): void {
  const input = page.controls.checks.get(id)
  if (!input) return
  const checked = isChecked({id, checked: page.source.checks.get(id) ?? false}, record)
  if (input.checked !== checked) input.checked = checked
  input.toggleAttribute('checked', checked)
  const row = input.closest<HTMLElement>('[data-item]')
  if (!row) return
  row.dataset.checked = String(checked)
  const tick = entryOf(record, 'items', id)
  renderTickTime(page, row, tick?.value ? tick.at : undefined)
}

/** A step's tick time, at the end of its line: shown while the run has it ticked, hidden otherwise. */
function renderTickTime(page: RunPage, row: HTMLElement, at: string | undefined): void {
  const line = row.querySelector(':scope > .rs-item-line')
  let time = line?.querySelector<HTMLTimeElement>(':scope > [data-tick-time]')
  if (!time) {
    if (at === undefined || !line) return
    time = document.createElement('time')
    time.className = 'rs-tick-time'
    time.dataset.tickTime = ''
    line.append(time)
  }
  time.hidden = at === undefined
  time.dateTime = at ?? ''
  time.textContent = at === undefined ? '' : page.t('run.ticked', {time: shortTime(at, page.lang)})
}

function renderBlank(page: RunPage, record: RunRecord, id: string): void {
  const input = page.controls.blanks.get(id)
  if (!input) return
  const value = blankValueOf(id, page.source.blanks.get(id) ?? '', record)
  if (input.value !== value) input.value = value
  writeBlankValue(input, value)
  const at = entryOf(record, 'blanks', id)?.at
  if (at) input.title = page.t('run.filled', {time: shortTime(at, page.lang)})
  else input.removeAttribute('title')
}

/** A blank's value written into its attributes as well, so that a printed page shows it. */
export function writeBlankValue(input: HTMLInputElement, value: string): void {
  input.setAttribute('value', value)
  input.toggleAttribute('data-filled', value !== '')
}

function renderChoice(page: RunPage, record: RunRecord, id: string): void {
  const group = page.controls.choices.get(id)
  if (!group) return
  const chosen = entryOf(record, 'choices', id)?.value ?? page.source.choices.get(id) ?? ''
  for (const radio of group.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.checked = radio.value === chosen
    radio.toggleAttribute('checked', radio.checked)
  }
}

/** Progress per section and in total, and the run's status: counted over every step, written where it changed. */
export function renderProgress(page: RunPage, record: RunRecord): void {
  const progress = progressOf(page.steps, record)
  renderSectionProgress(page, progress)
  if (page.runbar) renderRunBar(page, page.runbar, progress, record)
}

/** Each section's count in the table of contents, marked complete when every step is done. */
function renderSectionProgress(page: RunPage, progress: Progress): void {
  for (const element of page.sectionCounts) {
    const counts = progress.sections.get(element.dataset.progress!) ?? {done: 0, total: 0}
    const done = element.querySelector('[data-done]')
    const text = String(counts.done)
    if (done && done.textContent !== text) done.textContent = text
    const complete = counts.total > 0 && counts.done === counts.total
    if (element.hasAttribute('data-complete') !== complete) element.toggleAttribute('data-complete', complete)
    if (element.title) element.title = page.t('toc.progress', {done: counts.done, total: counts.total})
  }
}

/** The run bar's count, progress bar and status line. */
function renderRunBar(page: RunPage, runbar: HTMLElement, progress: Progress, record: RunRecord): void {
  const count = runbar.querySelector('[data-run-count]')
  if (count) count.textContent = page.t('run.progress', {done: progress.done, total: progress.total})
  const bar = runbar.querySelector<HTMLProgressElement>('[data-run-progress]')
  if (bar) bar.value = progress.done
  const status = runbar.querySelector('[data-run-status]')
  if (status) status.textContent = runStatusOf(page, record)
}

/** When the run started, and whether the runbook changed since: `Started 14:32 · This runbook changed…`. */
function runStatusOf(page: RunPage, record: RunRecord): string {
  if (!record.startedAt) return ''
  const parts = [page.t('run.started', {time: shortTime(record.startedAt, page.lang)})]
  if (record.runbook.sha256 !== page.empty.runbook.sha256) parts.push(page.t('run.changed'))
  return parts.join(' · ')
}

/** Says something about the saved or imported run under the run bar; nothing hides the notice. */
export function renderNotice(page: RunPage, lines: readonly string[]): void {
  if (!page.notice) return
  page.notice.textContent = lines.join(' ')
  page.notice.hidden = lines.length === 0
}
