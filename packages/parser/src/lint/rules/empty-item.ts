import {defineRule} from '../rule.js'

export const emptyItem = defineRule('empty-item', (_, {report}) => ({
  item(node) {
    if (node.checked === null) return
    if (node.text === '' && node.commands.length === 0 && node.items.length === 0 && node.children.length === 0) {
      report('Empty step: a checkbox with nothing to do', node.position)
    }
  }
}))
