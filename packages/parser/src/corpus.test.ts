import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import {mdastFromMarkdown} from './markdown/from-markdown.js'
import {toMarkdown} from './markdown/to-markdown.js'
import {walk} from './model/walk.js'
import {parseRunbook} from './parse/parse-runbook.js'
import {runbookSchema} from './schema/runbook.js'
import type {Runbook} from './schema/runbook.js'
import {corpusFolder, examplesFolder, hasCorpus, markdownFiles, optionsFor, read, seedPath, withoutPositions} from './test-util/files.js'

type Range = [start: number, end: number]

/** What remark's own tree holds, counted independently of the model, outside the given ranges. */
function countMdast(tree: Root, outside: readonly Range[]) {
  const definitions = new Set<string>()
  visit(tree, 'definition', (node) => {
    definitions.add(node.identifier)
  })
  const counts = {tasks: 0, code: 0, tableRows: 0, links: 0}
  visit(tree, (node) => {
    const offset = node.position?.start.offset ?? -1
    if (outside.some(([start, end]) => offset >= start && offset < end)) return
    if (node.type === 'listItem' && typeof node.checked === 'boolean') counts.tasks++
    else if (node.type === 'code') counts.code++
    else if (node.type === 'tableRow') counts.tableRows++
    else if (node.type === 'link') counts.links++
    else if (node.type === 'linkReference' && definitions.has(node.identifier)) counts.links++
  })
  return counts
}

/**
 * The same counts in the model. An admonition's body is markdown to the model and a paragraph or
 * indented code to CommonMark: both sides are counted outside admonitions.
 */
function countModel(runbook: Runbook) {
  const admonitions: Range[] = []
  walk(runbook, (node) => {
    if (node.type === 'callout' && node.syntax === 'admonition' && node.position) {
      admonitions.push([node.position.start.offset, node.position.end.offset])
      return false
    }
    return undefined
  })
  const counts = {tasks: 0, code: 0, tableRows: 0, links: 0}
  walk(runbook, (node) => {
    if (node.type === 'callout' && node.syntax === 'admonition') return false
    if (node.type === 'item' && node.checked !== null) counts.tasks++
    else if (node.type === 'command') counts.code++
    else if (node.type === 'table') counts.tableRows += 1 + node.rows.length
    else if (node.type === 'link') counts.links++
    return undefined
  })
  return {counts, admonitions}
}

function checkFile(file: string, root: string) {
  // Read when the tests run, not when they are collected: a skipped suite must not touch its files.
  let parsed: {source: string; options: ReturnType<typeof optionsFor>; runbook: Runbook; messages: ReturnType<typeof parseRunbook>['messages']}
  const load = () => {
    if (!parsed) {
      const source = read(file)
      const options = optionsFor(file, root)
      parsed = {source, options, ...parseRunbook(source, options)}
    }
    return parsed
  }

  test('validates and has no internal error', () => {
    const {runbook, messages} = load()
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([])
  })

  test('holds every task item, code block, table row and link of the mdast', () => {
    const {source, runbook} = load()
    const {counts, admonitions} = countModel(runbook)
    expect(counts).toEqual(countMdast(mdastFromMarkdown(source), admonitions))
  })

  test('toMarkdown round-trips: the same model apart from positions', () => {
    const {options, runbook} = load()
    const again = parseRunbook(toMarkdown(runbook), options).runbook
    expect(withoutPositions({...again, source: null})).toEqual(withoutPositions({...runbook, source: null}))
  })
}

describe.each(markdownFiles(examplesFolder).map((file) => [file.slice(examplesFolder.length + 1), file]))('example %s', (_, file) => {
  checkFile(file, examplesFolder)
})

describe.skipIf(!hasCorpus).each(markdownFiles(corpusFolder).map((file) => [file.slice(corpusFolder.length + 1), file]))('corpus %s', (_, file) => {
  checkFile(file, corpusFolder)
})

describe.skipIf(!hasCorpus)('seed', () => {
  checkFile(seedPath, corpusFolder)
})
