/**
 * Run mode: ticks, filled blanks and choices saved in localStorage under the runbook's key, keyed by the
 * model's ids; progress per section and in total; reset; export as Markdown (through the parser's
 * `toMarkdown`) and as the JSON run record. The state is written into the DOM too (`checked`, `value`,
 * `data-checked`, tick times), so printing a run shows it.
 */
import {toMarkdown, walk, type Item, type RunRecord, type Runbook} from '@runsheet/parser'
import {clientTranslator, type ClientMessages} from '../lib/i18n.js'
import {download} from './download.js'
import {fileStamp, isoNow, shortTime} from './time.js'
import {emptyRecord, isChecked, progressOf, readRecord, setBlank, setChoice, setItem} from './record.js'

export function startRunMode(article: HTMLElement): void {
  const key = article.dataset.runKey
  const model = readJson<Runbook>(article, 'script[data-runbook-model]')
  const messages = readJson<ClientMessages>(article, 'script[data-runbook-messages]') ?? {}
  if (!key || !model) return
  const lang = document.documentElement.lang || 'en'
  const t = clientTranslator(messages)

  let record = readRecord(storage.get(key), model)
  const save = () => storage.set(key, JSON.stringify(record))

  const checks = new Map<string, HTMLInputElement>()
  for (const input of article.querySelectorAll<HTMLInputElement>('input[data-check]')) checks.set(input.dataset.check!, input)
  const blanks = new Map<string, HTMLInputElement>()
  for (const input of article.querySelectorAll<HTMLInputElement>('input[data-blank]')) blanks.set(input.dataset.blank!, input)
  const choices = new Map<string, HTMLFieldSetElement>()
  for (const group of article.querySelectorAll<HTMLFieldSetElement>('fieldset[data-choice]')) choices.set(group.dataset.choice!, group)

  const items = new Map<string, Item>()
  const sourceBlanks = new Map<string, string>()
  const sourceChoices = new Map<string, string>()
  walk(model, (node) => {
    if (node.type === 'item') items.set(node.id, node)
    else if (node.type === 'blank') sourceBlanks.set(node.id, node.value ?? '')
    else if (node.type === 'choice') sourceChoices.set(node.id, node.options.find((option) => option.checked)?.label ?? '')
  })

  /** Writes the record into the page: boxes, values, choices, tick times, progress, status. */
  const render = () => {
    for (const [id, input] of checks) {
      const item = items.get(id)
      const checked = item ? isChecked(item, record) : input.defaultChecked
      input.checked = checked
      input.toggleAttribute('checked', checked)
      const row = input.closest<HTMLElement>('[data-item]')
      if (row) row.dataset.checked = String(checked)
      const time = row?.querySelector<HTMLTimeElement>(':scope > .rs-item-line > [data-tick-time]')
      const tick = record.items[id]
      if (time) {
        const show = tick !== undefined && tick.value
        time.hidden = !show
        time.dateTime = show ? tick.at : ''
        time.textContent = show ? t('run.ticked', {time: shortTime(tick.at, lang)}) : ''
      }
    }
    for (const [id, input] of blanks) {
      const value = record.blanks[id]?.value ?? sourceBlanks.get(id) ?? ''
      if (input.value !== value) input.value = value
      input.setAttribute('value', value)
      input.toggleAttribute('data-filled', value !== '')
      const at = record.blanks[id]?.at
      if (at) input.title = t('run.filled', {time: shortTime(at, lang)})
      else input.removeAttribute('title')
    }
    for (const [id, group] of choices) {
      const chosen = record.choices[id]?.value ?? sourceChoices.get(id) ?? ''
      for (const radio of group.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
        radio.checked = radio.value === chosen
        radio.toggleAttribute('checked', radio.checked)
      }
    }
    renderProgress()
  }

  const runbar = article.querySelector<HTMLElement>('[data-runbar]')
  const renderProgress = () => {
    const progress = progressOf(model, record)
    for (const element of document.querySelectorAll<HTMLElement>('[data-progress]')) {
      const counts = progress.sections.get(element.dataset.progress!) ?? {done: 0, total: 0}
      const done = element.querySelector('[data-done]')
      if (done) done.textContent = String(counts.done)
      element.toggleAttribute('data-complete', counts.total > 0 && counts.done === counts.total)
      if (element.title) element.title = t('toc.progress', {done: counts.done, total: counts.total})
    }
    if (!runbar) return
    const count = runbar.querySelector('[data-run-count]')
    if (count) count.textContent = t('run.progress', {done: progress.done, total: progress.total})
    const bar = runbar.querySelector<HTMLProgressElement>('[data-run-progress]')
    if (bar) bar.value = progress.done
    const status = runbar.querySelector('[data-run-status]')
    if (status) {
      const parts: string[] = []
      if (record.startedAt) parts.push(t('run.started', {time: shortTime(record.startedAt, lang)}))
      if (record.startedAt && record.runbook.sha256 !== model.source.sha256) parts.push(t('run.changed'))
      status.textContent = parts.join(' · ')
    }
  }

  const update = (next: RunRecord) => {
    record = next
    save()
    render()
  }

  article.addEventListener('change', (event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement)) return
    if (target.dataset.check) update(setItem(record, target.dataset.check, target.checked, isoNow()))
    else if (target.type === 'radio') {
      const group = target.closest<HTMLFieldSetElement>('fieldset[data-choice]')
      if (group?.dataset.choice && target.checked) update(setChoice(record, group.dataset.choice, target.value, isoNow()))
    }
  })
  article.addEventListener('input', (event) => {
    const target = event.target
    if (target instanceof HTMLInputElement && target.dataset.blank) {
      record = setBlank(record, target.dataset.blank, target.value, isoNow())
      save()
      target.setAttribute('value', target.value)
      target.toggleAttribute('data-filled', target.value !== '')
    }
  })

  if (runbar) {
    runbar.hidden = false
    const base = (model.source.path ?? model.title ?? 'runbook').replace(/^.*\//, '').replace(/\.(?:md|markdown|mdx)$/i, '') || 'runbook'
    runbar.querySelector('[data-export="markdown"]')?.addEventListener('click', () => {
      download(`${base}-run-${fileStamp()}.md`, toMarkdown(model, {record}), 'text/markdown;charset=utf-8')
    })
    runbar.querySelector('[data-export="json"]')?.addEventListener('click', () => {
      download(`${base}-run-${fileStamp()}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json')
    })
    runbar.querySelector('[data-reset]')?.addEventListener('click', () => {
      if (!window.confirm(t('run.resetConfirm'))) return
      storage.remove(key)
      record = emptyRecord(model)
      render()
    })
  }
  render()
}

function readJson<T>(root: ParentNode, selector: string): T | undefined {
  const text = root.querySelector(selector)?.textContent
  if (!text) return undefined
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}

/** localStorage that never throws (private windows, full quota, blocked storage): the run then lasts the visit. */
const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value)
    } catch {
      // Not saved: the page still works for this visit.
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key)
    } catch {
      // Nothing to remove.
    }
  }
}
