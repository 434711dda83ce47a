import {describe, expect, test} from 'vitest'
import {toMarkdown} from '../markdown/to-markdown.js'
import {type ModelNode, itemsOf, walk} from '../model/walk.js'
import {runbookSchema} from '../schema/runbook.js'
import * as shapes from '../test-util/shapes.js'
import {maxDepth} from './depth.js'
import {parseRunbook} from './parse-runbook.js'

// Sizes and shapes no hand-written runbook takes: each is read without throwing, into a model that
// satisfies its schema, with nothing of the text lost. How fast is the bench's question (shapes table).

/** Every text value in the model: text nodes, and the code and HTML kept verbatim. */
function textsOf(root: ModelNode): string[] {
  const out: string[] = []
  walk(root, (node) => {
    if ('value' in node && typeof node.value === 'string') out.push(node.value)
  })
  return out
}

function read(text: string, options = {}) {
  const result = parseRunbook(text, {maxBytes: Infinity, ...options})
  expect(runbookSchema.safeParse(result.runbook).success).toBe(true)
  return result
}

/** For the inputs remark itself takes seconds to read on a busy machine. */
const slow = 120_000

const tooDeep = (messages: ReturnType<typeof read>['messages']) => messages.filter((message) => message.ruleId === 'too-deep')

describe('deep nesting', () => {
  test('3 000 quotes in one another: cut at the limit, the rest kept as its source text, with one warning', () => {
    const {runbook, messages} = read(shapes.nestedQuotes(3000))
    const deepest = textsOf(runbook).find((value) => value.includes('deepest quote line'))
    expect(deepest).toBe(`${'> '.repeat(3000 - maxDepth)}deepest quote line`)
    expect(tooDeep(messages)).toHaveLength(1)
    expect(tooDeep(messages)[0]).toMatchObject({fatal: false, source: 'runsheet', line: 1, column: 2 * maxDepth + 1})
  })

  test('a 150-deep checklist is kept whole: every step nested in the one before', () => {
    const {runbook, messages} = read(shapes.nestedLists(150, '- [ ] '))
    const items = itemsOf(runbook)
    expect(items).toHaveLength(151)
    expect(items.at(-1)!.text).toBe('deepest list entry')
    expect(items.every((item, index) => index === items.length - 1 || item.items[0] === items[index + 1])).toBe(true)
    expect(tooDeep(messages)).toEqual([])
  }, slow)

  test('a 300-deep checklist: the steps down to the limit, the rest as the text of the last one', () => {
    const {runbook, messages} = read(shapes.nestedLists(300, '- [ ] '))
    const items = itemsOf(runbook)
    // A list and its entry are two levels.
    expect(items).toHaveLength(maxDepth / 2)
    const last = items.at(-1)!
    expect(last.children).toHaveLength(1)
    const kept = textsOf(last.children[0]!).join('')
    expect(kept).toContain(`- [ ] level **${maxDepth / 2}** \`x\``)
    expect(kept).toContain('- [ ] deepest list entry')
    expect(tooDeep(messages)).toHaveLength(1)
  }, slow)

  test('lists nested deeper than the limit: by indentation, with inline markup, and 1 000 markers on one line', () => {
    for (const text of [shapes.nestedLists(200), shapes.nestedMarkers(1000)]) {
      const {runbook, messages} = read(text)
      expect(textsOf(runbook).some((value) => value.includes('deepest list entry') || value.includes('deepest marker entry'))).toBe(true)
      expect(tooDeep(messages).length).toBeGreaterThan(0)
      // The writer reads the cut model as any other.
      expect(toMarkdown(runbook)).toContain('deepest')
    }
  }, slow)

  test('emphasis nested 3 000 deep: the inner emphasis kept as its source text', () => {
    const {runbook, messages} = read(`${'*'.repeat(3000)}deep${'*'.repeat(3000)}\n`)
    expect(textsOf(runbook).some((value) => value.includes('deep'))).toBe(true)
    expect(tooDeep(messages)).toHaveLength(1)
  })

  test('10 000 quotes in one another (deeper than remark-gfm alone reads): cut at the limit as 3 000 are', () => {
    const {runbook, messages} = read(shapes.nestedQuotes(10_000))
    const deepest = textsOf(runbook).find((value) => value.includes('deepest quote line'))
    expect(deepest).toBe(`${'> '.repeat(10_000 - maxDepth)}deepest quote line`)
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['too-deep', false]])
  })

  test('a text the front end runs out of stack on: one fatal message, the text kept as one paragraph', () => {
    const text = shapes.nestedQuotes(20)
    const outOfStack = {
      name: 'remark',
      parse: (): never => {
        throw new RangeError('Maximum call stack size exceeded')
      }
    }
    const {runbook, messages} = read(text, {frontEnd: outOfStack})
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['too-deep', true]])
    expect(textsOf(runbook)).toEqual([text])
  })

  test('in an admonition body, parsed on its own, the same limit holds', () => {
    const body = `!!! note\n    ${'> '.repeat(1000)}deep in the body\n`
    const {runbook, messages} = read(body)
    expect(textsOf(runbook).some((value) => value.includes('deep in the body'))).toBe(true)
    expect(tooDeep(messages)).toHaveLength(1)
  })
})

