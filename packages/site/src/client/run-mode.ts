/**
 * Run mode: ticks, filled blanks and choices saved in localStorage under the runbook's key, keyed by the
 * model's ids; progress per section and in total; reset; export as Markdown (through the parser's
 * `toMarkdown`) and as the JSON run record. The state is written into the DOM too (`checked`, `value`,
 * `data-checked`, tick times), so printing a run shows it.
 */
import {toMarkdown, type RunRecord, type Runbook} from '@runsheet/parser'
import {clientTranslator} from '../lib/i18n.js'
import {download} from './download.js'
import {readJson, readMessages} from './page-data.js'
import {isChecked, progressOf, readRecord, setBlank, setChoice, setItem, type Progress, type Step} from './record.js'
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
  // A run under way may be exported at any time, even once the network is gone: its model is fetched now.
  if (run.record.startedAt) void page.model().catch(() => undefined)
  render()
}

/** What run mode reads from the page once: the runbook, where its run is saved, its controls and texts. */
interface RunPage {
  article: HTMLElement
  /** The localStorage key of this runbook's run. */
  key: string
  /** The runbook's empty record: its title, path, version and source hash. */
  empty: RunRecord
  /** The runbook's model, for the Markdown export: written into the page, or fetched once from beside it. */
  model: () => Promise<Runbook>
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

/** What the runbook itself says, as the page was written: shown wherever the run has not said otherwise. */
interface SourceValues {
  steps: Step[]
  /** Steps by id. */
  items: Map<string, Step>
  blanks: Map<string, string>
  choices: Map<string, string>
}

/** The run being worked through: its record, saved in this browser on every change. */
interface SavedRun {
  readonly record: RunRecord
  save(next: RunRecord): void
  clear(): void
}

/** The run page of an article, or undefined when the article carries no run key or no empty record. */
function runPageOf(article: HTMLElement): RunPage | undefined {
  const key = article.dataset.runKey
  const empty = readJson<RunRecord>(article, 'script[data-runbook-record]')
  if (!key || !empty) return undefined
  const controls = controlsOf(article)
  return {
    article,
    key,
    empty,
    model: modelOf(article),
    lang: document.documentElement.lang || 'en',
    t: clientTranslator(readMessages(article, 'script[data-runbook-messages]')),
    controls,
    source: sourceValuesOf(controls),
    runbar: article.querySelector<HTMLElement>('[data-runbar]')
  }
}

/** The model, read from the page when it is written there, else fetched from `data-run-model` on first use. */
function modelOf(article: HTMLElement): () => Promise<Runbook> {
  let model: Promise<Runbook> | undefined
  return () => {
    model ??= fetchModel(article).catch((error: unknown) => {
      model = undefined
      throw error
    })
    return model
  }
}

async function fetchModel(article: HTMLElement): Promise<Runbook> {
  const written = readJson<Runbook>(article, 'script[data-runbook-model]')
  if (written) return written
  const url = article.dataset.runModel
  if (!url) throw new Error('run mode: the page names no model of its runbook')
  const response = await fetch(url)
  if (!response.ok) throw new Error(`run mode: ${url} answered ${response.status}`)
  return (await response.json()) as Runbook
}

/** The page's boxes, blanks and choices, by the id of the step, blank or choice each stands for. */
function controlsOf(article: HTMLElement): Controls {
  const checks = new Map<string, HTMLInputElement>()
  for (const input of article.querySelectorAll<HTMLInputElement>('input[data-check]')) {
    const id = input.closest<HTMLElement>('li[data-item]')?.id
    if (id) checks.set(id, input)
  }
  return {
    checks,
    blanks: byId(article.querySelectorAll<HTMLInputElement>('input[data-blank]')),
    choices: byId(article.querySelectorAll<HTMLFieldSetElement>('fieldset[data-choice]'))
  }
}

/** Elements by their id. */
function byId<T extends HTMLElement>(elements: Iterable<T>): Map<string, T> {
  return new Map([...elements].filter((element) => element.id !== '').map((element) => [element.id, element]))
}

/** The steps, values and choices as the page was written, before any run is shown in it. */
function sourceValuesOf(controls: Controls): SourceValues {
  const steps: Step[] = []
  for (const [id, input] of controls.checks) steps.push({id, checked: input.defaultChecked, sections: sectionsOf(input)})
  const blanks = new Map([...controls.blanks].map(([id, input]) => [id, input.defaultValue]))
  const choices = new Map(
    [...controls.choices].map(([id, group]) => [id, [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((radio) => radio.defaultChecked)?.value ?? ''])
  )
  return {steps, items: new Map(steps.map((step) => [step.id, step])), blanks, choices}
}

/** The ids of the sections an element is in, outermost last. */
function sectionsOf(element: Element): string[] {
  const ids: string[] = []
  for (let section = element.closest('section.rs-section'); section; section = section.parentElement?.closest('section.rs-section') ?? null) {
    if (section.id) ids.push(section.id)
  }
  return ids
}

/** The run saved for this page (an empty one if none was, or it cannot be read). */
function savedRunOf(page: RunPage): SavedRun {
  let record = readRecord(storage.get(page.key), page.empty)
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
      record = page.empty
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
    const step = page.source.items.get(id)
    const checked = step ? isChecked(step, record) : input.defaultChecked
    input.checked = checked
    input.toggleAttribute('checked', checked)
    const row = input.closest<HTMLElement>('[data-item]')
    if (!row) continue
    row.dataset.checked = String(checked)
    renderTickTime(page, row, record.items[id])
  }
}

/** A step's tick time, at the end of its line: shown while the run has it ticked, hidden otherwise. */
function renderTickTime(page: RunPage, row: HTMLElement, tick: RunRecord['items'][string] | undefined): void {
  const at = tick?.value ? tick.at : undefined
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
  const progress = progressOf(page.source.steps, record)
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
  if (record.runbook.sha256 !== page.empty.runbook.sha256) parts.push(page.t('run.changed'))
  return parts.join(' · ')
}

/** Saves each tick and choice, and each value as it is typed. */
function listenToControls(page: RunPage, run: SavedRun, render: () => void): void {
  page.article.addEventListener('change', (event) => {
    const next = changedRecord(event.target, run.record)
    if (!next) return
    run.save(next)
    render()
    // The run is under way: fetch its model now, while the network is there, for the Markdown export.
    void page.model().catch(() => undefined)
  })
  page.article.addEventListener('input', (event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement) || target.dataset.blank === undefined || !target.id) return
    run.save(setBlank(run.record, target.id, target.value, isoNow()))
    writeBlankValue(target, target.value)
  })
}

