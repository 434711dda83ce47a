import type {Choice, ChoiceOption, Field, Paragraph, Signature} from '../schema/blocks.js'
import type {Inline, Strong} from '../schema/inline.js'
import type {Context} from './context.js'
import {fieldKeyOf} from './field-keys.js'
import {withPosition} from './inline.js'
import {type Line, joinLines, linesOf, spanOfInlines, trimEnd, trimStart} from './lines.js'
import {squash, textOfInlines} from './text.js'

export type ParagraphBlock = Field | Choice | Signature | Paragraph

interface Pair {
  label: string
  value: Inline[]
  inlines: Inline[]
}

const choicePattern = /^\s*(?:\[[ xX]\][^[\]]*)+$/
const choiceOption = /\[([ xX])\]([^[\]]*)/g

/**
 * Reads a paragraph line by line: `**라벨**: 값` lines become fields, a line of `[ ] a [ ] b` options a
 * choice, a line of several labelled blanks a signature; the other lines stay paragraphs, in order.
 */
export function blocksFromParagraph(inlines: Inline[], context: Context): ParagraphBlock[] {
  // Most paragraphs are prose: with no bold label and no `[ ]` box, no line of it can be structured,
  // and the inlines (the caller's fresh array) are the paragraph's children as they are.
  if (!inlines.some(mayStartStructure)) {
    labelBlanksByPrecedingText(inlines)
    return inlines.length > 0 ? [withPosition<Paragraph>({type: 'paragraph', children: inlines}, spanOfInlines(inlines))] : []
  }
  const out: ParagraphBlock[] = []
  let pending: Line[] = []

  const flush = () => {
    if (pending.length === 0) return
    pending[pending.length - 1] = {...pending[pending.length - 1]!, end: null}
    const children = joinLines(pending)
    labelBlanksByPrecedingText(children)
    if (children.length > 0) out.push(withPosition<Paragraph>({type: 'paragraph', children}, spanOfInlines(children)))
    pending = []
  }

  for (const line of linesOf(inlines, context)) {
    const block = structuredLine(line.inlines, context)
    if (block) {
      flush()
      out.push(block)
    } else pending.push(line)
  }
  flush()
  return out
}

function mayStartStructure(node: Inline): boolean {
  return node.type === 'strong' || (node.type === 'text' && node.value.includes('['))
}

function structuredLine(inlines: Inline[], context: Context): Field | Choice | Signature | undefined {
  const line = trimEnd(trimStart(inlines, false, context), context)
  const position = spanOfInlines(line)
  const bareChoice = choiceOf(null, line)
  if (bareChoice) return withPosition(bareChoice, position)

  const pairs = pairsOf(line, context)
  if (!pairs) return undefined
  const fields = pairs.map((pair) => fieldOf(pair, context))
  const [first] = fields

  if (pairs.length === 1 && first) {
    const choice = choiceOf(first.label, pairs[0]!.value)
    if (choice) return withPosition({...choice, key: first.key}, position)
    const signs = first.key !== null && context.keywords.signatureKeys.includes(first.key) && isFillIn(first.value)
    return signs ? withPosition<Signature>({type: 'signature', fields}, position) : first
  }

  // Several labels on one line are a sign-off when they ask to be filled in (`**배포자**: ___ **날짜**: ___`).
  if (fields.some((field) => isFillIn(field.value))) return withPosition<Signature>({type: 'signature', fields}, position)
  return undefined
}

/** Splits a line into `**label**: value` pairs; undefined unless the line starts with one. */
function pairsOf(line: Inline[], context: Context): Pair[] | undefined {
  const pairs: Pair[] = []
  let index = 0
  while (index < line.length) {
    const label = labelAt(line, index)
    if (label === undefined) {
      if (pairs.length === 0) return undefined
      pairs[pairs.length - 1]!.inlines.push(line[index]!)
      index++
      continue
    }
    pairs.push({label, value: [], inlines: [line[index]!]})
    index++
  }
  for (const pair of pairs) {
    pair.value = trimEnd(trimStart(pair.inlines.slice(1), true, context), context)
  }
  return pairs
}

/** The label when `line[index]` is a bold label followed by a colon (inside or right after it). */
function labelAt(line: readonly Inline[], index: number): string | undefined {
  const node = line[index]
  if (node?.type !== 'strong') return undefined
  const text = squash(textOfInlines((node as Strong).children))
  if (text === '' || text.length > 48) return undefined
  if (/[:：]$/.test(text)) return text.replace(/\s*[:：]$/, '')
  const next = line[index + 1]
  if (next?.type === 'text' && /^\s*[:：]/.test(next.value)) return text
  return undefined
}

function fieldOf(pair: Pair, context: Context): Field {
  for (const node of pair.value) {
    if (node.type === 'blank' && node.label === undefined) node.label = pair.label
  }
  const field: Field = {
    type: 'field',
    label: pair.label,
    key: fieldKeyOf(pair.label, context.keywords),
    value: pair.value,
    text: squash(textOfInlines(pair.value))
  }
  return withPosition(field, spanOfInlines(pair.inlines))
}

function choiceOf(label: string | null, value: readonly Inline[]): Choice | undefined {
  if (value.length === 0 || value.some((node) => node.type !== 'text')) return undefined
  const text = textOfInlines(value)
  if (!choicePattern.test(text)) return undefined
  const options: ChoiceOption[] = []
  for (const match of text.matchAll(choiceOption)) {
    options.push({label: squash(match[2] ?? ''), checked: match[1] !== ' '})
  }
  if (options.length === 0 || options.some((option) => option.label === '')) return undefined
  return {type: 'choice', id: '', label, key: null, options}
}

/** A value that asks to be filled in: only blanks and whitespace, or nothing. */
function isFillIn(value: readonly Inline[]): boolean {
  return value.every((node) => node.type === 'blank' || (node.type === 'text' && node.value.trim() === ''))
}

/** `발생 시각: ____` — a blank after `words:` is labelled by those words, at any depth of emphasis. */
export function labelBlanksByPrecedingText(inlines: readonly Inline[]): void {
  inlines.forEach((node, index) => {
    if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete' || node.type === 'link') {
      labelBlanksByPrecedingText(node.children)
      return
    }
    if (node.type !== 'blank' || node.label !== undefined) return
    const previous = inlines[index - 1]
    if (previous?.type === 'text') {
      const match = /([^\s:：|()[\]][^:：|()[\]\n]{0,40}?)\s*[:：]\s*$/u.exec(previous.value)
      if (match?.[1]) node.label = match[1].trim()
    } else if (previous?.type === 'strong') {
      const label = squash(textOfInlines(previous.children)).replace(/\s*[:：]$/, '')
      if (label) node.label = label
    }
  })
}
