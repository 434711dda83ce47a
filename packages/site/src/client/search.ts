/**
 * The search box: Pagefind's JS API, loaded from `<base>pagefind/` on first use. A large site's index is in
 * parts (`pagefind/part-2/`…, listed in `pagefind/parts.json`), merged here into one search. A rebuild may
 * add an overlay (`pagefind/overlay/`) of the pages it changed: the parts' older entries for them, which
 * `parts.json` then lists, are left out, and an entry the overlay has again unchanged is shown once.
 * Results name the runbook and the sections that matched, with excerpts; results in the page's language
 * come first. Ten are shown at a time, a button showing the next ten: a result's data is loaded when shown.
 */
import {clientTranslator} from '../lib/i18n.js'
import {readMessages} from './page-data.js'
import {resultsShown} from './search-order.js'

/** Results shown at a time: each is a fetch of its data. */
const pageSize = 10

interface PagefindSubResult {
  title: string
  url: string
  excerpt: string
  locations?: number[]
}

interface PagefindData {
  url: string
  excerpt: string
  meta: Record<string, string>
  sub_results?: PagefindSubResult[]
}

interface PagefindSearch {
  results: {id: string; data(): Promise<PagefindData>}[]
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>
  search(query: string, options?: Record<string, unknown>): Promise<PagefindSearch>
  debouncedSearch(query: string, options?: Record<string, unknown>, wait?: number): Promise<PagefindSearch | null>
}

/** Pagefind, with the parts merged, and the ids of the results an overlay hides or has twice. */
interface LoadedIndex {
  api: Pagefind
  hidden: ReadonlySet<string>
  once: ReadonlySet<string>
}

export function startSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type=search]')
  const panel = root.querySelector<HTMLElement>('[data-search-results]')
  const form = root.querySelector('form')
  if (!input || !panel) return
  const base = root.dataset.base ?? '/'
  const lang = document.documentElement.lang
  const t = clientTranslator(readMessages(root, 'script[data-search-messages]'))
  root.hidden = false

  let pagefind: Promise<LoadedIndex> | undefined
  const load = () => {
    pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (module) => {
      const options = {baseUrl: base, excerptLength: 24}
      await module.options(options)
      const {parts, hidden, once} = await indexParts(base)
      for (const part of parts) await module.mergeIndex(`${base}pagefind/${part}`, options)
      return {api: module, hidden, once}
    })
    // A failed load (the network, a server restarting) is tried again by the next search.
    pagefind.catch(() => {
      pagefind = undefined
    })
    return pagefind
  }

  // Set when the reader leaves the panel; results of a search still on its way then fill it unseen.
  let dismissed = false
  let generation = 0
  const run = async () => {
    dismissed = false
    const query = input.value.trim()
    const current = ++generation
    if (query === '') {
      panel.hidden = true
      panel.replaceChildren()
      return
    }
    show(status(t('search.loading')))
    try {
      const {api, hidden, once} = await load()
      const search = await api.debouncedSearch(query, {}, 120)
      if (search === null || current !== generation) return
      const preferred = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(query) ? 'ko' : lang
      // Which results are in the preferred language, known from the index's `lang` filter without loading any.
      const inPreferred = await api.search(query, {filters: {lang: preferred}})
      if (current !== generation) return
      const results = resultsShown(search.results, {hidden, once, preferred: new Set(inPreferred.results.map(({id}) => id))})
      if (results.length === 0) return show(status(t('search.none', {query})))
      const list = document.createElement('ol')
      list.className = 'rs-search-list'
      const more = document.createElement('button')
      more.type = 'button'
      more.className = 'rs-button rs-search-more'
      more.textContent = t('search.more')
      /** Shows the next results, once their data is loaded; the items added, none when a newer search came. */
      const showNext = async (): Promise<HTMLElement[]> => {
        const next = results.slice(list.childElementCount, list.childElementCount + pageSize)
        const data = await Promise.all(next.map((result) => result.data()))
        if (current !== generation) return []
        const items = data.map(resultItem)
        list.append(...items)
        more.hidden = list.childElementCount >= results.length
        return items
      }
      await showNext()
      if (current !== generation) return
      let loading = false
      more.addEventListener('click', () => {
        if (loading) return
        loading = true
        // Focus moves to the first result added, where the reader goes on: the button may be gone.
        void showNext()
          .then((items) => items[0]?.querySelector('a')?.focus())
          .catch(() => undefined)
          .finally(() => (loading = false))
      })
      show(status(t('search.results', {count: results.length})), list, more)
    } catch {
      if (current === generation) show(status(t('search.unavailable')))
    }
  }

  const show = (...nodes: Node[]) => {
    panel.replaceChildren(...nodes)
    panel.hidden = dismissed
  }

  input.addEventListener('input', () => void run())
  input.addEventListener('focus', () => void load().catch(() => undefined))
  form?.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = ''
      void run()
      input.focus()
    }
  })
  // The panel covers the page under the header: it closes whenever the reader is done with it, and keeps
  // its results (the query stays in the box), so focusing the box opens it again as it was.
  const close = () => {
    dismissed = true
    panel.hidden = true
  }
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) close()
  })
  // Tab past the last result or Shift-Tab before the box: the next control would sit under the panel.
  // A null relatedTarget (a click on no control, another window) is left to the click handler above.
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget
    if (next instanceof Node && !root.contains(next)) close()
  })
  // A chosen result closes the panel, also one on this page, whose section it would otherwise cover; a
  // result opened in another tab (a modifier or another button) leaves the list for the next one.
  panel.addEventListener('click', (event) => {
    const opensHere = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey
    if (opensHere && event.target instanceof Element && event.target.closest('a[href]')) close()
  })
  window.addEventListener('hashchange', close)
  input.addEventListener('focus', () => {
    dismissed = false
    if (panel.childElementCount > 0) panel.hidden = false
  })
}

