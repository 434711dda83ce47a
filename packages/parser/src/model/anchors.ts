import type {Runbook} from '../schema/runbook.js'
import {walk} from './walk.js'

/** The anchors of a runbook's page: each `#fragment` that lands somewhere, mapped to the id of the element it lands on. */
export type Anchors = ReadonlyMap<string, string>

/**
 * The anchors of a runbook: what `#fragment` may name on its page. The page gives every section, step,
 * blank and choice its model id as element id, and a section's heading its GitHub anchor (`-롤백-절차`),
 * so those are the anchors; a GitHub anchor lands on its section. The title and subtitle are not: the page
 * gives them no id. Each anchor is also there in lower case (GitHub anchors are); when two elements claim
 * one, the first in document order keeps it. The `unresolved-link` rule and the site both read this.
 */
export function anchorsOf(runbook: Runbook): Anchors {
  const anchors = new Map<string, string>()
  const add = (anchor: string, id: string) => {
    if (anchor !== '' && !anchors.has(anchor)) anchors.set(anchor, id)
  }
  walk(runbook, (node) => {
    if (node.type === 'section') {
      add(node.id, node.id)
      add(node.anchor, node.id)
    } else if (node.type === 'item' || node.type === 'blank' || node.type === 'choice') add(node.id, node.id)
  })
  for (const [anchor, id] of [...anchors]) add(anchor.toLowerCase(), id)
  return anchors
}

/** The id of the element `#fragment` lands on: the anchor as written, else in lower case; `undefined` when none. */
export function anchorTargetOf(anchors: Anchors, fragment: string): string | undefined {
  return anchors.get(fragment) ?? anchors.get(fragment.toLowerCase())
}
