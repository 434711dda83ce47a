import type {Rule} from '../lint.js'
import {report} from '../report.js'

export const emptySection: Rule = (_, context) => ({
  section(node) {
    if (node.children.length === 0) {
      report(context, 'empty-section', `Empty section \`${node.titleText}\`: a heading with nothing under it`, node.position)
    }
  }
})
