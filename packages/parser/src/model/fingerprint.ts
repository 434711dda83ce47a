/**
 * Fingerprints of steps, blanks and choices that do not depend on their ids: a run record finds a step
 * again by them after its section was renamed or a repeated step was inserted above it. Computed from the
 * model alone, so that run mode in the browser and `runsheet format --record` agree on every step.
 */
import type {Block, Item} from '../schema/blocks.js'
import type {Runbook} from '../schema/runbook.js'
import {walk, type ModelNode} from './walk.js'

/** The three kinds of entries a run record holds, by the name of their table. */
export const recordKinds = ['items', 'blanks', 'choices'] as const
export type RecordKind = (typeof recordKinds)[number]

/** A step, blank or choice as a run record is matched to it. */
export interface RecordTarget {
  id: string
  /** Its text or label, as an entry's `text`: names it in words. */
  text: string
  /** Its fingerprint, as an entry's `key`. */
  key: string
  /** A choice's option labels: an entry choosing another is not the same choice's. */
  options?: readonly string[]
}

/** Text as fingerprints compare it: Unicode-normalised, spaces collapsed, trimmed. */
export function normalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * The fingerprint of a step (or blank, or choice): a hash of its text, and one of its text between its
 * neighbours' (the previous and next of its kind), each 53 bits in base 36, after `u` where its text is
 * the only one of its kind in the runbook, else `r`: `u1x9k3m.8fj2a0q`. A step whose text was its own is
 * found again by its text alone; a repeated one only with the same neighbours.
 */
export function fingerprintOf(before: string, text: string, after: string, unique: boolean): string {
  return `${unique ? 'u' : 'r'}${hash53(text).toString(36)}.${hash53(`${before}\u001f${text}\u001f${after}`).toString(36)}`
}

/** A fingerprint's parts, or undefined when it is not one. */
export function partsOfFingerprint(key: string): {unique: boolean; text: string; context: string} | undefined {
  const match = /^([ur])([0-9a-z]+)\.([0-9a-z]+)$/.exec(key)
  return match ? {unique: match[1] === 'u', text: match[2]!, context: match[3]!} : undefined
}

/**
 * The runbook's steps, blanks and choices in document order, each with its text and fingerprint. What a
 * fingerprint is made of: a step's `text`; a blank's label and its step's text; a choice's label and
 * option labels. Words the page adds (link targets, translated labels) are left out: they depend on
 * where the runbook is shown, not on the runbook.
 */
export function recordTargetsOf(runbook: Runbook): Record<RecordKind, RecordTarget[]> {
  const found: Record<RecordKind, {id: string; text: string; material: string; options?: string[]}[]> = {items: [], blanks: [], choices: []}
  walk(runbook, (node: ModelNode, parents: readonly ModelNode[]) => {
    if (node.type === 'item') {
      const text = normalText(node.text)
      found.items.push({id: node.id, text, material: text})
    } else if (node.type === 'blank') {
      const step = nearestStep(parents)
      const label = normalText(node.label ?? '')
      found.blanks.push({id: node.id, text: label, material: `${label}\u001e${step ? normalText(step.text) : ''}`})
    } else if (node.type === 'choice') {
      const choice = node as Extract<Block, {type: 'choice'}>
      const label = normalText(choice.label ?? '')
      const options = choice.options.map((option) => option.label)
      found.choices.push({id: choice.id, text: label, material: `${label}\u001e${options.map(normalText).join('\u001e')}`, options})
    }
  })
  const out = {} as Record<RecordKind, RecordTarget[]>
  for (const kind of recordKinds) {
    const list = found[kind]
    const counts = new Map<string, number>()
    for (const each of list) counts.set(each.material, (counts.get(each.material) ?? 0) + 1)
    out[kind] = list.map(({id, text, material, options}, index) => ({
      id,
      text,
      key: fingerprintOf(list[index - 1]?.material ?? '', material, list[index + 1]?.material ?? '', counts.get(material) === 1),
      ...(options ? {options} : {})
    }))
  }
  return out
}

function nearestStep(parents: readonly ModelNode[]): Item | undefined {
  for (let index = parents.length - 1; index >= 0; index--) {
    const parent = parents[index]!
    if (parent.type === 'item') return parent
  }
  return undefined
}

/** cyrb53: a fast, well-spread 53-bit string hash (public domain, bryc). Not for secrets: only to compare. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
