/** The home page's filter box: hides runbooks whose title, path and section kinds do not hold every word. */
import {fill} from '../lib/i18n.js'

export function startFilter(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[data-filter]')
  const count = root.querySelector<HTMLElement>('[data-filter-count]')
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]')
  if (!input) return
  const template = input.dataset.countTemplate ?? '{shown} / {total}'
  const cards = [...document.querySelectorAll<HTMLElement>('[data-filter-text]')]
  const groups = [...document.querySelectorAll<HTMLElement>('[data-filter-group]')]
  root.hidden = false

  const apply = () => {
    const words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    for (const card of cards) {
      const text = card.dataset.filterText ?? ''
      const match = words.every((word) => text.includes(word))
      card.hidden = !match
      if (match) shown++
    }
    for (const group of groups) group.hidden = !group.querySelector('[data-filter-text]:not([hidden])')
    if (count) count.textContent = words.length === 0 ? '' : fill(template, {shown, total: cards.length})
    if (empty) empty.hidden = shown > 0
  }
  input.addEventListener('input', apply)
  apply()
}
