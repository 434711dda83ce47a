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
      const task = taskMarkerAt(source, node.position.start.offset)
      if (!task) return
      const [marker, check] = task
      compare('marker', isNumbered(marker) ? `1${marker.slice(-1)}` : marker, node.position)
      if (check !== ' ') compare('check', check, node.position)
    }
  }
})

/**
 * The list marker and the box of a task written at `offset` (`- [x]` → `-` and `x`), read as
 * `/([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/y` reads them, a character at a time: a pattern run at each step's
 * place in a long runbook made this the costliest rule.
 */
export function taskMarkerAt(source: string, offset: number): [marker: string, check: string] | undefined {
  let at = offset
  const first = source.charCodeAt(at)
  if (first === 0x2d || first === 0x2a || first === 0x2b) at++
  else {
    while (at - offset < 9 && isDigitCode(source.charCodeAt(at))) at++
    const delimiter = source.charCodeAt(at)
    if (at === offset || (delimiter !== 0x2e && delimiter !== 0x29)) return undefined
    at++
  }
  const markerEnd = at
  while (source.charCodeAt(at) === 0x20 || source.charCodeAt(at) === 0x09) at++
  if (at === markerEnd || source.charCodeAt(at) !== 0x5b || source.charCodeAt(at + 2) !== 0x5d) return undefined
  const check = source.charAt(at + 1)
  return check === ' ' || check === 'x' || check === 'X' ? [source.slice(offset, markerEnd), check] : undefined
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** A marker is `-`, `*`, `+` or digits and a delimiter. */
function isNumbered(marker: string): boolean {
  return isDigitCode(marker.charCodeAt(0))
}
