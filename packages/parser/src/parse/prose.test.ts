import fc from 'fast-check'
import type {Nodes} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {mdastFromMarkdown} from '../markdown/from-markdown.js'
import {markdownDocument} from '../markdown/test-util/markdown-documents.js'
import {corpusFolder, examplesFolder, hasCorpus, markdownFiles, read, seedPath} from '../test-util/files.js'
import {withAdmonitions} from './admonitions.js'
import type {Flow} from './block-state.js'
import {createContext} from './context.js'
import {langOf} from './lang.js'
import {proseLangOf} from './prose.js'

/** The lines of prose as they were read before the count was made as the walk goes: all joined, then split. */
function proseLinesOf(nodes: readonly Flow[]): string[] {
  let prose = ''
  const text = (node: Nodes) => {
    if (node.type === 'text') prose += node.value
    else if (node.type === 'break') prose += '\n'
    else if ('children' in node) for (const child of node.children) text(child as Nodes)
  }
  const step = (node: Flow) => {
    if (node.type === 'admonition') {
      if (node.title) prose += `${node.title}\n`
      for (const child of node.children) step(child)
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      text(node)
      prose += '\n'
    } else if ('children' in node) for (const child of node.children) step(child as Flow)
  }
  for (const node of nodes) step(node)
  return prose.split('\n')
}

function expectSameLang(source: string, lines: string[] = []) {
  const context = createContext(source, new VFile(source), {}, defaultKeywords)
  const nodes = withAdmonitions(mdastFromMarkdown(source).children, context)
  expect(proseLangOf(lines, nodes), source).toBe(langOf([...lines, ...proseLinesOf(nodes)]))
}

/** Lines where the language turns on few words: Latin words split by markup, alerts, breaks, Hangul at either end. */
const balanced = fc
  .array(
    fc.constantFrom('배포', 'Deploy now', 'a**b**', '*a*b', 'x', '[!NOTE]', '[!', 'NOTE]', '  \n', '\\\n', '\n', '`code`', '1.0', '한', 'ok', '> ', '- '),
    {minLength: 1, maxLength: 10}
  )
  .map((parts) => parts.join(''))

describe('proseLangOf', () => {
  test('reads the language of joined and split lines, on generated documents', () => {
    fc.assert(
      fc.property(fc.array(balanced, {minLength: 1, maxLength: 8}), fc.array(fc.constantFrom('제목', 'Title', ''), {maxLength: 2}), (paragraphs, lines) =>
        expectSameLang(paragraphs.join('\n\n'), lines)
      ),
      {numRuns: 1000}
    )
    fc.assert(
      fc.property(markdownDocument, (source) => expectSameLang(source)),
      {numRuns: 300}
    )
  })

  test('on the examples, the corpus and the seed', () => {
    const files = [...markdownFiles(examplesFolder), ...(hasCorpus ? [...markdownFiles(corpusFolder), seedPath] : [])]
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expectSameLang(read(file))
  })
})
