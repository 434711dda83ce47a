/**
 * Run mode: ticks, filled blanks and choices saved in localStorage under the runbook's key, matched to the
 * page as it is now, merged with other tabs on the same runbook; progress per section and in total; reset;
 * export as Markdown (through the parser's `toMarkdown`) and as the JSON run record; import of such a record
 * to continue its run. When the browser does not keep the run (storage blocked or full), the page says so and
 * the run goes on for the visit, to be exported.
 */
import {toMarkdown, type DroppedEntry, type RecordEntry, type RecordKind, type RunRecord} from '@runsheet/parser'
import {download} from './download.js'
import {isStarted, readImportedRecord, type Refusal} from './record.js'
import {runPageOf, type RunPage} from './run-page.js'
import {ProgressTracker, renderChanges, renderNotice, renderSectionProgress} from './run-render.js'
import {openRunStore, type Changes, type Found, type RunStore} from './run-store.js'
import {storage} from './storage.js'
import {fileStamp, isoNow} from './time.js'

/** Starts run mode on a runbook's article: the saved run is shown, and every change is saved and shown. */
export function startRunMode(article: HTMLElement): void {
  const page = runPageOf(article)
  if (!page) return
  const {store, found} = openRunStore(page.key, page)
  const progress = new ProgressTracker(page.steps, store.record)
  const editionRuns = page.article.querySelectorAll<HTMLElement>('[data-run-edition]')
  const show = (changes: Changes) => {
    renderChanges(page, store.record, changes, progress)
    renderEditionRuns(editionRuns, store)
  }
  // Another tab begins or resets the other edition's run: its header is written or removed.
  const editionKeys = new Set([...editionRuns].map((pointer) => pointer.dataset.runEdition))
  if (editionKeys.size > 0) window.addEventListener('storage', (event) => {
    if (event.key === null || editionKeys.has(event.key)) renderEditionRuns(editionRuns, store)
  })
  listenToControls(page, store, show)
  listenToOtherTabs(page, store, show)
  showAgainFromHistory(page, store, show)
  if (page.runbar) startRunBar(page.runbar, page, store, show)
  // A run under way may be exported at any time, even once the network is gone: its model is fetched now.
  if (store.record.startedAt) void page.model().catch(() => undefined)
  show(allOf(store.record))
  renderSectionProgress(page, progress)
  renderNotice(page, noticeOf(page, found))
}

/**
 * The pointers to runs under way on the runbook's other editions: shown while this page has no run of its
 * own, for an operator who switched language mid-run and found an empty page. Runs stay apart: each
 * edition's steps are its own.
 */
function renderEditionRuns(pointers: NodeListOf<HTMLElement>, store: RunStore): void {
  const own = isStarted(store.record)
  for (const pointer of pointers) pointer.hidden = own || !isRunUnderWay(storage.get(pointer.dataset.runEdition ?? ''))
}

/** Whether a saved run's header (as run mode writes it) says the run has begun. */
function isRunUnderWay(header: string | null): boolean {
  if (header === null) return false
  try {
    const parsed: unknown = JSON.parse(header)
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as {startedAt?: unknown}).startedAt === 'string'
  } catch {
    return false
  }
}

/** Every entry of a record, as changes to show. */
function allOf(record: RunRecord): Changes {
  return {items: new Set(Object.keys(record.items)), blanks: new Set(Object.keys(record.blanks)), choices: new Set(Object.keys(record.choices))}
}

/** What to tell the operator about a saved or imported run: why it was set aside, or what it lost. */
function noticeOf(page: RunPage, found: Found): string[] {
  const lines: string[] = []
  if (found.refused) lines.push(refusalOf(page, found.refused, 'saved'))
  if (found.dropped.length > 0) lines.push(droppedOf(page, found.dropped))
  return lines
}

function refusalOf(page: RunPage, refusal: Refusal, from: 'saved' | {file: string}): string {
  if (from === 'saved') return refusal.reason === 'foreign' ? page.t('run.savedForeign', {title: refusal.title}) : page.t('run.savedUnreadable')
  if (refusal.reason === 'foreign') return page.t('run.importForeign', {file: from.file, title: refusal.title})
  const problem = refusal.problem
  const detail = problem?.kind === 'json' ? page.t('run.importNotJson') : problem?.kind === 'field' ? page.t('run.importBadField', {field: problem.field}) : ''
  return page.t('run.importUnreadable', {file: from.file, detail}).replace(/[\s:：]+$/, '')
}

/** The entries a changed runbook lost, in words: `2 entries … left out: “Restart nginx”, “Check logs”`. */
function droppedOf(page: RunPage, dropped: readonly DroppedEntry[]): string {
  const shown = 5
  const names = dropped.slice(0, shown).map((each) => page.t('run.quoted', {text: shortened(each.text ?? each.id)}))
  if (dropped.length > shown) names.push(page.t('run.droppedMore', {count: dropped.length - shown}))
  return page.t('run.dropped', {count: dropped.length, list: names.join(', ')})
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

/** Saves each tick and choice, and each value as it is typed: one entry written, one control shown. */
function listenToControls(page: RunPage, store: RunStore, show: (changes: Changes) => void): void {
  page.article.addEventListener('change', (event) => {
    const made = madeOf(page, event.target)
    if (!made) return
    store.set(made.kind, made.id, made.entry)
    show(changesOf(made.kind, made.id))
    tellSaved(page, store)
    // The run is under way: fetch its model now, while the network is there, for the Markdown export.
    void page.model().catch(() => undefined)
  })
  page.article.addEventListener('input', (event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement) || target.dataset.blank === undefined || !target.id) return
    // What prints follows as it is typed (`startPrintBlanks`).
    store.set('blanks', target.id, {value: target.value, at: isoNow(), ...page.targets.blanks.about(target.id)})
    tellSaved(page, store)
  })
}

