import type {Table as MdastTable} from 'mdast'
import type {Contact, Table, TableCell, TableColumn, TableRow} from '../schema/blocks.js'
import type {Keywords} from '../keywords/types.js'
import type {Context} from './context.js'
import {positionOf} from './context.js'
import {inlinesFromPhrasing, withPosition} from './inline.js'
import {normaliseLabel} from './field-keys.js'
import {squash, textOfInlines} from './text.js'

/** A GFM table; one whose header names role, name and contact columns is a `contacts` table. */
export function tableFromMdast(node: MdastTable, context: Context): Table {
  const [headNode, ...bodyNodes] = node.children
  const header = rowOf(headNode, context)
  const rows = bodyNodes.map((row) => rowOf(row, context))
  const columns = header.cells.map((cell) => columnOf(cell.text, context))
  const isContacts = columns.includes('role') && columns.includes('name') && columns.includes('contact')

  // A blank in a cell is labelled by its column, and by the row's first cell when that names the row.
  for (const row of rows) {
    const rowLabel = row.cells[0]?.text
    row.cells.forEach((cell, index) => {
      const column = header.cells[index]?.text
      for (const node of cell.children) {
        if (node.type !== 'blank' || node.label !== undefined) continue
        const parts = [index > 0 ? rowLabel : undefined, column].filter(Boolean)
        if (parts.length > 0) node.label = parts.join(' · ')
      }
    })
    if (isContacts) row.contact = contactOf(row, columns)
  }

  const table: Table = {
    type: 'table',
    kind: isContacts ? 'contacts' : 'generic',
    align: (node.align ?? []).map((align) => align ?? null),
    columns: isContacts ? columns : columns.map(() => null),
    header,
    rows
  }
  return withPosition(table, positionOf(node))
}

function rowOf(node: MdastTable['children'][number] | undefined, context: Context): TableRow {
  const cells: TableCell[] = (node?.children ?? []).map((cell) => {
    const children = inlinesFromPhrasing(cell.children, context)
    return withPosition<TableCell>({type: 'tableCell', children, text: squash(textOfInlines(children))}, positionOf(cell))
  })
  return withPosition<TableRow>({type: 'tableRow', cells}, node ? positionOf(node) : undefined)
}

const columnNames = ['role', 'name', 'contact', 'escalation'] as const

/** A header names a column when it is one of the column's words, else when it contains one. */
function columnOf(header: string, context: Context): TableColumn | null {
  const label = normaliseLabel(header)
  const words = columnWordsOf(context.keywords)
  for (const column of columnNames) if (words[column].includes(label)) return column
  for (const column of columnNames) if (words[column].some((word) => label.includes(word))) return column
  return null
}

const normalisedColumns = new WeakMap<Keywords, Record<TableColumn, string[]>>()

function columnWordsOf(keywords: Keywords): Record<TableColumn, string[]> {
  let words = normalisedColumns.get(keywords)
  if (!words) {
    const of = (column: TableColumn) => keywords.contactColumns[column].map(normaliseLabel)
    words = {role: of('role'), name: of('name'), contact: of('contact'), escalation: of('escalation')}
    normalisedColumns.set(keywords, words)
  }
  return words
}

function contactOf(row: TableRow, columns: ReadonlyArray<TableColumn | null>): Contact {
  const cell = (column: TableColumn) => {
    const index = columns.indexOf(column)
    const found = index === -1 ? undefined : row.cells[index]
    // A blank is an empty value waiting to be filled, not the underscores.
    return found ? squash(found.children.filter((node) => node.type !== 'blank').map((node) => textOfInlines([node])).join('')) : ''
  }
  return {
    role: cell('role'),
    name: cell('name'),
    contact: cell('contact'),
    escalation: columns.includes('escalation') ? cell('escalation') : null
  }
}
