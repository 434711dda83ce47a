import type {
  BlockContent,
  DefinitionContent,
  List as MdastList,
  ListItem as MdastListItem,
  Paragraph as MdastParagraph,
  PhrasingContent,
  Root,
  RootContent,
  TableRow as MdastTableRow
} from 'mdast'
import {stringify as stringifyYaml} from 'yaml'
import {partsOf} from '../model/item-parts.js'
import {githubSlug} from '../parse/slugs.js'
import {textOfInlines} from '../parse/text.js'
import type {Block, Callout, Choice, Field, Item, Section, TableRow} from '../schema/blocks.js'
import type {Blank, Inline} from '../schema/inline.js'
import type {Runbook} from '../schema/runbook.js'

/** Written exactly as given: syntax that mdast has no node for (blanks, choice boxes, alert markers). */
export interface Raw {
  type: 'runsheetRaw'
  value: string
}

/**
 * A `www.` literal link, written as its text: as a link, its URL (`http://` added) would show. GFM ends
 * it at the first space or `<`, so a hard break after it is written with spaces, not a backslash.
 */
export interface WwwLiteral {
  type: 'runsheetWwwLiteral'
  value: string
}

type Flow = RootContent | Raw
type Phrasing = PhrasingContent | Raw | WwwLiteral

/**
 * The mdast tree that writes a runbook back as markdown. `frontmatterYaml` is its front matter as written,
 * written instead of the data when given.
 */
export function mdastFromRunbook(runbook: Runbook, toFlow: (blocks: readonly Block[]) => string = () => '', frontmatterYaml?: string): Root {
  const children: Flow[] = []
  if (runbook.frontmatter) {
    const empty = Object.keys(runbook.frontmatter).length === 0
    const value = frontmatterYaml ?? (empty ? '' : stringifyYaml(runbook.frontmatter).trimEnd())
    children.push({type: 'yaml', value} as RootContent)
  }
  // The headings the title and subtitle were read from, as written: a title taken from the front matter,
  // the first section or the file's name has none, and writing one would add a heading to the text.
  if (runbook.titleContent) children.push({type: 'heading', depth: 1, children: phrasingOf(runbook.titleContent)})
  if (runbook.subtitleContent) children.push({type: 'heading', depth: 2, children: phrasingOf(runbook.subtitleContent)})
  if (runbook.meta.length > 0) {
    children.push({type: 'paragraph', children: fieldsPhrasing(runbook.meta, {type: 'break'})})
  }
  children.push(...runbook.children.flatMap((block) => flowOf(block, toFlow)))
  if (runbook.footer.length > 0) {
    if (!endsWithBreak(runbook.children)) children.push({type: 'thematicBreak'})
    children.push(...runbook.footer.flatMap((block) => flowOf(block, toFlow)))
  }
  return rootOf(children)
}

/** The mdast tree that writes blocks as markdown (an admonition's body, say), as they would stand in a runbook. */
export function mdastFromBlocks(blocks: readonly Block[], toFlow: (blocks: readonly Block[]) => string = () => ''): Root {
  return rootOf(blocks.flatMap((block) => flowOf(block, toFlow)))
}

function rootOf(children: Flow[]): Root {
  // `---` on the first line opens front matter: a leading rule is written with stars instead.
  if (children[0]?.type === 'thematicBreak') children[0] = {type: 'runsheetRaw', value: '***'}
  return {type: 'root', children: children as RootContent[]}
}

function endsWithBreak(blocks: readonly Block[]): boolean {
  const last = blocks[blocks.length - 1]
  if (!last) return false
  if (last.type === 'thematicBreak') return true
  return last.type === 'section' && endsWithBreak(last.children)
}

