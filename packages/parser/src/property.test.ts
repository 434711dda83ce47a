import fc from 'fast-check'
import {beforeAll, describe, expect, test} from 'vitest'
import {toMarkdown} from './markdown/to-markdown.js'
import {parseRunbook} from './parse/parse-runbook.js'
import type {Runbook} from './schema/runbook.js'
import {runbookSchema} from './schema/runbook.js'
import {fuzzParameters, fuzzing, markdownDocument, roundTripDocument} from './test-util/arbitraries.js'
import {withoutPositions} from './test-util/files.js'

// A fixed seed in the normal suite, so that it fails or passes the same way every time; `npm run fuzz`
// runs the same properties longer with a fresh seed, which it prints to replay a failure with.
const runs = fuzzParameters(100)

beforeAll(() => {
  if (fuzzing) console.log(`fuzz: seed ${runs.seed}, ${runs.numRuns} runs per property (replay: FUZZ_SEED=${runs.seed} FUZZ_RUNS=${runs.numRuns} npm run fuzz)`)
})

/** Any text, markdown-shaped or not. */
const anyText = fc.oneof(fc.string({unit: 'grapheme', maxLength: 400}), fc.string({unit: 'binary', maxLength: 200}), markdownDocument)

/** The model apart from positions and the source it was read from. */
function modelOf(runbook: Runbook) {
  return withoutPositions({...runbook, source: null})
}

interface Point {
  line: number
  column: number
  offset: number
}

/** Every `position` in a value, with the path to it, at any depth. */
function positionsIn(value: unknown, path = '$', out: Array<{path: string; start: Point; end: Point}> = []) {
  if (Array.isArray(value)) value.forEach((child, index) => positionsIn(child, `${path}[${index}]`, out))
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'position' && child) out.push({path, ...(child as {start: Point; end: Point})})
      else positionsIn(child, `${path}.${key}`, out)
    }
  }
  return out
}

/** Offsets where lines start, as unist counts lines: `\r\n`, `\r` and `\n` each end one. */
function lineStartsOf(source: string): number[] {
  const starts = [0]
  for (const ending of source.matchAll(/\r\n|\r|\n/g)) starts.push(ending.index + ending[0].length)
  return starts
}

/** What is wrong with a point of `source`, or undefined: out of bounds, or line and column not at its offset. */
function pointProblem(point: Point, source: string, starts: readonly number[]): string | undefined {
  const lineStart = starts[point.line - 1]
  if (lineStart === undefined) return `line ${point.line} of ${starts.length}`
  if (point.offset < 0 || point.offset > source.length) return `offset ${point.offset} of ${source.length}`
  if (point.column < 1 || lineStart + point.column - 1 !== point.offset) return `${point.line}:${point.column} is offset ${lineStart + point.column - 1}, not ${point.offset}`
  return undefined
}

describe('parseRunbook on any input', () => {
  test('never throws, and its model is valid against the schema', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const {runbook} = parseRunbook(text)
        const result = runbookSchema.safeParse(runbook)
        expect(result.success ? [] : result.error.issues).toEqual([])
      }),
      runs
    )
  })

  test('every position lies in the source: line, column and offset agree, and a node starts before it ends', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const {runbook, file} = parseRunbook(text)
        const starts = lineStartsOf(text)
        const problems: string[] = []
        for (const {path, start, end} of positionsIn(runbook)) {
          const problem = pointProblem(start, text, starts) ?? pointProblem(end, text, starts)
          if (problem) problems.push(`${path}: ${problem}`)
          else if (start.offset > end.offset) problems.push(`${path}: starts at ${start.offset}, after its end ${end.offset}`)
        }
        for (const message of file.messages) {
          const place = message.place && 'start' in message.place ? message.place.start : message.place
          if (place && (place.line < 1 || place.line > starts.length)) problems.push(`message ${message.ruleId}: line ${place.line} of ${starts.length}`)
        }
        expect(problems).toEqual([])
      }),
      runs
    )
  })
})

// Over documents without the shapes of known bugs (listed in test-util/arbitraries.ts).
describe('toMarkdown on markdown-shaped input', () => {
  test('what it writes parses to the same model, apart from positions', () => {
    fc.assert(
      fc.property(roundTripDocument, (text) => {
        const first = parseRunbook(text).runbook
        const again = parseRunbook(toMarkdown(first)).runbook
        expect(modelOf(again)).toEqual(modelOf(first))
      }),
      runs
    )
  })

  test('is idempotent after one pass: what it writes, parsed and written again, is the same text', () => {
    fc.assert(
      fc.property(roundTripDocument, (text) => {
        const once = toMarkdown(parseRunbook(text).runbook)
        expect(toMarkdown(parseRunbook(once).runbook)).toBe(once)
      }),
      runs
    )
  })
})
