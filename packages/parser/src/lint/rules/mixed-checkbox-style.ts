import type {Rule} from '../lint.js'
import {report} from '../report.js'

/** Task markers written two ways in one runbook (`- [ ]` and `* [ ]`, or `[x]` and `[X]`). */
export const mixedCheckboxStyle: Rule = (_, context) => {
  const firstOf = new Map<string, string>()
  return {
    item(node) {
      if (node.checked === null || !node.position) return
      const start = node.position.start.offset
      const match = /^([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/.exec(context.source.slice(start, start + 24))
      if (!match) return
      const styles = {
        marker: /\d/.test(match[1]!) ? `1${match[1]!.slice(-1)}` : match[1]!,
        check: match[2] === ' ' ? undefined : match[2]!
      }
      for (const [kind, value] of Object.entries(styles)) {
        if (value === undefined) continue
        const first = firstOf.get(kind)
        if (first === undefined) firstOf.set(kind, value)
        else if (first !== value && (kind === 'check' || /\d/.test(first) === /\d/.test(value))) {
          const what = kind === 'check' ? `\`[${value}]\` where the runbook first used \`[${first}]\`` : `\`${value}\` where the runbook first used \`${first}\``
          report(context, 'mixed-checkbox-style', `Checkbox written as ${what}`, node.position)
        }
      }
    }
  }
}