/**
 * The parts of the index after the first, as folders under `pagefind/` (none when the site has one), and
 * the results of the parts that an overlay holds newer ones for (or whose pages are gone) or holds again
 * unchanged, by id.
 */
async function indexParts(base: string): Promise<{parts: string[]; hidden: Set<string>; once: Set<string>}> {
  const response = await fetch(`${base}pagefind/parts.json`)
  const listed: unknown = response.ok ? await response.json() : []
  const {parts, hidden, once} = (Array.isArray(listed) ? {parts: listed} : (listed ?? {})) as {parts?: unknown; hidden?: unknown; once?: unknown}
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [])
  return {parts: strings(parts).filter((part) => /^(?:part-\d+|overlay)\/$/.test(part)), hidden: new Set(strings(hidden)), once: new Set(strings(once))}
}

/** A heading's fragment (`#rs:h:<id>`) turned into its section's (`#<id>`), the id a reader can share. */
function sectionUrl(url: string): string {
  return url.replace(/#rs(?::|%3A)h(?::|%3A)/i, '#')
}

function status(text: string): HTMLElement {
  const element = document.createElement('p')
  element.className = 'rs-search-status'
  element.setAttribute('role', 'status')
  element.textContent = text
  return element
}

function resultItem(page: PagefindData): HTMLElement {
  const item = document.createElement('li')
  item.className = 'rs-search-result'
  const title = document.createElement('a')
  title.className = 'rs-search-title'
  title.href = page.url
  title.textContent = page.meta.title ?? page.url
  if (page.meta.lang) {
    // Its language, not the page's: read in its own voice, with its own fonts and line breaking.
    item.lang = page.meta.lang
    title.hreflang = page.meta.lang
    const tag = document.createElement('span')
    tag.className = 'rs-lang-tag'
    tag.textContent = page.meta.lang.toUpperCase()
    title.append(' ', tag)
  }
  item.append(title)
  const subs = (page.sub_results ?? [])
    .filter((sub) => sub.url !== page.url && sub.title !== page.meta.title)
    .map((sub, index) => ({sub, index, hits: sub.locations?.length ?? 0}))
    .sort((a, b) => b.hits - a.hits || a.index - b.index)
    .slice(0, 3)
    .map(({sub}) => sub)
  if (subs.length === 0) {
    item.append(excerpt(page.excerpt))
  } else {
    const list = document.createElement('ul')
    for (const sub of subs) {
      const entry = document.createElement('li')
      const link = document.createElement('a')
      link.href = sectionUrl(sub.url)
      link.className = 'rs-search-section'
      link.textContent = sub.title
      entry.append(link, excerpt(sub.excerpt))
      list.append(entry)
    }
    item.append(list)
  }
  return item
}

/** An excerpt with Pagefind's `<mark>` highlights, rebuilt from text: no markup from the index is trusted. */
function excerpt(html: string): HTMLElement {
  const out = document.createElement('p')
  out.className = 'rs-search-excerpt'
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body
  for (const node of parsed.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent ?? '')
    else if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      out.append(mark)
    } else out.append(node.textContent ?? '')
  }
  return out
}