describe('size', () => {
  test('a file over the size limit is refused with a clear message, not read', () => {
    const {runbook, messages} = parseRunbook(shapes.largeFile(5_100_000))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'too-large', fatal: true})
    expect(messages[0]!.reason).toMatch(/more than the 5000000 allowed/)
    expect(runbook.children).toEqual([])
  })

  test('20 000 steps in one list: every one read, ids unique', () => {
    const {runbook} = read(shapes.manyItems(20_000))
    const items = itemsOf(runbook)
    expect(items).toHaveLength(20_000)
    expect(new Set(items.map((item) => item.id)).size).toBe(20_000)
    expect(items.at(-1)!.text).toBe('단계 20000')
  }, slow)

  test('a table 2 000 columns wide', () => {
    const {runbook} = read(shapes.wideTable(2000))
    const table = runbook.children.find((block) => block.type === 'table')
    expect(table?.type === 'table' && table.header.cells.length).toBe(2000)
    expect(table?.type === 'table' && table.rows.map((row) => row.cells.length)).toEqual([2000, 2000, 2000])
    expect(textsOf(runbook)).toContain('last1999')
  })

  test('one long line of Korean prose with blanks, fields and boxes: every blank read, each with its own id', () => {
    const text = shapes.longKoreanLine(200_000)
    const {runbook} = read(text)
    const blanks: string[] = []
    walk(runbook, (node) => {
      if (node.type === 'blank') blanks.push(node.id)
    })
    expect(blanks).toHaveLength(text.split('________').length - 1)
    expect(new Set(blanks).size).toBe(blanks.length)
    expect(textsOf(runbook).at(-1)).toMatch(/끝$/)
  })

  test('one long line of dense inline markup, and many nested lists with inline markup', () => {
    for (const text of [shapes.longInlineLine(200_000), shapes.nestedListsOfSize(100_000)]) {
      const {runbook} = read(text)
      expect(textsOf(runbook).some((value) => value.endsWith('끝') || value === 'last nested entry')).toBe(true)
    }
  }, slow)
})

describe('odd files', () => {
  test.each(shapes.oddFiles)('$name', ({text, needle}) => {
    const {runbook} = read(text)
    if (needle) expect(JSON.stringify(runbook)).toContain(needle)
  })

  test('CRLF and mixed line endings read as LF does', () => {
    const crlf = shapes.oddFiles.find((shape) => shape.name === 'CRLF')!.text
    const strip = (text: string) => JSON.stringify(read(text).runbook, (key, value) => (key === 'position' || key === 'source' ? undefined : value))
    expect(strip(crlf)).toBe(strip(crlf.replaceAll('\r\n', '\n')))
    const mixed = shapes.oddFiles.find((shape) => shape.name === 'mixed line endings')!.text
    expect(strip(mixed)).toBe(strip(mixed.replace(/\r\n?/g, '\n')))
  })

  test('invalid YAML: reported, and the body read', () => {
    const {runbook, messages} = read(shapes.oddFiles.find((shape) => shape.name === 'invalid YAML')!.text)
    expect(messages.some((message) => message.fatal || message.ruleId?.includes('frontmatter'))).toBe(true)
    expect(itemsOf(runbook).map((item) => item.text)).toEqual(['단계 하나'])
  })
})