function flowOf(block: Block, toFlow: (blocks: readonly Block[]) => string): Flow[] {
  switch (block.type) {
    case 'section': {
      const title = phrasingOf(block.title)
      const icon = block.icon && title.length > 0 && spaceAfterIcon(block) ? `${block.icon} ` : block.icon
      const heading: Flow = {
        type: 'heading',
        depth: block.depth as 1,
        children: (icon ? [{type: 'text', value: icon}, ...title] : title) as PhrasingContent[]
      }
      return [heading, ...block.children.flatMap((child) => flowOf(child, toFlow))]
    }
    case 'checklist':
      return [listOf(block.ordered, block.start, block.spread, block.items.map((item) => listItemOf(item, toFlow)))]
    case 'list':
      return [
        listOf(
          block.ordered,
          block.start,
          block.spread,
          block.items.map((item) => {
            const children = withLeadingBoxEscaped(item.children.flatMap((child) => flowOf(child, toFlow)))
            return {type: 'listItem', spread: item.spread, children: (item.spread ? children : withStarredRules(linesOfOneParagraph(children))) as BlockContent[]}
          })
        )
      ]
    case 'command':
      return [{type: 'code', lang: block.lang, meta: block.meta, value: block.code}]
    case 'table':
      return [
        {
          type: 'table',
          align: block.align,
          children: [rowOf(block.header), ...block.rows.map(rowOf)]
        }
      ]
    case 'field':
      return [{type: 'paragraph', children: fieldPhrasing(block) as PhrasingContent[]}]
    case 'choice':
      return [{type: 'paragraph', children: choicePhrasing(block) as PhrasingContent[]}]
    case 'signature':
      return [{type: 'paragraph', children: fieldsPhrasing(block.fields, {type: 'text', value: ' '})}]
    case 'callout':
      return [calloutOf(block, toFlow)]
    case 'blockquote':
      return [{type: 'blockquote', children: block.children.flatMap((child) => flowOf(child, toFlow)) as BlockContent[]}]
    case 'paragraph':
      return [{type: 'paragraph', children: phrasingOf(block.children)}]
    case 'html':
      return [{type: 'html', value: block.value}]
    case 'definition':
      return [{type: 'definition', identifier: block.identifier, label: block.label, url: block.url, title: block.title}]
    case 'thematicBreak':
      return [{type: 'thematicBreak'}]
    case 'footnoteDefinition':
      return [
        {
          type: 'footnoteDefinition',
          identifier: block.identifier,
          label: block.label,
          children: block.children.flatMap((child) => flowOf(child, toFlow)) as (BlockContent | DefinitionContent)[]
        }
      ]
  }
}

/**
 * Whether a space stood between a heading's icon and its title. The parser takes it off with the icon;
 * only the anchor still has it, as GitHub's slug of the heading writes a space as `-`. Without a match
 * either way (a title with HTML, whose text the slug read too), a space, as most headings have.
 */
function spaceAfterIcon(section: Section): boolean {
  const title = textOfInlines(section.title)
  const isAnchorOf = (text: string) => {
    const slug = githubSlug(text)
    return section.anchor === slug || (section.anchor.startsWith(`${slug}-`) && /^\d+$/.test(section.anchor.slice(slug.length + 1)))
  }
  return !(isAnchorOf(`${section.icon}${title}`) && !isAnchorOf(`${section.icon} ${title}`))
}

/**
 * Paragraphs next to each other in a tight entry as the lines of one paragraph. The parser splits one
 * paragraph into a paragraph and fields, choices or sign-offs line by line; written apart, with the blank
 * line two paragraphs need, they would make the entry and its list loose.
 */
function linesOfOneParagraph(flows: Flow[]): Flow[] {
  const out: Flow[] = []
  for (const flow of flows) {
    const last = out[out.length - 1]
    if (flow.type === 'paragraph' && last?.type === 'paragraph') {
      out[out.length - 1] = {...last, children: [...last.children, {type: 'text', value: '\n'}, ...flow.children]}
    } else out.push(flow)
  }
  return out
}

/**
 * A rule right under a paragraph of a tight entry, written `***`: mdast-util-to-markdown would put a
 * blank line before `---` (which would make the paragraph a heading), and that makes the entry loose.
 */
function withStarredRules(flows: Flow[]): Flow[] {
  return flows.map((flow, index) => (flow.type === 'thematicBreak' && flows[index - 1]?.type === 'paragraph' ? {type: 'runsheetRaw', value: '***'} : flow))
}

/**
 * A choice's box at the start of a plain list entry, escaped (`- \\[x] Docs`): GFM reads `- [x] Docs` as a
 * task, and the entry would come back as a checklist item. The parser reads `\\[x]` as the same box, as it
 * reads `[x]Docs` without the space.
 */
function withLeadingBoxEscaped(flows: Flow[]): Flow[] {
  const [first, ...rest] = flows
  if (first?.type !== 'paragraph') return flows
  const [lead, ...after] = first.children as Phrasing[]
  if (lead?.type !== 'runsheetRaw' || !/^\[[ xX]\]/.test(lead.value)) return flows
  return [{...first, children: [{...lead, value: `\\${lead.value}`}, ...after] as PhrasingContent[]}, ...rest]
}

function listOf(ordered: boolean, start: number | null, spread: boolean, children: MdastListItem[]): MdastList {
  return {type: 'list', ordered, start: ordered ? (start ?? 1) : null, spread, children}
}

