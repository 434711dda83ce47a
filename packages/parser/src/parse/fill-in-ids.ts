import type {ModelNode, Visitor} from '../model/walk.js'
import type {Choice} from '../schema/blocks.js'
import type {Blank} from '../schema/inline.js'
import type {Runbook} from '../schema/runbook.js'
import type {Context} from './context.js'
import {readableSlug} from './slugs.js'

/**
 * Gives every blank and choice an id from the step or section it belongs to and its label, so a filled
 * value survives edits elsewhere in the runbook, like a tick does. A visitor: it runs in the lint walk,
 * before the rules.
 */
export function fillInIdAssigner(runbook: Runbook, context: Context): Visitor {
  // The title and subtitle headings are the header too: their blanks are the header's, as the fields' are.
  const metaIds = new Set<ModelNode>([...runbook.meta, ...(runbook.titleContent ?? []), ...(runbook.subtitleContent ?? [])])
  const footer = new Set<ModelNode>(runbook.footer)
  // Labels repeat (every `날짜` of a sign-off sheet): slug each text once.
  const slugs = new Map<string, string>()
  const slugOf = (text: string) => {
    let slug = slugs.get(text)
    if (slug === undefined) {
      slug = readableSlug(text, '', 40)
      slugs.set(text, slug)
    }
    return slug
  }
  const assign = (node: Blank | Choice, ancestors: readonly ModelNode[]) => {
    // In a sign-off line the first label names the line: `승인자 … 날짜` is not `배포자 … 날짜`.
    const line = signatureLabelOf(ancestors)
    const label = slugOf(node.label ?? node.type) || node.type
    const lineSlug = line ? slugOf(line) : ''
    const scoped = line && lineSlug !== label ? `${lineSlug || 'line'}-${label}` : label
    node.id = context.ids.claim(scoped, ownerOf([...ancestors, node], metaIds, footer))
  }
  return {blank: assign, choice: assign}
}

function signatureLabelOf(ancestors: readonly ModelNode[]): string | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index]!
    if (node.type === 'signature') return node.fields[0]?.label
  }
  return undefined
}

/** Whose fill-in it is, by the nearest of `path` (its ancestors and itself) that owns one. */
function ownerOf(path: readonly ModelNode[], meta: Set<ModelNode>, footer: Set<ModelNode>): string {
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index]!
    if (node.type === 'item' || node.type === 'section') return node.id
    if (meta.has(node)) return 'header'
    if (footer.has(node)) return 'footer'
  }
  return 'runbook'
}
