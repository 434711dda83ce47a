/**
 * Run mode: ticks, filled blanks and choices saved in localStorage under the runbook's key, keyed by the
 * model's ids; progress per section and in total; reset; export as Markdown (through the parser's
 * `toMarkdown`) and as the JSON run record. The state is written into the DOM too (`checked`, `value`,
 * `data-checked`, tick times), so printing a run shows it.
 */
import {toMarkdown, walk, type Item, type RunRecord, type Runbook} from '@runsheet/parser'
import {clientTranslator} from '../lib/i18n.js'
import {download} from './download.js'
import {readJson, readMessages} from './page-data.js'
import {emptyRecord, isChecked, progressOf, readRecord, setBlank, setChoice, setItem, type Progress} from './record.js'
import {storage} from './storage.js'
import {fileStamp, isoNow, shortTime} from './time.js'

/** Starts run mode on a runbook's article: the saved run is shown, and every change is saved and shown. */
export function startRunMode(article: HTMLElement): void {
  const page = runPageOf(article)
  if (!page) return
  const run = savedRunOf(page)
  const render = () => renderRun(page, run.record)
  listenToControls(page, run, render)
  if (page.runbar) startRunBar(page.runbar, page, run, render)
  render()
}

/** What run mode reads from the page once: the runbook, where its run is saved, its controls and texts. */
interface RunPage {
  article: HTMLElement
  /** The localStorage key of this runbook's run. */
  key: string
  model: Runbook
  lang: string
  t: ReturnType<typeof clientTranslator>
  controls: Controls
  source: SourceValues
  runbar: HTMLElement | null
}

/** The page's inputs, by the id of the model node each stands for. */
interface Controls {
  checks: Map<string, HTMLInputElement>
  blanks: Map<string, HTMLInputElement>
  choices: Map<string, HTMLFieldSetElement>
}

/** What the runbook itself says, shown wherever the run has not said otherwise. */
interface SourceValues {
  items: Map<string, Item>
  blanks: Map<string, string>
  choices: Map<string, string>
}

/** The run being worked through: its record, saved in this browser on every change. */
interface SavedRun {
  readonly record: RunRecord
  save(next: RunRecord): void
  clear(): void
}

/** The run page of an article, or undefined when the article carries no runbook model or run key. */
function runPageOf(article: HTMLElement): RunPage | undefined {
  const key = article.dataset.runKey
  const model = readJson<Runbook>(article, 'script[data-runbook-model]')
  if (!key || !model) return undefined
  return {
    article,
    key,
    model,
    lang: document.documentElement.lang || 'en',
    t: clientTranslator(readMessages(article, 'script[data-runbook-messages]')),
    controls: controlsOf(article),
    source: sourceValuesOf(model),
    runbar: article.querySelector<HTMLElement>('[data-runbar]')
  }
}

function controlsOf(article: HTMLElement): Controls {
  return {
    checks: byData(article.querySelectorAll<HTMLInputElement>('input[data-check]'), 'check'),
    blanks: byData(article.querySelectorAll<HTMLInputElement>('input[data-blank]'), 'blank'),
    choices: byData(article.querySelectorAll<HTMLFieldSetElement>('fieldset[data-choice]'), 'choice')
  }
}

/** Elements by the value of their `data-NAME` attribute. */
function byData<T extends HTMLElement>(elements: Iterable<T>, name: string): Map<string, T> {
  return new Map([...elements].map((element) => [element.dataset[name]!, element]))
}

function sourceValuesOf(model: Runbook): SourceValues {
  const source: SourceValues = {items: new Map(), blanks: new Map(), choices: new Map()}
  walk(model, (node) => {
    if (node.type === 'item') source.items.set(node.id, node)
    else if (node.type === 'blank') source.blanks.set(node.id, node.value ?? '')
    else if (node.type === 'choice') source.choices.set(node.id, node.options.find((option) => option.checked)?.label ?? '')
  })
  return source
}

/** The run saved for this page (an empty one if none was, or it cannot be read). */
function savedRunOf(page: RunPage): SavedRun {
  let record = readRecord(storage.get(page.key), page.model)
  return {
    get record() {
      return record
    },
    save(next) {
      record = next
      storage.set(page.key, JSON.stringify(record))
    },
    clear() {
      storage.remove(page.key)
      record = emptyRecord(page.model)
    }
  }
}

/** Writes the record into the page: boxes, values, choices, tick times, progress, status. */
function renderRun(page: RunPage, record: RunRecord): void {
  renderChecks(page, record)
  renderBlanks(page, record)
  renderChoices(page, record)
  renderProgress(page, record)
}

