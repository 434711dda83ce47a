import type {Section} from '../schema/blocks.js'
import type {Runbook} from '../schema/runbook.js'
import {type ModelNode, walk} from './walk.js'

export interface Counts {
  /** Task items (plain entries of mixed lists are not tasks). */
  total: number
  checked: number
  blanks: number
  filled: number
  commands: number
}

export interface SectionStats extends Counts {
  id: string
  title: string
  kind: Section['kind']
  depth: number
}

export interface RunbookStats extends Counts {
  /** Every section in document order; counts include its subsections. */
  sections: SectionStats[]
}

/** Items total and checked, blanks and commands: for the runbook and per section. */
export function stats(runbook: Runbook): RunbookStats {
  const sections: SectionStats[] = []
  const all = countsOf(runbook)
  walk(runbook, (node) => {
    if (node.type !== 'section') return
    sections.push({id: node.id, title: node.titleText, kind: node.kind, depth: node.depth, ...countsOf(node)})
  })
  return {...all, sections}
}

function countsOf(root: ModelNode): Counts {
  const counts: Counts = {total: 0, checked: 0, blanks: 0, filled: 0, commands: 0}
  walk(root, (node) => {
    if (node.type === 'item' && node.checked !== null) {
      counts.total++
      if (node.checked) counts.checked++
    } else if (node.type === 'blank') {
      counts.blanks++
      if (node.value !== undefined) counts.filled++
    } else if (node.type === 'command') counts.commands++
  })
  return counts
}
