/**
 * The home page's filter box: hides runbooks whose title, path and section kinds do not hold every word.
 * When the list takes several pages, the first words typed fetch the other pages and bring their runbooks
 * into this one, so the filter goes through all of them.
 */
import {fill} from '../lib/i18n.js'

export function startFilter(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[data-filter]')
  const count = root.querySelector<HTMLElement>('[data-filter-count]')
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]')
  const index = root.closest<HTMLElement>('[data-index]')
  if (!input) return
  const template = input.dataset.countTemplate ?? '{shown} / {total}'
  let cards = cardsIn(document)
  let groups = groupsIn(document)
  let whole: Promise<void> | undefined
  root.hidden = false

  const apply = () => {
    const words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    for (const card of cards) {
      const text = textOf(card)
      const match = words.every((word) => text.includes(word))
      card.hidden = !match
      if (match) shown++
    }
    for (const group of groups) group.hidden = !group.querySelector('[data-filter-text]:not([hidden])')
    if (count) count.textContent = words.length === 0 ? '' : fill(template, {shown, total: cards.length})
    if (empty) empty.hidden = shown > 0
  }

  input.addEventListener('input', () => {
    if (index && input.value.trim() !== '' && Number(index.dataset.pages) > 1) {
      whole ??= wholeList(index, count, input.dataset.loading ?? '…').then(() => {
        cards = cardsIn(document)
        groups = groupsIn(document)
      })
      void whole.then(apply, apply)
    }
    apply()
  })
  apply()
}

const texts = new WeakMap<HTMLElement, string>()

/** What the filter matches on a card: its title, path and section kinds (names and keys), subtitle and version. */
function textOf(card: HTMLElement): string {
  let text = texts.get(card)
  if (text === undefined) {
    const kinds = [...card.querySelectorAll<HTMLElement>('.rs-kind')].flatMap((kind) => [kind.textContent ?? '', kind.dataset.kind ?? ''])
    const parts = [card.querySelector('.rs-card-title')?.textContent, card.dataset.filterText, card.querySelector('.rs-card-head .rs-path')?.textContent, ...kinds]
    text = parts.filter(Boolean).join(' ').toLocaleLowerCase()
    texts.set(card, text)
  }
  return text
}

const cardsIn = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-filter-text]')]
const groupsIn = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-filter-group]')]

/**
 * Every page of the list brought into this one, in order, their groups joined where a folder or a language
 * runs on from one page to the next. A page that cannot be fetched is left out; its runbooks stay a
 * link away in the pager, which is kept then.
 */
async function wholeList(index: HTMLElement, status: HTMLElement | null, loading: string): Promise<void> {
  const container = index.querySelector<HTMLElement>('[data-index-groups]')
  if (!container) return
  const current = Number(index.dataset.page)
  const pages = Number(index.dataset.pages)
  const home = index.dataset.home ?? '/'
  if (status) status.textContent = loading
  const lists = await Promise.all(
    Array.from({length: pages}, async (_, at) => {
      const number = at + 1
      if (number === current) return [...container.children] as HTMLElement[]
      return groupsOfPage(number === 1 ? home : `${home}page/${number}/`)
    })
  )
  container.replaceChildren()
  for (const groups of lists) for (const group of groups ?? []) appendGroup(container, group)
  if (lists.every((groups) => groups !== undefined)) index.querySelector<HTMLElement>('[data-pager]')?.setAttribute('hidden', '')
}

async function groupsOfPage(url: string): Promise<HTMLElement[] | undefined> {
  try {
    const response = await fetch(url)
    if (!response.ok) return undefined
    const page = new DOMParser().parseFromString(await response.text(), 'text/html')
    return [...page.querySelectorAll<HTMLElement>('[data-index-groups] > [data-folder]')].map((group) => document.adoptNode(group))
  } catch {
    return undefined
  }
}

/** Appends a folder's group, joining it to the last one when the folder (and then the language) runs on. */
function appendGroup(container: HTMLElement, group: HTMLElement): void {
  const last = container.lastElementChild as HTMLElement | null
  if (!last || last.dataset.folder !== group.dataset.folder) {
    container.append(group)
    return
  }
  const langs = last.querySelector(':scope > .rs-group-langs')
  for (const part of group.querySelectorAll<HTMLElement>(':scope > .rs-group-langs > [data-lang]')) {
    const lastPart = langs?.lastElementChild as HTMLElement | null | undefined
    const cards = lastPart?.querySelector(':scope > .rs-cards')
    if (lastPart?.dataset.lang === part.dataset.lang && cards) cards.append(...part.querySelectorAll(':scope > .rs-cards > li'))
    else langs?.append(part)
  }
}
