import type {Criterion} from '@runsheet/parser'

/** What sits under a step, in written order: the parser's `partsOf`, shared with `toMarkdown`. */
export {partsOf, type ItemPart} from '@runsheet/parser'

const operators: Record<Criterion['op'], string> = {'<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '='}

/** A criterion as a target: `< 500ms (p95)`, the metric being the step's own text. */
export function targetOf(criterion: Criterion): string {
  const qualifier = criterion.qualifier ? ` (${criterion.qualifier})` : ''
  return `${operators[criterion.op]} ${criterion.value}${criterion.unit ?? ''}${qualifier}`
}