/** The record after a box was ticked or a choice made, or undefined when the change is none of run mode's. */
function changedRecord(target: EventTarget | null, record: RunRecord): RunRecord | undefined {
  if (!(target instanceof HTMLInputElement)) return undefined
  if (target.dataset.check !== undefined) {
    const step = target.closest<HTMLElement>('li[data-item]')?.id
    return step ? setItem(record, step, target.checked, isoNow()) : undefined
  }
  if (target.type !== 'radio' || !target.checked) return undefined
  const choice = target.closest<HTMLFieldSetElement>('fieldset[data-choice]')?.id
  return choice ? setChoice(record, choice, target.value, isoNow()) : undefined
}

/** Shows the run bar and wires its buttons: export as Markdown or as JSON, and reset. */
function startRunBar(runbar: HTMLElement, page: RunPage, run: SavedRun, render: () => void): void {
  runbar.hidden = false
  const name = exportNameOf(page.empty)
  const markdown = runbar.querySelector<HTMLButtonElement>('[data-export="markdown"]')
  markdown?.addEventListener('click', async () => {
    const record = run.record
    try {
      const model = await page.model()
      delete markdown.dataset.state
      download(`${name}-run-${fileStamp()}.md`, toMarkdown(model, {record}), 'text/markdown;charset=utf-8')
    } catch {
      // The model could not be fetched (the network is gone): the JSON export still holds the whole run.
      markdown.dataset.state = 'failed'
    }
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
function exportNameOf(empty: RunRecord): string {
  return (empty.runbook.path ?? empty.runbook.title ?? 'runbook').replace(/^.*\//, '').replace(/\.(?:md|markdown|mdx)$/i, '') || 'runbook'
}
