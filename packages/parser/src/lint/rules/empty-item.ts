import type {Rule} from '../lint.js'
import {report} from '../report.js'

export const emptyItem: Rule = (_, context) => ({
  item(node) {
    if (node.checked === null) return
    if (node.text === '' && node.commands.length === 0 && node.items.length === 0 && node.children.length === 0) {
      report(context, 'empty-item', 'Empty step: a checkbox with nothing to do', node.position)
    }
  }
})
