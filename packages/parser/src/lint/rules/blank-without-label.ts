import {defineRule} from '../rule.js'

/** A blank with nothing saying what goes in it is hard to fill in on paper and impossible to export well. */
export const blankWithoutLabel = defineRule('blank-without-label', (_, {report}) => ({
  blank(node) {
    if (!node.label) {
      report('Blank without a label: write `**Label**: ____` or `Label: ____`', node.position)
    }
  }
}))
