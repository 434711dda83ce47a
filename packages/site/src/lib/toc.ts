import type {Block, Runbook, Section} from '@runsheet/parser'

export interface TocNode {
  section: Section
  children: TocNode[]
}

/** The runbook's sections as a tree, down to `depth` levels below the title. */
export function sectionTree(runbook: Runbook, depth = 3): TocNode[] {
  const build = (blocks: readonly Block[], level: number): TocNode[] =>
    blocks.flatMap((block) =>
      block.type === 'section'
        ? [{section: block, children: level < depth ? build(block.children, level + 1) : []}]
        : []
    )
  return build(runbook.children, 1)
}
