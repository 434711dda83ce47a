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

/** What remark's own tree holds, counted independently of the model. */
function countMdast(tree: Root) {
  const definitions = new Set<string>()
  visit(tree, 'definition', (node) => {
    definitions.add(node.identifier)
  })
  const counts = {tasks: 0, code: 0, tableRows: 0, links: 0}
  visit(tree, (node) => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean') counts.tasks++
    else if (node.type === 'code') counts.code++
    else if (node.type === 'tableRow') counts.tableRows++
    else if (node.type === 'link') counts.links++
    else if (node.type === 'linkReference' && definitions.has(node.identifier)) counts.links++
  })
  return counts
}

function countModel(runbook: Runbook) {
  const counts = {tasks: 0, code: 0, tableRows: 0, links: 0, admonitions: 0}
  walk(runbook, (node) => {
    if (node.type === 'item' && node.checked !== null) counts.tasks++
    else if (node.type === 'command') counts.code++
    else if (node.type === 'table') counts.tableRows += 1 + node.rows.length
    else if (node.type === 'link') counts.links++
    else if (node.type === 'callout' && node.syntax === 'admonition') counts.admonitions++
  })
  return counts
}

function checkFile(file: string, root: string) {
  const source = read(file)
  const options = optionsFor(file, root)
  const {runbook, messages} = parseRunbook(source, options)

  test('validates and has no internal error', () => {
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([])
  })

  test('holds every task item, code block, table row and link of the mdast', () => {
    const expected = countMdast(mdastFromMarkdown(source))
    const actual = countModel(runbook)
    // An admonition's body is indented code to CommonMark and markdown to the model.
    expect({...actual, code: actual.code + actual.admonitions, admonitions: undefined}).toEqual({...expected, admonitions: undefined})
  })

  test('toMarkdown round-trips: the same model apart from positions', () => {
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
