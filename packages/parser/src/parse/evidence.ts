import type {Evidence} from '../schema/blocks.js'
import type {Inline} from '../schema/inline.js'
import type {Keywords} from '../keywords/types.js'
import {squash, textOfInlines} from './text.js'

/** Marks of a result, as characters and as the GitHub shortcodes that show them (`:white_check_mark:`). */
const passMarks = ['✓', '✔', '✅', '☑', ':white_check_mark:', ':heavy_check_mark:', ':ballot_box_with_check:']
const failMarks = ['✗', '✘', '❌', '❎', ':x:', ':heavy_multiplication_x:', ':negative_squared_cross_mark:']
const marks = [...passMarks, ...failMarks]
const group = /\(([^()]*)\)/g

/**
 * A recorded result in words is a short note (`(통과)`, `(failed: 3 of 120)`); a group of more words
 * explains or instructs (`(You will be prompted… this error will be displayed: … failed …)`). Only words
 * count, not values (`lines 91%, branches 78%`). A group with a mark is a result at any length.
 */
const maxWords = 6

/** A Korean verb in its conditional form: `실패하면`, `통과되면`. */
const conditionalEnding = /(?:하|되|으|이|라|다)면$/u

export interface EvidenceOptions {
  /** The inlines the text was read from: a word inside inline code is told from one written as a verdict. */
  inlines?: readonly Inline[] | undefined
  /** Whether the step is ticked: then a verdict after a name (`(테스트 통과)`) is its result. */
  ticked?: boolean | undefined
}

/**
 * Recorded results in parentheses: `(커버리지: 84.9% ✓)`, `(96.9% 성공률 ✓)`, `(result: PASS)`, `(통과)`;
 * on a ticked step also `(테스트 통과)`, `(42 tests passed)`. Not a condition, an expectation or an
 * example (`(실패 시 롤백)`, `(expect all to pass)`, `(예: 통과)`), nor what should pass, named on a step
 * not yet done (`(Snyk/Trivy 스캔 통과)`), nor a verdict word in a label (`(통과 기준: p95 < 500ms)`).
 */
export function evidenceOf(text: string, keywords: Keywords, options: EvidenceOptions = {}): Evidence[] {
  const out: Evidence[] = []
  if (!text.includes('(')) return out
  const read = withCodeMasked(text, options.inlines)
  for (const match of read.matchAll(group)) {
    const seen = (match[1] ?? '').trim()
    if (isCondition(seen, keywords)) continue
    const marked = markOf(seen)
    if (marked === undefined && wordsOf(seen).filter(isWord).length > maxWords) continue
    const passed = marked === undefined ? verdictOf(seen, keywords, options.ticked === true) : marked
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

/** The verdict of a group's marks (✓ ✗): undefined without one; null for both kinds (`(primary ✗ → replica ✓)`), which describe, not record. */
function markOf(value: string): boolean | null | undefined {
  const pass = passMarks.some((mark) => value.includes(mark))
  const fail = failMarks.some((mark) => value.includes(mark))
  return pass && fail ? null : pass ? true : fail ? false : undefined
}

/**
 * Pass (true), fail (false) or no verdict (null) of a group without marks, from its words (`통과`,
 * `failed`). With a label, the label alone as a verdict (`(failed: 3 of 120)`) or the first word after its
 * colon (`(result: PASS)`) decides; a verdict word among the label's words names a measure (`(fail rate:
 * 0.1%)`, `(통과 기준: p95 < 500ms)`). Else a verdict first (`(실패)`, `(passed, 12:30)`) or among
 * values alone (`(3/3 passed)`) is one; after a name (`(테스트 통과)`) only on a ticked step, where it
 * records what passed; on a step not yet done it names what should.
 */
function verdictOf(value: string, keywords: Keywords, ticked: boolean): boolean | null {
  const colon = labelColonOf(value)
  if (colon !== -1) {
    // The verdict as the label itself: `(failed: 3 of 120)`.
    const label = wordsOf(value.slice(0, colon))
    if (label.length === 1 && verdictOfWord(label[0]!, keywords) !== null) return verdictOfWord(label[0]!, keywords)
    const [first] = wordsOf(value.slice(colon + 1))
    return first === undefined ? null : verdictOfWord(first, keywords)
  }
  const words = wordsOf(value)
  const verdicts = words.map((word) => verdictOfWord(word, keywords))
  const kinds = new Set(verdicts.filter((verdict) => verdict !== null))
  if (kinds.size !== 1) return null
  const kind = kinds.has(true)
  if (verdicts[0] !== null || ticked) return kind
  return words.every((word, index) => verdicts[index] !== null || isValue(word)) ? kind : null
}

function verdictOfWord(word: string, keywords: Keywords): boolean | null {
  return verdictWordsOf(keywords).get(word.toLowerCase()) ?? null
}

const verdictWords = new WeakMap<Keywords, Map<string, boolean>>()

/** The pass and fail words of a vocabulary, lower-cased, made once: a word in both is a fail. */
function verdictWordsOf(keywords: Keywords): Map<string, boolean> {
  let words = verdictWords.get(keywords)
  if (!words) {
    words = new Map(keywords.evidenceMarks.passed.map((word) => [word.toLowerCase(), true]))
    for (const word of keywords.evidenceMarks.failed) words.set(word.toLowerCase(), false)
    verdictWords.set(keywords, words)
  }
  return words
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

/** A word that is no value: what a group's length counts. */
function isWord(word: string): boolean {
  return !isValue(word)
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
  for (const mark of marks) if (out.includes(mark)) out = out.split(mark).join(' ')
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
