import type {List as MdastList, ListItem as MdastListItem} from 'mdast'
import type {Checklist, Item, List, ListItem} from '../schema/blocks.js'
import type {BlockState, Flow, Scope} from './block-state.js'
import {commandFromCode} from './commands.js'
import {positionOf} from './context.js'
import {criterionOf} from './criterion.js'
import {evidenceOf} from './evidence.js'
import {labelBlanksByPrecedingText} from './fields.js'
import {inlinesFromPhrasing, withPosition} from './inline.js'
import {isOptional} from './optional.js'
import {readableSlug} from './slugs.js'
import {squash, textOfInlines} from './text.js'

/** A list: a checklist when any entry is a task (`- [ ]`), else a plain list. */
export function blockFromList(node: MdastList, state: BlockState, scope: Scope): Checklist | List {
  const position = positionOf(node)
  const ordered = node.ordered ?? false
  const start = ordered ? (node.start ?? 1) : null
  const spread = node.spread ?? false
  if (!isChecklist(node)) {
    const items = node.children.map((child) =>
      withPosition<ListItem>(
        {type: 'listItem', spread: child.spread ?? false, children: state.all(child.children, scope)},
        positionOf(child)
      )
    )
    return withPosition<List>({type: 'list', ordered, start, spread, items}, position)
  }
  const items = node.children.map((child, index) => itemFrom(child, start === null ? null : start + index, state, scope))
  return withPosition<Checklist>({type: 'checklist', ordered, start, spread, items}, position)
}

export function isChecklist(node: MdastList): boolean {
  return node.children.some((child) => taskStateOf(child) !== null)
}

/**
 * Whether an entry is a task, and ticked. GFM needs text after the box, so a bare `- [ ]` (an empty
 * step) reaches mdast as a plain entry reading `[ ]`: it is a task all the same.
 */
function taskStateOf(node: MdastListItem, box = bareBox(node)): boolean | null {
  if (typeof node.checked === 'boolean') return node.checked
  return box ?? null
}

function bareBox(node: MdastListItem): boolean | undefined {
  const first = node.children[0]
  if (first?.type !== 'paragraph' || first.children.length !== 1) return undefined
  const only = first.children[0]
  // Most entries are no box: asked without a trimmed copy of each one's text.
  if (only?.type !== 'text' || !only.value.includes(']')) return undefined
  const match = bareBoxPattern.exec(only.value)
  return match ? match[1] !== ' ' : undefined
}

/** `[ ]`, `[x]` or `[X]` alone, with whitespace around it (`\s` is what `trim` removes). */
const bareBoxPattern = /^\s*\[([ xX])\]\s*$/

function itemFrom(node: MdastListItem, number: number | null, state: BlockState, scope: Scope): Item {
  const {context} = state
  const box = bareBox(node)
  const first = node.children[0]
  const leads = first?.type === 'paragraph' && box === undefined
  const content = leads ? inlinesFromPhrasing(first.children, context) : []
  labelBlanksByPrecedingText(content)
  const text = squash(textOfInlines(content))

  const id = context.ids.claim(readableSlug(text, 'item', 48), scope.sectionId ?? '')

  const checked = taskStateOf(node, box)
  const item: Item = {
    type: 'item',
    id,
    checked,
    number,
    content,
    text,
    optional: isOptional(text, context.keywords),
    criterion: criterionOf(text),
    evidence: evidenceOf(text, context.keywords, {inlines: content, ticked: checked === true}),
    commands: [],
    items: [],
    children: []
  }

  // Code is the step's commands, task lists under it its steps; any other block is read as it is.
  const children: readonly Flow[] = node.children
  for (let index = leads || box !== undefined ? 1 : 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'code') item.commands.push(commandFromCode(child))
    else if (child.type === 'list' && isChecklist(child)) {
      for (const each of (blockFromList(child, state, scope) as Checklist).items) item.items.push(each)
    } else item.children.push(...state.all([child], scope))
  }
  return withPosition(item, positionOf(node))
}
