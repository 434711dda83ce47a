import type {Heading, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Block, Field} from '../schema/blocks.js'
import {opensAdmonition} from './admonitions.js'
import type {Context} from './context.js'
import {blocksFromParagraph} from './fields.js'
import {sectionKindOf} from './heading.js'
import {inlinesFromPhrasing} from './inline.js'
import {isChecklist} from './items.js'
import {squash} from './text.js'
import {isHtmlComment} from '../model/html-comment.js'

/** The parts of a document around its body. */
export interface Header {
  title: Heading | null
  subtitle: Heading | null
  meta: Field[]
  /** The paragraphs the meta fields were read from. */
  metaParagraphs: Paragraph[]
  /** What header paragraphs hold besides fields (choices, sign-offs, prose lines): the start of the body. */
  leading: Block[]
  /** The nodes of the body, in order, without the title, subtitle and meta. */
  body: RootContent[]
  /** The nodes after the last thematic break when no heading follows it. */
  footer: RootContent[]
}

/** Splits a document into title (a leading H1), subtitle (an H2 right after it), meta fields, body and footer. */
export function headerOf(nodes: readonly RootContent[], context: Context, declared: {title?: string | undefined; subtitle?: string | undefined} = {}): Header {
  const body = [...nodes]
  const header: Header = {title: null, subtitle: null, meta: [], metaParagraphs: [], leading: [], body, footer: []}

  const first = body.findIndex((node) => !isInvisible(node))
  const titleNode = body[first]
  // A front-matter title names the document; an H1 saying something else is content, not the title.
  const isTitle = titleNode?.type === 'heading' && titleNode.depth === 1 && (declared.title === undefined || squash(toString(titleNode)) === declared.title)
  if (isTitle && titleNode?.type === 'heading') {
    header.title = titleNode
    body.splice(first, 1)
    const next = body[first]
    // A front-matter subtitle likewise: an H2 saying something else under the title is content.
    const declaredAs = (heading: Heading) => declared.subtitle === undefined || squash(toString(heading)) === declared.subtitle
    if (next?.type === 'heading' && next.depth === 2 && declaredAs(next) && isSubtitle(next, body.slice(first + 1), context)) {
      header.subtitle = next
      body.splice(first, 1)
    }
  }

  // Header fields: the `**label**: value` lines of the paragraphs after the title, up to the first
  // heading, rule or paragraph without a field. Other lines of those paragraphs stay in the body.
  let index = Math.max(first, 0)
  while (index < body.length) {
    const node = body[index]!
    if (node.type === 'heading' || node.type === 'thematicBreak' || (node.type === 'paragraph' && opensAdmonition(node, context))) break
    // Field labels are bold: a paragraph without bold text holds none, and is not read twice.
    if (node.type === 'paragraph' && node.children.some((child) => child.type === 'strong')) {
      const blocks = blocksFromParagraph(inlinesFromPhrasing(node.children, context), context)
      const fields = blocks.filter((block): block is Field => block.type === 'field')
      if (fields.length > 0) {
        header.meta.push(...fields)
        header.metaParagraphs.push(node)
        header.leading.push(...blocks.filter((block) => block.type !== 'field'))
        body.splice(index, 1)
        continue
      }
    }
    if (!isInvisible(node)) break
    index++
  }

  const lastBreak = body.findLastIndex((node) => node.type === 'thematicBreak')
  const after = lastBreak === -1 ? [] : body.slice(lastBreak + 1)
  if (after.some((node) => !isInvisible(node)) && !after.some((node) => node.type === 'heading')) {
    header.footer = after
    body.splice(lastBreak + 1)
  }
  return header
}

/** An H2 right after the title is its subtitle when it names no phase and heads no steps. */
function isSubtitle(heading: Heading, rest: readonly RootContent[], context: Context): boolean {
  if (sectionKindOf(squash(toString(heading)), context.keywords)) return false
  for (const node of rest) {
    // A subsection under it makes it a section.
    if (node.type === 'heading') return node.depth <= 2
    if (node.type === 'list' && isChecklist(node)) return false
    if (node.type === 'code' || node.type === 'table') return false
  }
  return true
}

/** Nodes that take no room on the page: comments and link definitions. */
function isInvisible(node: RootContent): boolean {
  return (node.type === 'html' && isHtmlComment(node.value)) || node.type === 'definition' || node.type === 'yaml'
}

/** `버전: 1.0.0 | 최종 업데이트: 2025-08-21`: the labelled values of a footer line. */
export function footerValues(blocks: readonly Block[]): Array<{label: string; value: string}> {
  const out: Array<{label: string; value: string}> = []
  const visit = (text: string) => {
    for (const part of text.split(/[|\n·]/)) {
      const match = /^\s*([^:：]{1,40}?)\s*[:：]\s*(.+?)\s*$/u.exec(part.replace(/[*_]/g, ''))
      if (match?.[1] && match[2]) out.push({label: match[1], value: match[2]})
    }
  }
  for (const block of blocks) {
    if (block.type === 'paragraph') visit(plain(block.children))
    else if (block.type === 'field') out.push({label: block.label, value: block.text})
  }
  return out
}

function plain(nodes: ReadonlyArray<{type: string; value?: string; children?: unknown}>): string {
  return nodes
    .map((node) =>
      node.type === 'text' ? (node.value ?? '') : node.type === 'break' ? '\n' : Array.isArray(node.children) ? plain(node.children) : ''
    )
    .join('')
}
