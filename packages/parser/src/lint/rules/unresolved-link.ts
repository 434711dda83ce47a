import {slug} from 'github-slugger'
import {walk} from '../../model/walk.js'
import type {Rule} from '../lint.js'
import {report} from '../report.js'

/** Relative links whose file is missing (checked only when a root folder was given), and dead `#anchors`. */
export const unresolvedLink: Rule = (runbook, context) => {
  // The title and subtitle headings have GitHub anchors too.
  const anchors = new Set<string>([runbook.title, runbook.subtitle ?? ''].filter(Boolean).map((text) => slug(text)))
  walk(runbook, (node) => {
    if (node.type === 'section') {
      anchors.add(node.id)
      anchors.add(node.anchor)
    } else if (node.type === 'item') anchors.add(node.id)
  })
  walk(runbook, (node) => {
    if (node.type !== 'link') return
    const {target} = node
    if (target.exists === false) {
      report(context, 'unresolved-link', `Cannot find \`${target.resolved ?? target.path}\` linked as \`${node.href}\``, node.position)
    } else if (target.kind === 'anchor' && target.anchor && !anchors.has(target.anchor) && !anchors.has(target.anchor.toLowerCase())) {
      report(context, 'unresolved-link', `No section or step has the anchor \`#${target.anchor}\``, node.position)
    }
  })
}
