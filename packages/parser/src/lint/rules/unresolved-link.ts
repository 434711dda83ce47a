import {type Anchors, anchorsOf, anchorTargetOf} from '../../model/anchors.js'
import type {Link} from '../../schema/inline.js'
import {defineRule} from '../rule.js'

/**
 * Relative links whose file is missing (checked only when a root folder was given), and `#anchors` that
 * land on nothing: the anchors are those of the runbook's page in the site (`anchorsOf`).
 */
export const unresolvedLink = defineRule('unresolved-link', (runbook, {report}) => {
  const links: Link[] = []
  return {
    link(node) {
      links.push(node)
    },
    // Anchors can point forward, and blanks and choices get their ids during the walk: links are checked
    // after it, against anchors gathered only when some link names one.
    done() {
      let anchors: Anchors | undefined
      for (const link of links) {
        const {target} = link
        if (target.exists === false) {
          report(`Cannot find \`${target.resolved ?? target.path}\` linked as \`${link.href}\``, link.position)
        } else if (target.kind === 'anchor' && target.anchor && anchorTargetOf((anchors ??= anchorsOf(runbook)), target.anchor) === undefined) {
          report(`No section or step has the anchor \`#${target.anchor}\``, link.position)
        }
      }
    }
  }
})
