/**
 * The page's steps, blanks and choices as a run record is matched to them: in page order, each with its
 * text and fingerprint, read from the page only when asked, so that a tick on a page of 20 000 steps reads
 * three texts, not 20 000.
 */
import {fingerprintOf, normalText} from './fingerprint.js'
import {targetsOf, type About, type Target, type Targets} from './record.js'

/** Controls of one kind in page order, as matching and saving see them. */
export interface TargetList extends Targets {
  /** What an entry made on this control says about it: its text and fingerprint. */
  about(id: string): About | undefined
  /**
   * Reads the controls' texts ahead of the first tick, until `enough()` says to stop; true once all are
   * read. A tick needs to know whether its step's text is the only one of its kind, which takes every text.
   */
  prepare(enough: () => boolean): boolean
}

/**
 * Targets over `elements` (id → element, in page order). `textOf` gives the words shown for a control;
 * `materialOf` (default `textOf`) what its fingerprint is made of; `optionsOf` a choice's options.
 */
export function targetList<E extends HTMLElement>(
  elements: ReadonlyMap<string, E>,
  textOf: (element: E) => string,
  materialOf: (element: E) => string = textOf,
  optionsOf?: (element: E) => readonly string[]
): TargetList {
  const ids = [...elements.keys()]
  const positions = new Map(ids.map((id, position) => [id, position]))
  const materials: (string | undefined)[] = []
  const targets = new Map<string, Target>()
  let counts: Map<string, number> | undefined
  let index: Targets | undefined
  let read = 0

  const materialAt = (position: number): string => {
    if (position < 0 || position >= ids.length) return ''
    return (materials[position] ??= normalText(materialOf(elements.get(ids[position]!)!)))
  }
  // Whether a text is its own on the page needs every text, read once, on the first tick or match.
  const isUnique = (material: string): boolean => {
    if (!counts) {
      counts = new Map()
      for (let position = 0; position < ids.length; position++) counts.set(materialAt(position), (counts.get(materialAt(position)) ?? 0) + 1)
    }
    return counts.get(material) === 1
  }
  const targetOf = (id: string): Target | undefined => {
    let target = targets.get(id)
    if (target) return target
    const position = positions.get(id)
    if (position === undefined) return undefined
    const element = elements.get(id)!
    const options = optionsOf?.(element)
    const material = materialAt(position)
    target = {
      id,
      text: normalText(textOf(element)),
      key: fingerprintOf(materialAt(position - 1), material, materialAt(position + 1), isUnique(material)),
      ...(options ? {options} : {})
    }
    targets.set(id, target)
    return target
  }
  const all = () => (index ??= targetsOf(ids.map((id) => targetOf(id)!)))
  return {
    byId: targetOf,
    byText: (text) => all().byText(text),
    byContext: (context) => all().byContext(context),
    about(id) {
      const target = targetOf(id)
      return target && {text: target.text, key: target.key}
    },
    prepare(enough) {
      for (; read < ids.length; read++) {
        if (read % 64 === 0 && enough()) return false
        materialAt(read)
      }
      isUnique('')
      return true
    }
  }
}

/** A step's own text, as its line shows it: without its number, which moves when a step is inserted above. */
export function stepTextOf(row: HTMLElement): string {
  const text = row.querySelector(':scope > .rs-item-line > .rs-item-text')
  if (!text) return ''
  const number = text.querySelector(':scope > .rs-num')
  const whole = text.textContent ?? ''
  return number?.textContent && whole.startsWith(number.textContent) ? whole.slice(number.textContent.length) : whole
}

/** A blank's label. */
export function blankLabelOf(input: HTMLInputElement): string {
  return input.getAttribute('aria-label') ?? ''
}

/** What a blank's fingerprint is made of: its label and the words around it (its step, field or line). */
export function blankMaterialOf(input: HTMLInputElement): string {
  const row = input.closest<HTMLElement>('li[data-item]')
  const around = row ? stepTextOf(row) : (input.parentElement?.textContent ?? '')
  return `${blankLabelOf(input)}\u001e${around}`
}

/** A choice's label. */
export function choiceLabelOf(group: HTMLFieldSetElement): string {
  return group.querySelector(':scope > legend')?.textContent ?? ''
}

/** A choice's option labels. */
export function choiceOptionsOf(group: HTMLFieldSetElement): string[] {
  return [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((radio) => radio.value)
}

/** What a choice's fingerprint is made of: its label and its options. */
export function choiceMaterialOf(group: HTMLFieldSetElement): string {
  return `${choiceLabelOf(group)}\u001e${choiceOptionsOf(group).join('\u001e')}`
}