function listItemOf(item: Item, toFlow: (blocks: readonly Block[]) => string): MdastListItem {
  const nested: Flow[] = partsOf(item).flatMap((part): Flow[] => {
    if (part.kind === 'command' || part.kind === 'block') return flowOf(part.node, toFlow)
    const first = part.items[0]!
    return [listOf(part.ordered, first.number, false, part.items.map((each) => listItemOf(each, toFlow)))]
  })
  // An empty step is a bare box: GFM reads `- [ ]` back as a plain entry, and the parser as a task.
  if (item.content.length === 0 && item.checked !== null) {
    const box: Raw = {type: 'runsheetRaw', value: item.checked ? '[x]' : '[ ]'}
    return {type: 'listItem', checked: null, spread: false, children: [{type: 'paragraph', children: [box]}, ...nested] as BlockContent[]}
  }
  // An entry that starts with another block (`1. ___` is a rule) has no lead paragraph: an empty one
  // would write the block under a bare `1.`, which markdown reads as an empty entry and a block after it.
  if (item.content.length === 0) return {type: 'listItem', checked: null, spread: false, children: withLeadingBoxEscaped(nested) as BlockContent[]}
  const lead: MdastParagraph = {type: 'paragraph', children: phrasingOf(item.content)}
  return {type: 'listItem', checked: item.checked, spread: false, children: withStarredRules([lead, ...nested]) as BlockContent[]}
}

function rowOf(row: TableRow): MdastTableRow {
  return {type: 'tableRow', children: row.cells.map((cell) => ({type: 'tableCell', children: phrasingOf(cell.children, true)}))}
}

/** A field as model inlines, so that its blanks are written knowing what stands before them. */
function fieldInlines(field: Field): Inline[] {
  const label: Inline = {type: 'strong', children: [{type: 'text', value: field.label}]}
  return [label, {type: 'text', value: field.value.length > 0 ? ': ' : ':'}, ...field.value]
}

function fieldPhrasing(field: Field): Phrasing[] {
  return phrasingOf(fieldInlines(field))
}

/** Fields on one line each (meta) or side by side (a sign-off), written as one paragraph. */
function fieldsPhrasing(fields: readonly Field[], separator: Inline): PhrasingContent[] {
  return phrasingOf(fields.flatMap((field, index) => [...(index > 0 ? [separator] : []), ...fieldInlines(field)]))
}

function choicePhrasing(choice: Choice): Phrasing[] {
  const boxes: Raw = {
    type: 'runsheetRaw',
    value: choice.options.map((option) => `[${option.checked ? 'x' : ' '}] ${escapeChoiceLabel(option.label)}`).join(' ')
  }
  return choice.label === null
    ? [boxes]
    : [{type: 'strong', children: [{type: 'text', value: choice.label}]}, {type: 'text', value: ': '}, boxes]
}

