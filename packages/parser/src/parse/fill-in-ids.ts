import {walk, type ModelNode} from '../model/walk.js'
import type {Runbook} from '../schema/runbook.js'
import type {Context} from './context.js'
import {readableSlug} from './text.js'

/**
 * Gives every blank and choice an id from the step or section it belongs to and its label, so a filled
 * value survives edits elsewhere in the runbook, like a tick does.
 */
export function assignFillInIds(runbook: Runbook, context: Context): void {
  const metaIds = new Set(runbook.meta)
  const footer = new Set<ModelNode>(runbook.footer)
  walk(runbook, (node, ancestors) => {
    if (node.type !== 'blank' && node.type !== 'choice') return
    // In a sign-off line the first label names the line: `승인자 … 날짜` is not `배포자 … 날짜`.
    const line = signatureLabelOf(ancestors)
    const label = readableSlug(node.label ?? node.type, node.type, 40)
    const scoped = line && readableSlug(line, '', 40) !== label ? `${readableSlug(line, 'line', 40)}-${label}` : label
    const base = `${ownerOf(ancestors, metaIds, footer)}--${scoped}`
    node.id = context.ids.claim(base)[0]
  })
}

function signatureLabelOf(ancestors: readonly ModelNode[]): string | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index]!
    if (node.type === 'signature') return node.fields[0]?.label
  }
  return undefined
}

function ownerOf(ancestors: readonly ModelNode[], meta: Set<ModelNode>, footer: Set<ModelNode>): string {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index]!
    if (node.type === 'item' || node.type === 'section') return node.id
    if (meta.has(node)) return 'header'
    if (footer.has(node)) return 'footer'
  }
  return 'runbook'
}
