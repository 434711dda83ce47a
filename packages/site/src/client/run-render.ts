/**
 * A run written into the page: boxes, values, choices and tick times of the entries that changed only, so
 * that a tick on a page of 20 000 steps touches one row; progress per section and in total; the run bar's
 * status. The state goes into attributes too (`checked`, `value`, `data-checked`), so printing shows it.
 */
import type {RunRecord} from '@runsheet/parser'
import {writeBlankValue} from './print-blanks.js'
import {blankValueOf, entryOf, isChecked, progressOf, type Step} from './record.js'
import type {RunPage} from './run-page.js'
import type {Changes} from './run-store.js'
import {shortTime} from './time.js'

/** Shows the entries `changes` names, then the progress they changed. */
export function renderChanges(page: RunPage, record: RunRecord, changes: Changes, progress: ProgressTracker): void {
  const sections = new Set<string>()
  for (const id of changes.items) {
    const checked = renderCheck(page, record, id)
    if (checked !== undefined) for (const section of progress.update(id, checked)) sections.add(section)
  }
  for (const id of changes.blanks) renderBlank(page, record, id)
  for (const id of changes.choices) renderChoice(page, record, id)
  renderSectionProgress(page, progress, sections)
  if (page.runbar) renderRunBar(page, page.runbar, progress, record)
}

/**
 * Steps done, in total and per section, kept up to date one step at a time: counted over every step once,
 * when the page opens, so that a tick on a page of 20 000 steps counts one.
 */
export class ProgressTracker {
  done: number
  readonly total: number
  readonly #sections: Map<string, {done: number; total: number}>
  readonly #checked = new Set<string>()
  readonly #steps: Map<string, Step>

  constructor(steps: readonly Step[], record: RunRecord) {
    const progress = progressOf(steps, record)
    this.done = progress.done
    this.total = progress.total
    this.#sections = progress.sections
    this.#steps = new Map(steps.map((step) => [step.id, step]))
    for (const step of steps) if (isChecked(step, record)) this.#checked.add(step.id)
  }

  /** Counts a step as ticked or not; gives the ids of the sections whose counts changed. */
  update(id: string, checked: boolean): readonly string[] {
    const step = this.#steps.get(id)
    if (!step || this.#checked.has(id) === checked) return []
    const change = checked ? 1 : -1
    if (checked) this.#checked.add(id)
    else this.#checked.delete(id)
    this.done += change
    for (const section of step.sections) this.#sections.get(section)!.done += change
    return step.sections
  }

  /** A section's counts, subsections included. */
  section(id: string): {done: number; total: number} {
    return this.#sections.get(id) ?? {done: 0, total: 0}
  }

  /** Every section that has steps. */
  sections(): Iterable<string> {
    return this.#sections.keys()
  }
}

/** Whether the step is ticked now, once shown; undefined when the page has no such step. */
function renderCheck(page: RunPage, record: RunRecord, id: string): boolean | undefined {
  const input = page.controls.checks.get(id)
  if (!input) return undefined
  const checked = isChecked({id, checked: page.source.checks.get(id) ?? false}, record)
  if (input.checked !== checked) input.checked = checked
  input.toggleAttribute('checked', checked)
  const row = input.closest<HTMLElement>('[data-item]')
  if (!row) return checked
  row.dataset.checked = String(checked)
  const tick = entryOf(record, 'items', id)
  renderTickTime(page, row, tick?.value ? tick.at : undefined)
  return checked
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

function renderChoice(page: RunPage, record: RunRecord, id: string): void {
  const group = page.controls.choices.get(id)
  if (!group) return
  const chosen = entryOf(record, 'choices', id)?.value ?? page.source.choices.get(id) ?? ''
  for (const radio of group.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.checked = radio.value === chosen
    radio.toggleAttribute('checked', radio.checked)
  }
}

/** The table of contents' counts of `sections` (all when not given), marked complete when every step is done. */
export function renderSectionProgress(page: RunPage, progress: ProgressTracker, sections?: ReadonlySet<string>): void {
  for (const id of sections ?? page.sectionCounts.keys()) {
    const counts = progress.section(id)
    for (const element of page.sectionCounts.get(id) ?? []) {
      const done = element.querySelector('[data-done]')
      if (done) done.textContent = String(counts.done)
      element.toggleAttribute('data-complete', counts.total > 0 && counts.done === counts.total)
      if (element.title) element.title = page.t('toc.progress', {done: counts.done, total: counts.total})
    }
  }
}

/** The run bar's count, progress bar and status line; the status only when it says something else. */
function renderRunBar(page: RunPage, runbar: HTMLElement, progress: ProgressTracker, record: RunRecord): void {
  const count = runbar.querySelector('[data-run-count]')
  if (count) count.textContent = page.t('run.progress', {done: progress.done, total: progress.total})
  const bar = runbar.querySelector<HTMLProgressElement>('[data-run-progress]')
  if (bar) bar.value = progress.done
  const status = runbar.querySelector<HTMLElement>('[data-run-status]')
  const about = `${record.startedAt}\u001f${record.runbook.sha256}`
  if (status && status.dataset.about !== about) {
    status.dataset.about = about
    status.textContent = runStatusOf(page, record)
  }
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
