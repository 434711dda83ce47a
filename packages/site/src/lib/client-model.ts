import {positionsInOrder, type Runbook} from '@runsheet/parser'

/**
 * The model as run mode needs it in the browser: positions dropped, except on what sits under a step
 * (its commands, nested steps and blocks), whose order `toMarkdown` takes from them. Half the size. The
 * kept ones are written in one key order, whichever front end read the runbook (see `positionsInOrder`):
 * a model parsed with satteri and one read back from the cache are then the same text. Front matter is
 * the author's data, and stays as it is.
 */
export function clientModel(runbook: Runbook): Runbook {
  return strip(runbook, false) as Runbook
}

function strip(value: unknown, keep: boolean): unknown {
  if (Array.isArray(value)) return value.map((each) => strip(each, keep))
  if (!value || typeof value !== 'object') return value
  const node = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const isItem = node.type === 'item'
  for (const [key, child] of Object.entries(node)) {
    if (key === 'frontmatter') {
      out[key] = child
      continue
    }
    // A position of the model comes back as a new object; anything else as it is.
    const inOrder = positionsInOrder(key, child)
    if (inOrder !== child) {
      if (keep) out[key] = inOrder
      continue
    }
    out[key] = strip(child, isItem && (key === 'commands' || key === 'children' || key === 'items'))
  }
  return out
}
