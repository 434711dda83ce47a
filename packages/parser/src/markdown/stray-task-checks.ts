import type {ListItem, Nodes, Parents} from 'mdast'
import type {CompileContext, Extension, Token} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'

/**
 * A task box that micromark reads where no list item holds it, or not at the start of an item. After an
 * empty list item (`* *`, then `[ ] a` on the next line) micromark-extension-gfm-task-list-item still
 * takes the paragraph for the first content of an item: mdast-util-gfm-task-list-item then sets
 * `checked` on the parent, whatever it is, and drops the `[ ]` from the text (its development build,
 * which Vite and Vitest load, throws instead). This keeps the box as the text it is, where there is no
 * item to tick.
 */
export const strayTaskCheckFromMarkdown: Extension = {
  exit: {
    taskListCheckValueChecked: exitCheck,
    taskListCheckValueUnchecked: exitCheck
  }
}

function exitCheck(this: CompileContext, token: Token): undefined {
  const parent = this.stack[this.stack.length - 2] as Nodes | undefined
  const paragraph = this.stack[this.stack.length - 1] as Parents
  // GFM: a box ticks an item only at the start of the item's first block (`- *` then `  [ ] a` is no task).
  if (parent?.type === 'listItem' && parent.children[0] === paragraph) {
    // The token types are micromark-extension-gfm-task-list-item's, which this package does not import.
    ;(parent as ListItem).checked = (token.type as string) === 'taskListCheckValueChecked'
    return
  }
  // The value sits between its two one-character markers: the box is `[`, the value and `]`.
  const start = {line: token.start.line, column: token.start.column - 1, offset: token.start.offset - 1}
  const end = {line: token.end.line, column: token.end.column + 1, offset: token.end.offset + 1}
  // A text node: the text after the box is read into it, as if there had been no box.
  ;(paragraph.children as Nodes[]).push({type: 'text', value: `[${this.sliceSerialize(token)}]`, position: {start, end}})
}

/** The unified plugin: added after remark-gfm, its handlers take the place of those remark-gfm set. */
export function remarkStrayTaskChecks(this: Processor): void {
  const data = this.data()
  ;(data.fromMarkdownExtensions ??= []).push(strayTaskCheckFromMarkdown)
}
