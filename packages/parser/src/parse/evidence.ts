import type {Evidence} from '../schema/blocks.js'
import type {Inline} from '../schema/inline.js'
import type {Keywords} from '../keywords/types.js'
import {squash, textOfInlines} from './text.js'

const passMarks = ['✓', '✔', '✅', '☑']
const failMarks = ['✗', '✘', '❌', '❎']
const group = /\(([^()]*)\)/g

/**
 * A recorded result is a short note (`(통과)`, `(p95: 820ms ✗)`); a group of more words explains
 * or instructs (`(You will be prompted… this error will be displayed: … failed …)`).
 */
const maxWords = 6

/** A Korean verb in its conditional form: `실패하면`, `통과되면`. */
const conditionalEnding = /(?:하|되|으|이|라|다)면$/u

/**
 * Recorded results in parentheses: `(커버리지: 84.9% ✓)`, `(96.9% 성공률 ✓)`, `(result: PASS)`, `(통과)`.
 * Given the inlines the text was read from, a word inside inline code is told from one written as a verdict.
 */
export function evidenceOf(text: string, keywords: Keywords, inlines?: readonly Inline[]): Evidence[] {
  const out: Evidence[] = []
  if (!text.includes('(')) return out
  const read = withCodeMasked(text, inlines)
  for (const match of read.matchAll(group)) {
    const seen = (match[1] ?? '').trim()
    if (wordsOf(seen).length > maxWords || isCondition(seen, keywords)) continue
    const passed = verdictOf(seen, keywords)
    if (passed === null && !isMeasured(seen)) continue
    const written = text.slice(match.index, match.index + match[0].length)
    out.push({...labelAndValueOf(stripMarks(written.slice(1, -1).trim(), keywords)), passed, text: written})
  }
  return out
}

/**
 * The text as the groups are read: what is inside inline code (`` `FAILED` ``, an error message quoted)
 * is shown, not said, so each of its characters is masked. Spaces stay, so offsets match `text`.
 */
function withCodeMasked(text: string, inlines: readonly Inline[] | undefined): string {
  if (!inlines || !hasCode(inlines)) return text
  const masked = squash(textOfInlines(masking(inlines)))
  return masked.length === text.length ? masked : text
}

function hasCode(nodes: readonly Inline[]): boolean {
  return nodes.some((node) => node.type === 'inlineCode' || ('children' in node && hasCode(node.children)))
}

function masking(nodes: readonly Inline[]): Inline[] {
  return nodes.map((node) => {
    if (node.type === 'inlineCode') return {...node, value: node.value.replace(/\S/g, '\uE000')}
    return 'children' in node ? {...node, children: masking(node.children)} : node
  })
}

/**
 * Pass (true), fail (false) or no verdict (null). A mark (✓ ✗) is a verdict wherever it stands; a word
 * (`통과`, `failed`) only where it is the verdict: first in the group or after its label's colon
 * (`(실패)`, `(passed, 12:30)`, `(result: PASS)`), or among values alone (`(3/3 passed)`). A word after
 * a name (`(Snyk/Trivy 스캔 통과)`, `(expect all to pass)`) names what should pass. Both kinds at once
 * (`(primary ✗ → replica ✓)`) describe, they do not record.
 */
function verdictOf(value: string, keywords: Keywords): boolean | null {
  const marks = new Set<boolean>()
  if (passMarks.some((mark) => value.includes(mark))) marks.add(true)
  if (failMarks.some((mark) => value.includes(mark))) marks.add(false)
  if (marks.size > 0) return marks.size === 1 ? marks.has(true) : null
  const words = wordsOf(value)
  const verdicts = words.map((word) => verdictOfWord(word, keywords))
  const kinds = new Set(verdicts.filter((verdict) => verdict !== null))
  const kind = kinds.size === 1 ? kinds.has(true) : null
  if (kind === null) return null
  const afterLabel = labelColonOf(value)
  const told = afterLabel === -1 ? [] : wordsOf(value.slice(afterLabel + 1))
  if (verdicts[0] !== null || (told[0] !== undefined && verdictOfWord(told[0], keywords) !== null)) return kind
  return words.every((word, index) => verdicts[index] !== null || isValue(word)) ? kind : null
}

