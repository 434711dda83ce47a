import type {Position} from '../../schema/position.js'
import {defineRule} from '../rule.js'

/** Task markers written two ways in one runbook (`- [ ]` and `* [ ]`, or `[x]` and `[X]`). */
export const mixedCheckboxStyle = defineRule('mixed-checkbox-style', (_, {source, report}) => {
  const firstOf = new Map<'marker' | 'check', string>()
  const compare = (kind: 'marker' | 'check', value: string, place: Position) => {
    const first = firstOf.get(kind)
    if (first === undefined) firstOf.set(kind, value)
    else if (first !== value && (kind === 'check' || isNumbered(first) === isNumbered(value))) {
      const what = kind === 'check' ? `\`[${value}]\` where the runbook first used \`[${first}]\`` : `\`${value}\` where the runbook first used \`${first}\``
      report(`Checkbox written as ${what}`, place)
    }
  }
  return {
    item(node) {
      if (node.checked === null || !node.position) return
      // Sticky, from the item's start: no copy of the source per step.
      taskMarker.lastIndex = node.position.start.offset
      const match = taskMarker.exec(source)
      if (!match) return
      const marker = match[1]!
      compare('marker', isNumbered(marker) ? `1${marker.slice(-1)}` : marker, node.position)
      if (match[2] !== ' ') compare('check', match[2]!, node.position)
    }
  }
})

const taskMarker = /([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/y

function isNumbered(marker: string): boolean {
  return /\d/.test(marker)
}
