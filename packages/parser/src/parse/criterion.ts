import type {Criterion} from '../schema/blocks.js'

const operators: Record<string, Criterion['op']> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '=<': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '=>': '>=',
  '=': '=',
  '==': '='
}

/**
 * `metric OP number[unit] [(qualifier)]`. The operator follows a space (or is one of ≤ ≥) so that
 * `KEY=1` or `a<b` in code-like text is not read as a target. A number is digits, with thousands
 * separators or a decimal point or comma, read whole: `1e-3` is not one (it is not `1` of unit `e`), nor
 * is the `1` of `1.5e3`.
 */
const pattern =
  /^(?<metric>[^<>=≤≥]*[^\s<>=≤≥])\s*(?:\s(?<op>[<>]=?|=[<>]?|==)(?:\s+|(?=[-+]?\d))|(?<sym>[≤≥])\s*)(?<value>[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|[-+]?\d+(?:[.,]\d+)?)(?![.,]?\d|[eE][-+]?\d)\s*(?<unit>%|[a-zA-Zµ/]+|초|분|시간|일|개|건|회|명|밀리초)?(?:\s*\((?<qualifier>[^)]+)\))?/u

const operator = /[<>=≤≥]/

/** The measurable target an item states, such as `응답 시간 < 500ms (p95)`, or null. */
export function criterionOf(text: string): Criterion | null {
  // Most steps state no target: the pattern only runs where an operator is.
  if (!operator.test(text)) return null
  const match = pattern.exec(text.trim())
  const groups = match?.groups
  if (!match || !groups) return null
  const op = operators[groups.op ?? groups.sym ?? '']
  const metric = groups.metric?.trim()
  // `1,000` groups thousands; `0,5` is a decimal comma.
  const written = groups.value ?? ''
  const value = Number(/^[-+]?\d{1,3}(?:,\d{3})+/.test(written) ? written.replace(/,/g, '') : written.replace(',', '.'))
  // Digits past what a double holds (309 and more) read as Infinity, which is no number in the model.
  if (!op || !metric || !Number.isFinite(value)) return null
  return {
    metric,
    op,
    value,
    unit: groups.unit ?? null,
    qualifier: groups.qualifier?.trim() ?? null,
    text: match[0]
  }
}
