/** What run mode reads from a runbook's page once: where its run is saved, its controls, steps and texts. */
import type {RecordKind, Runbook, RunRecord} from '@runsheet/parser'
import {clientTranslator} from '../lib/i18n.js'
import {readJson, readMessages} from './page-data.js'
import type {Step} from './record.js'
import {blankLabelOf, choiceLabelOf, choiceOptionsOf, stepTextOf, targetList, type TargetList} from './run-targets.js'

export interface RunPage {
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
  /** The steps in page order, with whether the source ticks them and their sections. */
  steps: Step[]
  /** What the runbook itself says, as the page was written: shown wherever the run says nothing. */
  source: SourceValues
  /** The steps, blanks and choices as a record is matched to them. */
  targets: Record<RecordKind, TargetList>
  /** The table of contents' per-section counts, by section id. */
  sectionCounts: Map<string, HTMLElement[]>
  runbar: HTMLElement | null
  notice: HTMLElement | null
}

/** Ticks, values and chosen options by id, as the page was written, before run mode changed any. */
export interface SourceValues {
  checks: Map<string, boolean>
  blanks: Map<string, string>
  choices: Map<string, string>
}

/** The page's inputs, by the id of the model node each stands for, in page order. */
export interface Controls {
  checks: Map<string, HTMLInputElement>
  blanks: Map<string, HTMLInputElement>
  choices: Map<string, HTMLFieldSetElement>
}

/** The run page of an article, or undefined when the article carries no run key or no empty record. */
export function runPageOf(article: HTMLElement): RunPage | undefined {
  const key = article.dataset.runKey
  const empty = readJson<RunRecord>(article, 'script[data-runbook-record]')
  if (!key || !empty) return undefined
  const controls = controlsOf(article)
  const rows = new Map([...controls.checks].map(([id, input]) => [id, input.closest<HTMLElement>('li[data-item]')!]))
  // The parser's fingerprints of the model, written by the build on each element (`data-fp`): one rule
  // with `runsheet format --record`.
  const keys = {items: fingerprintsOf(rows), blanks: fingerprintsOf(controls.blanks), choices: fingerprintsOf(controls.choices)}
  return {
    article,
    key,
    empty,
    model: modelOf(article),
    lang: document.documentElement.lang || 'en',
    t: clientTranslator(readMessages(article, 'script[data-runbook-messages]')),
    controls,
    steps: [...controls.checks].map(([id, input]) => ({id, checked: input.defaultChecked, sections: sectionsOf(input)})),
    source: sourceValuesOf(controls),
    targets: {
      items: targetList(rows, keys.items, stepTextOf),
      blanks: targetList(controls.blanks, keys.blanks, blankLabelOf),
      choices: targetList(controls.choices, keys.choices, choiceLabelOf, choiceOptionsOf)
    },
    sectionCounts: sectionCountsOf(document),
    runbar: article.querySelector<HTMLElement>('[data-runbar]'),
    notice: article.querySelector<HTMLElement>('[data-run-notice]')
  }
}

/** Id → fingerprint of the elements that carry one. */
function fingerprintsOf(elements: ReadonlyMap<string, HTMLElement>): Record<string, string> {
  // An own key per id, `__proto__` included.
  return Object.fromEntries([...elements].flatMap(([id, element]) => (element.dataset.fp ? [[id, element.dataset.fp]] : [])))
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

/** The page's ticks, values and choices as written: run mode writes its own into the attributes later. */
function sourceValuesOf(controls: Controls): SourceValues {
  const chosen = (group: HTMLFieldSetElement) => [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((radio) => radio.defaultChecked)?.value ?? ''
  return {
    checks: new Map([...controls.checks].map(([id, input]) => [id, input.defaultChecked])),
    blanks: new Map([...controls.blanks].map(([id, input]) => [id, input.defaultValue])),
    choices: new Map([...controls.choices].map(([id, group]) => [id, chosen(group)]))
  }
}

/** The elements that show a section's count (`data-progress` naming the section), by section id. */
function sectionCountsOf(root: ParentNode): Map<string, HTMLElement[]> {
  const counts = new Map<string, HTMLElement[]>()
  for (const element of root.querySelectorAll<HTMLElement>('[data-progress]')) {
    const id = element.dataset.progress!
    counts.set(id, [...(counts.get(id) ?? []), element])
  }
  return counts
}

/** Elements by their id. */
function byId<T extends HTMLElement>(elements: Iterable<T>): Map<string, T> {
  return new Map([...elements].filter((element) => element.id !== '').map((element) => [element.id, element]))
}

/** The ids of the sections an element is in, outermost last. */
function sectionsOf(element: Element): string[] {
  const ids: string[] = []
  for (let section = element.closest('section.rs-section'); section; section = section.parentElement?.closest('section.rs-section') ?? null) {
    if (section.id) ids.push(section.id)
  }
  return ids
}
