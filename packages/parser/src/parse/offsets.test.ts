import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/merge.js'
import {remarkFrontEnd} from '../markdown/front-end.js'
import {loadFrontEnd} from '../markdown/load-front-end.js'
import {parseRunbook} from './parse-runbook.js'
import type {Blank} from '../schema/inline.js'
import {createContext, spanOf} from './context.js'
import {alignmentOf, isVerbatim, spanInText} from './offsets.js'
import {sourceCharacterAt} from './source-character.js'

// satteri is an optional peer dependency: where it is installed, both front ends must place the blanks.
const satteri = await loadFrontEnd('satteri').catch(() => undefined)
const frontEnds = [remarkFrontEnd, ...(satteri ? [satteri] : [])]

/** Every blank of a model, in document order. */
function blanksOf(model: unknown): Blank[] {
  if (Array.isArray(model)) return model.flatMap(blanksOf)
  if (typeof model !== 'object' || model === null) return []
  if ((model as {type?: unknown}).type === 'blank') return [model as Blank]
  return Object.entries(model).flatMap(([key, value]) => (key === 'frontmatter' ? [] : blanksOf(value)))
}

describe('sourceCharacterAt', () => {
  test.each([
    ['&nbsp;', '\u00A0', 6],
    ['&amp;', '&', 5],
    ['&lt;', '<', 4],
    ['&copy;', '©', 6],
    ['&quot;', '"', 6],
    ['&#35;', '#', 5],
    ['&#x1F600;', '😀', 9],
    ['&#X41;', 'A', 6],
    ['&#0;', '\uFFFD', 4],
    ['&ngE;', '≧̸', 5],
    ['\\&', '&', 2],
    ['\\*', '*', 2],
    ['\u0000', '\uFFFD', 1]
  ])('%j reads as %j, %i source characters', (source, value, length) => {
    expect(sourceCharacterAt(`x${source}y`, 1, source.length + 2)).toEqual({value, end: 1 + length})
  })

  test.each(['&nosuchname;', '&amp', '& amp;', '&#12345678;', '&#x1234567;', '&#;', '\\a'])('%j is its first character as written', (source) => {
    expect(sourceCharacterAt(source, 0, source.length)).toEqual({value: source.charAt(0), end: 1})
  })

  test('a reference that runs past the end of the node is not read', () => {
    expect(sourceCharacterAt('&amp;', 0, 4)).toEqual({value: '&', end: 1})
  })
})

describe('alignmentOf', () => {
  test('a character reference is one character of the value spanning the whole reference', () => {
    const source = 'a&nbsp;b'
    expect(alignmentOf('a\u00A0b', 0, source.length, source)).toEqual({starts: [0, 1, 7, 8], ends: [1, 7, 8]})
  })

  test('a reference decoded to two code units gives both the whole reference', () => {
    const source = '&#x1F600;!'
    expect(alignmentOf('😀!', 0, source.length, source)).toEqual({starts: [0, 0, 9, 10], ends: [9, 9, 10]})
  })

  test('an escaped ampersand before a reference name is a literal `&`, spanning its escape', () => {
    const source = '\\&amp; x'
    expect(alignmentOf('&amp; x', 0, source.length, source)).toEqual({starts: [0, 2, 3, 4, 5, 6, 7, 8], ends: [2, 3, 4, 5, 6, 7, 8]})
  })

  test('the text of an autolink literal is the source as written, its references undecoded', () => {
    const source = 'www.a.b?x&amp;y'
    expect(alignmentOf(source, 0, source.length, source)?.starts).toEqual([...source].map((_, index) => index).concat(source.length))
  })
})

// Found by a review: any reference other than `&amp;` left blanks unplaced, and lint pointed at 1:1.
describe('spanInText', () => {
  test('places a part of a text written as it reads where its alignment places it', () => {
    const character = fc.constantFrom('a', ' ', '_', '한', '&', ';', '\\', '*', '\n', '😀', 'amp')
    fc.assert(
      fc.property(fc.array(character, {maxLength: 12}), fc.array(character, {maxLength: 12}), fc.nat(14), fc.nat(14), (before, text, from, length) => {
        const value = text.join('')
        const source = `${before.join('')}${value}!`
        const start = before.join('').length
        const context = createContext(source, new VFile(source), {}, defaultKeywords)
        const position = spanOf(context, start, start + value.length)!
        const to = Math.min(from + length, value.length + 1)
        const alignment = alignmentOf(value, start, start + value.length, source)
        const startOffset = alignment?.starts[from]
        const endOffset = to <= from ? startOffset : alignment?.ends[to - 1]
        const aligned = startOffset === undefined || endOffset === undefined ? undefined : spanOf(context, startOffset, endOffset)
        expect(spanInText(value, position, from, to, context)).toEqual(aligned)
      }),
      {numRuns: 2000}
    )
    expect(isVerbatim('a&b', 0, 3, 'a&b')).toBe(false)
    expect(isVerbatim('ab', 1, 3, 'xab')).toBe(true)
  })
})

describe('blanks after a character reference are placed', () => {
  test.each(['&nbsp;', '&lt;', '&copy;', '&quot;', '&#35;', '&#x263A;', '&amp;', '\\&nbsp;'])('after %s', (reference) => {
    const source = `# Deploy\n\n## Sign-off\n\nApproved${reference}by ____ on ____\n`
    for (const frontEnd of frontEnds) {
      const {runbook, messages} = parseRunbook(source, {frontEnd})
      const blanks = blanksOf(runbook)
      expect(blanks).toHaveLength(2)
      for (const blank of blanks) {
        expect(blank.position?.start.line).toBe(5)
        const {start, end} = blank.position!
        expect(source.slice(start.offset, end.offset)).toBe('____')
      }
      expect(blanks[0]!.position!.start.column).toBe(`Approved${reference}by `.length + 1)
      const unlabelled = messages.filter((message) => message.ruleId === 'blank-without-label')
      expect(unlabelled.map((message) => message.line)).toEqual([5, 5])
    }
  })

  test('on a continuation line in a blockquote, after a reference on the line before', () => {
    const source = '# T\n\n> Owner&colon; ____\n> signed&nbsp;____\n'
    const {runbook} = parseRunbook(source)
    expect(blanksOf(runbook).map((blank) => [blank.position?.start.line, blank.position?.start.column])).toEqual([
      [3, 16],
      [4, 15]
    ])
  })
})
