import {defineRule} from '../rule.js'

export const emptySection = defineRule('empty-section', (_, {report}) => ({
  section(node) {
    if (node.children.length === 0) {
      report(`Empty section \`${node.titleText}\`: a heading with nothing under it`, node.position)
    }
  }
}))