function renderChecks(page: RunPage, record: RunRecord): void {
  for (const [id, input] of page.controls.checks) {
    const item = page.source.items.get(id)
    const checked = item ? isChecked(item, record) : input.defaultChecked
    input.checked = checked
    input.toggleAttribute('checked', checked)
    const row = input.closest<HTMLElement>('[data-item]')
    if (!row) continue
    row.dataset.checked = String(checked)
    const time = row.querySelector<HTMLTimeElement>(':scope > .rs-item-line > [data-tick-time]')
    if (time) renderTickTime(page, time, record.items[id])
  }
}

/** A step's tick time: shown while the run has it ticked, hidden otherwise. */
function renderTickTime(page: RunPage, time: HTMLTimeElement, tick: RunRecord['items'][string] | undefined): void {
  const at = tick?.value ? tick.at : undefined
  time.hidden = at === undefined
  time.dateTime = at ?? ''
  time.textContent = at === undefined ? '' : page.t('run.ticked', {time: shortTime(at, page.lang)})
}

function renderBlanks(page: RunPage, record: RunRecord): void {
  for (const [id, input] of page.controls.blanks) {
    const value = record.blanks[id]?.value ?? page.source.blanks.get(id) ?? ''
    if (input.value !== value) input.value = value
    writeBlankValue(input, value)
    const at = record.blanks[id]?.at
    if (at) input.title = page.t('run.filled', {time: shortTime(at, page.lang)})
    else input.removeAttribute('title')
  }
}

/** A blank's value written into its attributes as well, so that a printed page shows it. */
function writeBlankValue(input: HTMLInputElement, value: string): void {
  input.setAttribute('value', value)
  input.toggleAttribute('data-filled', value !== '')
}

function renderChoices(page: RunPage, record: RunRecord): void {
  for (const [id, group] of page.controls.choices) {
    const chosen = record.choices[id]?.value ?? page.source.choices.get(id) ?? ''
    for (const radio of group.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === chosen
      radio.toggleAttribute('checked', radio.checked)
    }
  }
}

function renderProgress(page: RunPage, record: RunRecord): void {
  const progress = progressOf(page.model, record)
  renderSectionProgress(page, progress)
  if (page.runbar) renderRunBar(page, page.runbar, progress, record)
}

/** Each section's count in the table of contents, marked complete when every step is done. */
function renderSectionProgress(page: RunPage, progress: Progress): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-progress]')) {
    const counts = progress.sections.get(element.dataset.progress!) ?? {done: 0, total: 0}
    const done = element.querySelector('[data-done]')
    if (done) done.textContent = String(counts.done)
    element.toggleAttribute('data-complete', counts.total > 0 && counts.done === counts.total)
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
  if (record.runbook.sha256 !== page.model.source.sha256) parts.push(page.t('run.changed'))
  return parts.join(' · ')
}

/** Saves each tick and choice, and each value as it is typed. */
function listenToControls(page: RunPage, run: SavedRun, render: () => void): void {
  page.article.addEventListener('change', (event) => {
    const next = changedRecord(event.target, run.record)
    if (!next) return
    run.save(next)
    render()
  })
  page.article.addEventListener('input', (event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement) || !target.dataset.blank) return
    run.save(setBlank(run.record, target.dataset.blank, target.value, isoNow()))
    writeBlankValue(target, target.value)
  })
}

/** The record after a box was ticked or a choice made, or undefined when the change is none of run mode's. */
function changedRecord(target: EventTarget | null, record: RunRecord): RunRecord | undefined {
  if (!(target instanceof HTMLInputElement)) return undefined
  if (target.dataset.check) return setItem(record, target.dataset.check, target.checked, isoNow())
  if (target.type !== 'radio' || !target.checked) return undefined
  const choice = target.closest<HTMLFieldSetElement>('fieldset[data-choice]')?.dataset.choice
  return choice ? setChoice(record, choice, target.value, isoNow()) : undefined
}

/** Shows the run bar and wires its buttons: export as Markdown or as JSON, and reset. */
function startRunBar(runbar: HTMLElement, page: RunPage, run: SavedRun, render: () => void): void {
  runbar.hidden = false
  const name = exportNameOf(page.model)
  runbar.querySelector('[data-export="markdown"]')?.addEventListener('click', () => {
    download(`${name}-run-${fileStamp()}.md`, toMarkdown(page.model, {record: run.record}), 'text/markdown;charset=utf-8')
  })
  runbar.querySelector('[data-export="json"]')?.addEventListener('click', () => {
    download(`${name}-run-${fileStamp()}.json`, `${JSON.stringify(run.record, null, 2)}\n`, 'application/json')
  })
  runbar.querySelector('[data-reset]')?.addEventListener('click', () => {
    if (!window.confirm(page.t('run.resetConfirm'))) return
    run.clear()
    render()
  })
}

/** The start of an export's file name: the runbook's file name without `.md` (`deploy`), else its title. */
function exportNameOf(model: Runbook): string {
  return (model.source.path ?? model.title ?? 'runbook').replace(/^.*\//, '').replace(/\.(?:md|markdown|mdx)$/i, '') || 'runbook'
}
