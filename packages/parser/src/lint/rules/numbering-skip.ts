import type {Block} from '../../schema/blocks.js'
import {walk} from '../../model/walk.js'
import type {Rule} from '../lint.js'
import {report} from '../report.js'

/** `1단계`, `2단계`, `4단계` among sibling sections, or `1.`, `2.`, `4.` in a list: a step went missing. */
export const numberingSkip: Rule = (runbook, context) => {
  walk(runbook, (node) => {
    if (node.type === 'runbook' || node.type === 'section') checkSections(node.children, context)
    if (node.type === 'checklist' && node.ordered) {
      let previous: number | null = null
      for (const item of node.items) {
        if (item.number !== null && previous !== null && item.number !== previous + 1 && item.number !== previous) {
          report(context, 'numbering-skip', `Step ${item.number} follows step ${previous}`, item.position)
        }
        previous = item.number ?? previous
      }
    }
  })
}

function checkSections(children: readonly Block[], context: Parameters<Rule>[1]): void {
  let previous: number | null = null
  for (const child of children) {
    if (child.type !== 'section' || child.ordinal === null) continue
    if (previous !== null && child.ordinal !== previous + 1) {
      report(context, 'numbering-skip', `\`${child.titleText}\` (${child.ordinal}) follows ${previous}`, child.position)
    }
    previous = child.ordinal
  }
}
