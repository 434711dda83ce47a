import type {Nodes, Root} from 'mdast'
import type {Extension, Transform} from 'mdast-util-from-markdown'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import type {Processor} from 'unified'

/**
 * remark-gfm's transform that turns literal addresses in text (`www.example.com`, `https://…`,
 * `ops@example.com`, `mailto:…`, `xmpp:…`) into links. It walks every text node of the tree once for each
 * of its four patterns: a tenth to a fifth of remark's whole parse of a runbook, most of whose paragraphs
 * hold no address.
 */
const [everywhere] = gfmAutolinkLiteralFromMarkdown().transforms ?? []

/** What each of the transform's patterns needs in a text: `://` or `www.` (any case), `mailto:`, `xmpp:` or `@`. */
const mayHoldAddress = /[:@]|www\./i

/** The nodes the transform leaves alone, with everything in them. */
const ignored = new Set(['link', 'linkReference'])

/**
 * The same transform, run only on the parts of the tree where it can find something: each node holding
 * text, whole (as the transform splits a text into text and links within its parent), where a text in it
 * holds what a pattern needs. It reads a text's own characters only, so the tree is the one the transform
 * makes of the whole (tested against remark-gfm on generated documents).
 */
export function autolinkLiteralsWhereFound(transform: Transform): Transform {
  // Walked with a stack of its own, not by recursion: a tree nested thousands deep (quotes in quotes) is
  // read, not cut short by the call stack.
  return (tree) => {
    const pending: Nodes[] = [tree]
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (ignored.has(node.type) || !('children' in node)) continue
      if (node.children.some((child) => child.type === 'text')) {
        if (holdsAddress(node)) transform(node as Root)
      } else {
        for (let at = node.children.length - 1; at >= 0; at--) pending.push(node.children[at]!)
      }
    }
  }
}

/** Whether a text in `node`, outside links, holds what one of the transform's patterns needs. */
function holdsAddress(node: Nodes): boolean {
  const pending: Nodes[] = [node]
  for (let each = pending.pop(); each; each = pending.pop()) {
    if (each.type === 'text') {
      if (mayHoldAddress.test(each.value)) return true
    } else if (!ignored.has(each.type) && 'children' in each) {
      for (const child of each.children) pending.push(child)
    }
  }
  return false
}

/**
 * The unified plugin: added after remark-gfm, it puts `autolinkLiteralsWhereFound` in the place of the
 * transform remark-gfm brought. Where remark-gfm brought another copy of the transform's package (a
 * version npm could not share), that copy's transform is left as it is.
 */
export function remarkAutolinkLiteralsWhereFound(this: Processor): void {
  const data = this.data()
  if (!everywhere || !data.fromMarkdownExtensions) return
  const scoped = autolinkLiteralsWhereFound(everywhere)
  const replaced = (extension: Extension | Extension[]): Extension | Extension[] =>
    Array.isArray(extension)
      ? extension.map((each) => replaced(each) as Extension)
      : extension.transforms?.includes(everywhere)
        ? {...extension, transforms: extension.transforms.map((transform) => (transform === everywhere ? scoped : transform))}
        : extension
  data.fromMarkdownExtensions = data.fromMarkdownExtensions.map(replaced)
}
