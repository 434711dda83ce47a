import type {List as MdastList, ListItem as MdastListItem} from 'mdast'
import type {Block, Checklist, Item, List, ListItem} from '../schema/blocks.js'
import {type Scope, blocksFromMdast} from './blocks.js'
import {commandFromCode} from './commands.js'
import {type Context, positionOf} from './context.js'
import {criterionOf} from './criterion.js'
import {evidenceOf} from './evidence.js'
import {labelBlanksByPrecedingText} from './fields.js'
import {inlinesFromPhrasing, withPosition} from './inline.js'
import {isOptional} from './optional.js'
import {readableSlug, squash, textOfInlines} from './text.js'

/** A list: a checklist when any entry is a task (`- [ ]`), else a plain list. */
export function blockFromList(node: MdastList, context: Context, scope: Scope): Checklist | List {
  const position = positionOf(node)
  const ordered = node.ordered ?? false
  const start = ordered ? (node.start ?? 1) : null
  const spread = node.spread ?? false
  if (!isChecklist(node)) {
    const items = node.children.map((child) =>
      withPosition<ListItem>(
        {type: 'listItem', spread: child.spread ?? false, children: blocksFromMdast(child.children, context, scope)},
        positionOf(child)
      )
    )
    return withPosition<List>({type: 'list', ordered, start, spread, items}, position)
  }
  const items = node.children.map((child, index) => itemFrom(child, start === null ? null : start + index, context, scope))
  return withPosition<Checklist>({type: 'checklist', ordered, start, spread, items}, position)
}

export function isChecklist(node: MdastList): boolean {
  return node.children.some((child) => typeof child.checked === 'boolean')
}

function itemFrom(node: MdastListItem, number: number | null, context: Context, scope: Scope): Item {
  const [first, ...rest] = node.children
  const leads = first?.type === 'paragraph'
  const content = leads ? inlinesFromPhrasing(first.children, context) : []
  labelBlanksByPrecedingText(content)
  const text = squash(textOfInlines(content))

  const base = `${scope.sectionId ? `${scope.sectionId}--` : ''}${readableSlug(text, 'item', 48)}`
  const [id] = context.ids.claim(base)

  const item: Item = {
    type: 'item',
    id,
    checked: node.checked ?? null,
    number,
    content,
    text,
    optional: isOptional(text, context.keywords),
    criterion: criterionOf(text),
    evidence: evidenceOf(text, context.keywords),
    commands: [],
    items: [],
    children: []
  }

  for (const child of leads ? rest : node.children) {
    if (child.type === 'code') item.commands.push(commandFromCode(child))
    else if (child.type === 'list' && isChecklist(child)) {
      const nested = blockFromList(child, context, scope) as Checklist
      item.items.push(...nested.items)
    } else item.children.push(...(blocksFromMdast([child], context, scope) as Block[]))
  }
  return withPosition(item, positionOf(node))
}
