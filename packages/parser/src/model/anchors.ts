import {AnchorSlugger} from '../parse/slugs.js'
import type {Runbook} from '../schema/runbook.js'
import {walk} from './walk.js'

/** The anchors of a runbook's page: each `#fragment` that lands somewhere, mapped to the id of the element it lands on. */
export type Anchors = ReadonlyMap<string, string>

/** The element ids of a runbook's title and subtitle on its page: their GitHub heading anchors. */
export interface HeaderAnchors {
  title?: string
  subtitle?: string
}

/**
 * The anchors of a runbook: what `#fragment` may name on its page. The page gives every section, step,
 * blank and choice its model id as element id, a section's heading its GitHub anchor (`-롤백-절차`), and
 * the title and subtitle their GitHub anchors ({@link headerAnchorsOf}), so those are the anchors; a
 * section's GitHub anchor lands on its section. Each anchor is also there in lower case (GitHub anchors
 * are); when two elements claim one, the first in document order keeps it. The `unresolved-link` rule and
 * the site both read this.
 */
export function anchorsOf(runbook: Runbook): Anchors {
  const anchors = new Map<string, string>()
  const add = (anchor: string | undefined, id: string | undefined) => {
    if (anchor && id && !anchors.has(anchor)) anchors.set(anchor, id)
  }
  const header = headerAnchorsOf(runbook)
  add(header.title, header.title)
  add(header.subtitle, header.subtitle)
  walk(runbook, (node) => {
    if (node.type === 'section') {
      add(node.id, node.id)
      add(node.anchor, node.id)
    } else if (node.type === 'item' || node.type === 'blank' || node.type === 'choice') add(node.id, node.id)
  })
  for (const [anchor, id] of [...anchors]) add(anchor.toLowerCase(), id)
  return anchors
}

/**
 * The GitHub anchors of the title and subtitle (`# 배포` → `배포`), which the page gives them as element ids
 * so that a link to the top of a document lands as it does on GitHub. One that a model id already names is
 * left out: that element has it, and an id is given once.
 */
export function headerAnchorsOf(runbook: Runbook): HeaderAnchors {
  const slugger = new AnchorSlugger()
  const ids = new Set<string>()
  walk(runbook, (node) => {
    if ('id' in node && typeof node.id === 'string') ids.add(node.id)
  })
  const free = (text: string | null) => {
    if (!text) return undefined
    const anchor = slugger.slug(text)
    return anchor === '' || ids.has(anchor) ? undefined : anchor
  }
  const header: HeaderAnchors = {}
  const title = free(runbook.title)
  const subtitle = free(runbook.subtitle)
  if (title) header.title = title
  if (subtitle) header.subtitle = subtitle
  return header
}

/** The id of the element `#fragment` lands on: the anchor as written, else in lower case; `undefined` when none. */
export function anchorTargetOf(anchors: Anchors, fragment: string): string | undefined {
  return anchors.get(fragment) ?? anchors.get(fragment.toLowerCase())
}