function verdictOfWord(word: string, keywords: Keywords): boolean | null {
  const lower = word.toLowerCase()
  if (keywords.evidenceMarks.failed.some((each) => each.toLowerCase() === lower)) return false
  if (keywords.evidenceMarks.passed.some((each) => each.toLowerCase() === lower)) return true
  return null
}

/**
 * Whether a group is a condition or an expectation, not a result (`(실패 시 롤백)`, `(✓ if green)`,
 * `(pass expected)`): one of the keywords' condition words, or a Korean conditional verb.
 */
function isCondition(value: string, keywords: Keywords): boolean {
  const conditions = conditionWordsOf(keywords)
  return wordsOf(value).some((word) => conditions.has(word.toLowerCase()) || conditionalEnding.test(word))
}

const conditionWords = new WeakMap<Keywords, Set<string>>()

function conditionWordsOf(keywords: Keywords): Set<string> {
  let words = conditionWords.get(keywords)
  if (!words) {
    words = new Set((keywords.evidenceMarks.conditions ?? []).map((word) => word.toLowerCase()))
    conditionWords.set(keywords, words)
  }
  return words
}

/** An unmarked result still counts when it is measured: a number and a colon (`(took: 12 min)`, `(OK, 12:30)`). */
function isMeasured(value: string): boolean {
  return /\d/.test(value) && /[:：]/.test(value)
}

/** The words of a group (masked code is one too): marks, punctuation and separators are not. */
function wordsOf(value: string): string[] {
  return value.split(/[\s,;:：]+/u).filter((word) => /[\p{L}\p{N}\uE000]/u.test(word))
}

/** A number, a time, a date, a version, a count: `84.9%`, `820ms`, `12:30`, `3/3`. */
function isValue(word: string): boolean {
  return /\d/.test(word)
}

/** Where the colon after a label is; not the colon of a time (`12:30`). */
function labelColonOf(value: string): number {
  const match = /[:：](?!\d)|(?<!\d)[:：]/u.exec(value)
  return match ? match.index : -1
}

/** A date and time (`2026-12-07T00:54Z`), a time (`12:30`), a count (`3/3`) or a number with its unit. */
const valuePattern = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?|\d+\/\d+|[-+]?\d+(?:[.,]\d+)?\s*%?[a-zA-Z]*/

/**
 * `label: value`, or a number with its unit (a date, a time, a count `3/3`) as the value and the words
 * around it as the label (`96.9% 성공률`).
 */
function labelAndValueOf(body: string): Pick<Evidence, 'label' | 'value'> {
  const colon = labelColonOf(body)
  if (colon > 0 && body.slice(colon + 1).trim() !== '') {
    return {label: body.slice(0, colon).trim(), value: body.slice(colon + 1).trim()}
  }
  const number = valuePattern.exec(body)
  if (!number) return {label: trimmed(body) || null, value: null}
  const rest = trimmed(body.slice(0, number.index) + ' ' + body.slice(number.index + number[0].length))
  return {label: rest || null, value: number[0].trim() || null}
}

function stripMarks(value: string, keywords: Keywords): string {
  let out = value
  for (const mark of [...passMarks, ...failMarks]) out = out.split(mark).join(' ')
  return trimmed(out.replace(markWordsOf(keywords), ' '))
}

function trimmed(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/^[\s,;:：–—-]+|[\s,;:：–—-]+$/g, '')
}

const markWords = new WeakMap<Keywords, RegExp>()

/** The pass and fail words of a vocabulary, standing alone, in one pattern made once. */
function markWordsOf(keywords: Keywords): RegExp {
  let pattern = markWords.get(keywords)
  if (!pattern) {
    const words = [...keywords.evidenceMarks.passed, ...keywords.evidenceMarks.failed].map(escape).join('|')
    pattern = new RegExp(`(^|\\s)(?:${words || '(?!)'})(?=[\\s,;]|$)`, 'giu')
    markWords.set(keywords, pattern)
  }
  return pattern
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
