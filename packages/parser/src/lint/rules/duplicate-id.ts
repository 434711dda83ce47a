import {sectionOf} from '../../model/walk.js'
import type {Item, Section} from '../../schema/blocks.js'
import {defineRule} from '../rule.js'

/**
 * Two steps with the same words in one section get ids that differ only by a counter, so their ids
 * (and the run-mode state keyed by them) depend on their order.
 */
export const duplicateId = defineRule('duplicate-id', (_, {report}) => {
  const seen = new Map<Section | undefined, Map<string, Item>>()
  return {
    item(node, ancestors) {
      if (node.text === '') return
      const section = sectionOf(ancestors)
      let texts = seen.get(section)
      if (!texts) seen.set(section, (texts = new Map()))
      const first = texts.get(node.text)
      if (first) {
        report(
          `Step \`${node.text}\` repeats one at line ${first.position?.start.line ?? '?'}: its id \`${node.id}\` depends on their order`,
          node.position
        )
      } else texts.set(node.text, node)
    }
  }
})
