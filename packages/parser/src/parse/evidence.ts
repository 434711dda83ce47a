import type {Evidence} from '../schema/blocks.js'
import type {Keywords} from '../keywords/types.js'

const passMarks = ['✓', '✔', '✅', '☑']
const failMarks = ['✗', '✘', '❌', '❎']
const group = /\(([^()]*)\)/g

/** Recorded results in parentheses: `(커버리지: 84.9% ✓)`, `(96.9% 성공률 ✓)`, `(result: PASS)`. */
export function evidenceOf(text: string, keywords: Keywords): Evidence[] {
  const out: Evidence[] = []
  if (!text.includes('(')) return out
  for (const match of text.matchAll(group)) {
    const inner = (match[1] ?? '').trim()
    const passed = verdictOf(inner, keywords)
    const hasNumber = /\d/.test(inner)
    if (passed === null && !(hasNumber && /[:：]/.test(inner))) continue
    const body = stripMarks(inner, keywords)
    const labelled = /^(?<label>[^:：]+)[:：]\s*(?<value>.+)$/u.exec(body)
    let label: string | null = labelled?.groups?.label?.trim() ?? null
    let value: string | null = labelled?.groups?.value?.trim() ?? null
    if (!labelled) {
      // `96.9% 성공률`: a number with its unit, and words naming it.
      const number = /[-+]?\d+(?:[.,]\d+)?\s*%?[a-zA-Z]*/.exec(body)
      value = number ? number[0].trim() : null
      const rest = number ? (body.slice(0, number.index) + body.slice(number.index + number[0].length)).trim() : body
      label = rest || null
    }
    out.push({label, value: value || null, passed, text: match[0]})
  }
  return out
}

function verdictOf(value: string, keywords: Keywords): boolean | null {
  const lower = value.toLowerCase()
  if (passMarks.some((mark) => value.includes(mark))) return true
  if (failMarks.some((mark) => value.includes(mark))) return false
  const words = lower.split(/[\s:：,]+/)
  if (keywords.evidenceMarks.failed.some((word) => words.includes(word.toLowerCase()))) return false
  if (keywords.evidenceMarks.passed.some((word) => words.includes(word.toLowerCase()))) return true
  return null
}

function stripMarks(value: string, keywords: Keywords): string {
  let out = value
  for (const mark of [...passMarks, ...failMarks]) out = out.split(mark).join(' ')
  out = out.replace(markWordsOf(keywords), ' ')
  return out.replace(/\s+/g, ' ').replace(/[\s,:：-]+$/, '').trim()
}

const markWords = new WeakMap<Keywords, RegExp>()

/** The pass and fail words of a vocabulary, standing alone, in one pattern made once. */
function markWordsOf(keywords: Keywords): RegExp {
  let pattern = markWords.get(keywords)
  if (!pattern) {
    const words = [...keywords.evidenceMarks.passed, ...keywords.evidenceMarks.failed].map(escape).join('|')
    pattern = new RegExp(`(^|\\s)(?:${words || '(?!)'})(?=\\s|$)`, 'giu')
    markWords.set(keywords, pattern)
  }
  return pattern
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
