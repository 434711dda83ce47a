/**
 * The page's steps, blanks and choices as a run record is matched to them: in page order, each with its
 * fingerprint as the parser computed it from the model when the page was built (the same rule
 * `runsheet format --record` follows), and its text, read from the page only when asked, so that a tick on
 * a page of 20 000 steps reads one text, not 20 000.
 */
import {normalText, recordTargetsFrom, type RecordTarget, type RecordTargets} from '@runsheet/parser'
import type {About} from './record.js'

/** Controls of one kind in page order, as matching and saving see them. */
export interface TargetList extends RecordTargets {
  /** What an entry made on this control says about it: its text and fingerprint. */
  about(id: string): About | undefined
}

/**
 * RecordTargets over `elements` (id → element, in page order). `keys` are the fingerprints the page was built
 * with (id → key); `textOf` gives the words shown for a control; `optionsOf` a choice's options. A control
 * without a key (a page built before keys were written) is found by its id only, and only while the
 * runbook is unchanged.
 */
export function targetList<E extends HTMLElement>(
  elements: ReadonlyMap<string, E>,
  keys: Readonly<Record<string, string>>,
  textOf: (element: E) => string,
  optionsOf?: (element: E) => readonly string[]
): TargetList {
  const targets = new Map<string, RecordTarget>()
  let index: RecordTargets | undefined
  const targetOf = (id: string): RecordTarget | undefined => {
    let target = targets.get(id)
    if (target) return target
    const element = elements.get(id)
    if (!element) return undefined
    let text: string | undefined
    const options = optionsOf?.(element)
    target = {
      id,
      get text() {
        return (text ??= normalText(textOf(element)))
      },
      key: Object.hasOwn(keys, id) ? keys[id]! : '',
      ...(options ? {options} : {})
    }
    targets.set(id, target)
    return target
  }
  const all = () => (index ??= recordTargetsFrom([...elements.keys()].map((id) => targetOf(id)!)))
  return {
    byId: targetOf,
    byText: (text) => all().byText(text),
    byContext: (context) => all().byContext(context),
    about(id) {
      const target = targetOf(id)
      return target && (target.key ? {text: target.text, key: target.key} : {text: target.text})
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

/** A choice's label. */
export function choiceLabelOf(group: HTMLFieldSetElement): string {
  return group.querySelector(':scope > legend')?.textContent ?? ''
}

/** A choice's option labels. */
export function choiceOptionsOf(group: HTMLFieldSetElement): string[] {
  return [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((radio) => radio.value)
}