/**
 * The notice says, once, that the browser does not keep the run, while it does not: the run would be lost
 * at a reload without a word. What else the notice says stays.
 */
function tellSaved(page: RunPage, store: RunStore): void {
  const line = page.t('run.notSaved')
  const told = page.notice !== null && !page.notice.hidden && (page.notice.textContent ?? '').includes(line)
  if (told === store.saved) noticeWith(page, line, !store.saved)
}

/** The entry a tick or a choice makes, or undefined when the event is none of run mode's. */
function madeOf(page: RunPage, target: EventTarget | null): {kind: RecordKind; id: string; entry: RecordEntry} | undefined {
  if (!(target instanceof HTMLInputElement)) return undefined
  if (target.dataset.check !== undefined) {
    const id = target.closest<HTMLElement>('li[data-item]')?.id
    return id ? {kind: 'items', id, entry: {value: target.checked, at: isoNow(), ...page.targets.items.about(id)}} : undefined
  }
  if (target.type !== 'radio' || !target.checked) return undefined
  const id = target.closest<HTMLFieldSetElement>('fieldset[data-choice]')?.id
  return id ? {kind: 'choices', id, entry: {value: target.value, at: isoNow(), ...page.targets.choices.about(id)}} : undefined
}

function changesOf(kind: RecordKind, id: string): Changes {
  const changes: Changes = {items: new Set(), blanks: new Set(), choices: new Set()}
  changes[kind].add(id)
  return changes
}

/** Another tab on the same runbook saved a change: it joins this tab's run. */
function listenToOtherTabs(page: RunPage, store: RunStore, show: (changes: Changes) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== null && event.storageArea !== storageArea()) return
    if (event.key === null || event.key === page.key || event.key.startsWith(page.key)) show(store.receive(event.key, event.newValue))
  })
}

/**
 * A page shown again from the browser's history: the browser puts its boxes and choices back as they were
 * when the page was left, over what run mode drew, and a page it kept whole (the back/forward cache) holds
 * the run as it was then, while another tab may have changed it. Every control is drawn again from the run
 * as it is saved now, once the browser is done (`pageshow` comes after it).
 */
function showAgainFromHistory(page: RunPage, store: RunStore, show: (changes: Changes) => void): void {
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) store.reload()
    show({items: new Set(page.controls.checks.keys()), blanks: new Set(page.controls.blanks.keys()), choices: new Set(page.controls.choices.keys())})
  })
}

function storageArea(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/** Shows the run bar and wires its buttons: export as Markdown or as JSON, import, and reset. */
function startRunBar(runbar: HTMLElement, page: RunPage, store: RunStore, show: (changes: Changes) => void): void {
  runbar.hidden = false
  const name = exportNameOf(page.empty)
  const markdown = runbar.querySelector<HTMLButtonElement>('[data-export="markdown"]')
  markdown?.addEventListener('click', async () => {
    const record = store.record
    try {
      const model = await page.model()
      delete markdown.dataset.state
      noticeWith(page, page.t('run.exportFailed'), false)
      download(`${name}-run-${fileStamp()}.md`, toMarkdown(model, {record}), 'text/markdown;charset=utf-8')
    } catch {
      // The model could not be fetched (the network is gone): the JSON export still holds the whole run.
      markdown.dataset.state = 'failed'
      noticeWith(page, page.t('run.exportFailed'), true)
    }
  })
  runbar.querySelector('[data-export="json"]')?.addEventListener('click', () => {
    download(`${name}-run-${fileStamp()}.json`, `${JSON.stringify(store.record, null, 2)}\n`, 'application/json')
  })
  startImport(runbar, page, store, show)
  runbar.querySelector('[data-reset]')?.addEventListener('click', () => {
    if (!window.confirm(page.t('run.resetConfirm'))) return
    show(store.clear())
    renderNotice(page, [])
  })
}

/** The run notice with `line` added or taken out, what else it says (what an import left out) kept. */
function noticeWith(page: RunPage, line: string, shown: boolean): void {
  const others = page.notice && !page.notice.hidden ? (page.notice.textContent ?? '').replace(line, '').trim() : ''
  renderNotice(page, [others, shown ? line : ''].filter((text) => text !== ''))
}

/** The import button: an exported record read, checked, matched to the page, and continued here. */
function startImport(runbar: HTMLElement, page: RunPage, store: RunStore, show: (changes: Changes) => void): void {
  const button = runbar.querySelector<HTMLButtonElement>('[data-import]')
  const input = runbar.querySelector<HTMLInputElement>('input[data-import-file]')
  if (!button || !input) return
  button.addEventListener('click', () => input.click())
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    const read = readImportedRecord(await file.text(), page.empty)
    if (read.refused) {
      renderNotice(page, [refusalOf(page, read.refused, {file: file.name})])
      tellSaved(page, store)
      return
    }
    if (isStarted(store.record) && !window.confirm(page.t('run.importConfirm', {file: file.name}))) return
    const {dropped, ...changes} = store.replace(read.record)
    show(changes)
    renderNotice(page, [page.t('run.imported', {file: file.name}), ...(dropped.length > 0 ? [droppedOf(page, dropped)] : [])])
    tellSaved(page, store)
    void page.model().catch(() => undefined)
  })
}

/** The start of an export's file name: the runbook's file name without `.md` (`deploy`), else its title. */
function exportNameOf(empty: RunRecord): string {
  return (empty.runbook.path ?? empty.runbook.title ?? 'runbook').replace(/^.*\//, '').replace(/\.(?:md|markdown|mdx)$/i, '') || 'runbook'
}
