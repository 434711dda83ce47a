import type {Rule} from '../lint.js'
import {report} from '../report.js'

/** A blank with nothing saying what goes in it is hard to fill in on paper and impossible to export well. */
export const blankWithoutLabel: Rule = (_, context) => ({
  blank(node) {
    if (!node.label) {
      report(context, 'blank-without-label', 'Blank without a label: write `**Label**: ____` or `Label: ____`', node.position)
    }
  }
})
