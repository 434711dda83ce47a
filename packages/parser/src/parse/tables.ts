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

  // A blank in a cell is labelled by its column, and by the row's name: the words of its first cell that
  // has any besides blanks, so that `| ____ | 감지 | ____ |` is 감지's row. Named by a blank alone, the rows
  // of a timeline would all be `____`, and a record met with a row added could not tell them apart.
  for (const row of rows) {
    const naming = row.cells.findIndex((cell) => wordsOf(cell) !== '')
    const rowLabel = naming === -1 ? undefined : wordsOf(row.cells[naming]!)
    row.cells.forEach((cell, index) => {
      const column = header.cells[index]?.text
      for (const node of cell.children) {
        if (node.type !== 'blank' || node.label !== undefined) continue
        const parts = [index !== naming ? rowLabel : undefined, column].filter(Boolean)
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

/** A cell's words without its blanks: a blank is an empty value waiting to be filled, not the underscores. */
function wordsOf(cell: TableCell): string {
  return squash(cell.children.filter((node) => node.type !== 'blank').map((node) => textOfInlines([node])).join(''))
}

function contactOf(row: TableRow, columns: ReadonlyArray<TableColumn | null>): Contact {
  const cell = (column: TableColumn) => {
    const index = columns.indexOf(column)
    const found = index === -1 ? undefined : row.cells[index]
    return found ? wordsOf(found) : ''
  }
  return {
    role: cell('role'),
    name: cell('name'),
    contact: cell('contact'),
    escalation: columns.includes('escalation') ? cell('escalation') : null
  }
}
