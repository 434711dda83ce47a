import {slug} from 'github-slugger'
import type {Link} from '../../schema/inline.js'
import {defineRule} from '../rule.js'

/** Relative links whose file is missing (checked only when a root folder was given), and dead `#anchors`. */
export const unresolvedLink = defineRule('unresolved-link', (runbook, {report}) => {
  // The title and subtitle headings have GitHub anchors too.
  const anchors = new Set<string>([runbook.title, runbook.subtitle ?? ''].filter(Boolean).map((text) => slug(text)))
  const links: Link[] = []
  return {
    section(node) {
      anchors.add(node.id)
      anchors.add(node.anchor)
    },
    item(node) {
      anchors.add(node.id)
    },
    link(node) {
      links.push(node)
    },
    // Anchors can point forward: links are checked once every anchor is known.
    done() {
      for (const link of links) {
        const {target} = link
        if (target.exists === false) {
          report(`Cannot find \`${target.resolved ?? target.path}\` linked as \`${link.href}\``, link.position)
        } else if (target.kind === 'anchor' && target.anchor && !anchors.has(target.anchor) && !anchors.has(target.anchor.toLowerCase())) {
          report(`No section or step has the anchor \`#${target.anchor}\``, link.position)
        }
      }
    }
  }
})
