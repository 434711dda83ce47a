import fc from 'fast-check'
import type {Definition, Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {mdastFromMarkdown} from '../markdown/from-markdown.js'
import {markdownDocument} from '../markdown/test-util/markdown-documents.js'
import {corpusFolder, examplesFolder, hasCorpus, markdownFiles, read, seedPath} from '../test-util/files.js'
import {placeAutolinkLiterals} from './autolink-literal-positions.js'
import {createContext} from './context.js'
import {cutTooDeep} from './depth.js'
import {readyTree} from './ready-tree.js'

/** The three walks `readyTree` does in one, one after the other, as the model was built before. */
function inThreeWalks(tree: Root, source: string, limit: number) {
  const context = createContext(source, new VFile(source), {}, defaultKeywords)
  cutTooDeep(tree.children, context, 1, limit)
  placeAutolinkLiterals(tree, context)
  const collect = (node: Nodes) => {
    if (node.type === 'definition') {
      if (!context.definitions.has(node.identifier)) context.definitions.set(node.identifier, node)
    } else if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table' && 'children' in node) {
      for (const child of node.children) collect(child as Nodes)
    }
  }
  collect(tree)
  return {tree, context}
}

function inOneWalk(tree: Root, source: string, limit: number) {
  const context = createContext(source, new VFile(source), {}, defaultKeywords)
  readyTree(tree, context, limit)
  return {tree, context}
}

/** What the model reads of the walks: the tree, the definitions found, and the messages (the walks' orders differ). */
function outcome({tree, context}: ReturnType<typeof inOneWalk>) {
  const definitions = [...context.definitions].map(([identifier, node]: [string, Definition]) => [identifier, node.url, node.position?.start.offset])
  const messages = context.file.messages.map((message) => `${message.place && 'start' in message.place ? message.place.start.offset : ''} ${message.reason}`).sort()
  return {tree, definitions, messages}
}

function expectSameReading(source: string, limit: number) {
  expect(outcome(inOneWalk(mdastFromMarkdown(source), source, limit))).toEqual(outcome(inThreeWalks(mdastFromMarkdown(source), source, limit)))
}

/** Nesting and references: quotes and lists deep enough to be cut at a small limit, definitions at every depth. */
const nested = fc
  .array(
    fc.oneof(
      fc.constantFrom('> ', '- ', '1. ', '* [ ] ', '>> ', '- > '),
      fc.constant('')
    ),
    {maxLength: 8}
  )
  .chain((prefixes) =>
    fc
      .array(fc.constantFrom('a www.b.c d', '[r]: https://r.s', '[R]: https://other.s', 'see [r] and ops@a.b', '**_~~x~~_**', '[x](www.y.z) (http://a.b', 'a [ http://x.y b [ www.q.r'), {
        minLength: 1,
        maxLength: 4
      })
      .map((lines) => lines.map((line) => `${prefixes.join('')}${line}`).join('\n\n'))
  )

describe('readyTree', () => {
  test('cuts, places and collects as the three walks it replaces, on generated documents', () => {
    fc.assert(
      fc.property(fc.array(nested, {minLength: 1, maxLength: 5}), fc.integer({min: 1, max: 6}), (parts, limit) => {
        expectSameReading(parts.join('\n\n'), limit)
      }),
      {numRuns: 300}
    )
    fc.assert(
      fc.property(markdownDocument, fc.integer({min: 1, max: 4}), (source, limit) => expectSameReading(source, limit)),
      {numRuns: 200}
    )
  })

  test('takes the first definition of a label, in document order, whatever the depth', () => {
    const source = '> - [r]: https://first.s\n\n[r]: https://second.s\n\n[r]\n'
    const {context} = inOneWalk(mdastFromMarkdown(source), source, 320)
    expect(context.definitions.get('r')?.url).toBe('https://first.s')
  })

  const files = [...markdownFiles(examplesFolder), ...(hasCorpus ? [...markdownFiles(corpusFolder), seedPath] : [])]
  test('reads the examples, the corpus and the seed as the three walks, cut at the default limit and at 3', () => {
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      expectSameReading(read(file), 320)
      expectSameReading(read(file), 3)
    }
  })
})