function escapeChoiceLabel(label: string): string {
  return label.replace(/[\\`*_<>&[\]]/g, (character) => `\\${character}`)
}

/** The markers of MkDocs admonitions that fold: `???` shown folded, `???+` shown open. */
const collapsibleMarkers = {closed: '???', open: '???+'} as const

/** A callout written with its tag and marker as it was written (`??? info`, `> [!Warning]`), not its kind. */
function calloutOf(callout: Callout, toFlow: (blocks: readonly Block[]) => string): Flow {
  if (callout.syntax === 'admonition') {
    const opening = callout.collapsible ? collapsibleMarkers[callout.collapsible] : '!!!'
    const title = callout.title === null ? '' : ` "${callout.title}"`
    // Split apart from their line endings, which stay as the body has them (`\r\n` in a CRLF file's code).
    const body = toFlow(callout.children)
      .trimEnd()
      .split(/(\r\n|\r|\n)/)
      .map((line, index) => (index % 2 === 1 || line === '' ? line : `    ${line}`))
      .join('')
    return {type: 'runsheetRaw', value: `${opening} ${callout.tag}${title}\n${body}`}
  }
  const marker: Raw = {type: 'runsheetRaw', value: `[!${callout.tag}]${callout.title ? ` ${callout.title}` : ''}`}
  return {
    type: 'blockquote',
    children: [{type: 'paragraph', children: [marker]}, ...callout.children.flatMap((child) => flowOf(child, toFlow))] as BlockContent[]
  }
}

/**
 * mdast phrasing from model inlines. `inCell` says the content does not start a markdown line, so a
 * blank alone there cannot read as a thematic break.
 */
export function phrasingOf(nodes: readonly Inline[], inCell = false): PhrasingContent[] {
  const lonely = inCell ? new Set<number>() : blanksOnBareLines(nodes)
  return nodes.flatMap((node, index) =>
    node.type === 'blank' && node.value === undefined
      ? blankOf(node, nodes[index - 1], nodes[index + 1], lonely.has(index))
      : phrasingNodeOf(node)
  ) as PhrasingContent[]
}

/**
 * Text as written back: three or more underscores in it (a filled value `app___v2`, or underscores the
 * source wrote as references) as character references, which read back as text, not as a blank.
 */
function textOf(value: string): Phrasing | Phrasing[] {
  if (!value.includes('___')) return {type: 'text', value}
  return value.split(/(_{3,})/).flatMap((part, index): Phrasing[] => {
    if (part === '') return []
    return index % 2 === 1 ? [{type: 'runsheetRaw', value: '&#95;'.repeat(part.length)}] : [{type: 'text', value: part}]
  })
}

/** Indexes of blanks on lines holding nothing but blanks and spaces: such a line is a thematic break. */
function blanksOnBareLines(nodes: readonly Inline[]): Set<number> {
  const out = new Set<number>()
  let line: number[] = []
  let bare = true
  const close = () => {
    if (bare) for (const index of line) out.add(index)
    line = []
    bare = true
  }
  nodes.forEach((node, index) => {
    if (node.type === 'blank') line.push(index)
    else if (node.type === 'break') close()
    else if (node.type === 'text') {
      const parts = node.value.split('\n')
      parts.forEach((part, at) => {
        if (at > 0) close()
        if (part.trim() !== '') bare = false
      })
    } else bare = false
  })
  close()
  return out
}

/**
 * Underscores are written as they are where markdown reads them back as text; escaped where they would
 * touch a word (emphasis) or fill a line alone (a thematic break). Both read back as the same blank.
 */
function blankOf(node: Blank, before: Inline | undefined, after: Inline | undefined, aloneOnLine: boolean): Phrasing {
  const previous = edgeOf(before, 'end')
  const next = edgeOf(after, 'start')
  const wordy = /[\p{L}\p{N}_*~`\\]/u
  const touches = wordy.test(previous) || wordy.test(next)
  const underscores = '_'.repeat(node.width)
  return {type: 'runsheetRaw', value: aloneOnLine || touches ? underscores.replace(/_/g, '\\_') : underscores}
}

/** The character a neighbouring node shows at its edge: '' for none, '\n' for a line break. */
function edgeOf(node: Inline | undefined, side: 'start' | 'end'): string {
  if (!node) return ''
  switch (node.type) {
    case 'text':
      return (side === 'start' ? node.value.charAt(0) : node.value.charAt(node.value.length - 1)) || ''
    case 'break':
      return '\n'
    case 'blank':
      return '_'
    case 'strong':
    case 'emphasis':
    case 'delete':
      return '*'
    case 'inlineCode':
      return '`'
    default:
      return 'a'
  }
}

function phrasingNodeOf(node: Inline): Phrasing | Phrasing[] {
  switch (node.type) {
    case 'text':
      return textOf(node.value)
    case 'strong':
    case 'emphasis':
    case 'delete':
      return {type: node.type, children: phrasingOf(node.children)}
    case 'inlineCode':
      return {type: 'inlineCode', value: node.value}
    case 'break':
      return {type: 'break'}
    case 'html':
      return {type: 'html', value: node.value}
    case 'image':
      return {type: 'image', url: node.url, alt: node.alt, title: node.title}
    case 'footnoteReference':
      return {type: 'footnoteReference', identifier: node.identifier, label: node.label}
    case 'blank':
      // A filled blank is written as its value: the record reads as a filled-in form.
      return node.value === undefined ? {type: 'runsheetRaw', value: '_'.repeat(node.width)} : textOf(node.value)
    case 'link':
      if (node.form === 'reference' && node.label !== undefined) {
        return {
          type: 'linkReference',
          identifier: node.label.toLowerCase(),
          label: node.label,
          referenceType: 'full',
          children: phrasingOf(node.children)
        }
      }
      if (node.form === 'autolink' && node.children.length === 1 && node.children[0]?.type === 'text' && `http://${node.children[0].value}` === node.href) {
        return {type: 'runsheetWwwLiteral', value: node.children[0].value}
      }
      return {type: 'link', url: node.href, title: node.title, children: phrasingOf(node.children)}
  }
}
