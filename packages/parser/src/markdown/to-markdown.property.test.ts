import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import type {Runbook} from '../schema/runbook.js'
import {fuzzParameters, line} from '../test-util/arbitraries.js'
import {withoutPositions} from '../test-util/files.js'
import {writtenFrontmatter} from './written-frontmatter.js'
import {toMarkdown} from './to-markdown.js'

// The shapes found in review that format did not write back as read: blanks right before a hard break,
// boxes starting plain list entries, front matter with comments and flow lists, CRLF line endings; among
// paragraphs, headings, tasks and code. (property.test.ts runs the round trip over every kind of block,
// without the source.)
const runs = fuzzParameters(100)

// The break is written with spaces: `____\` in a source already reads as emphasis with the next blank.
const blankBeforeBreak = fc
  .tuple(fc.constantFrom('배포자', '**배포자**', '*서명', 'Signed by'), fc.constantFrom('____', '\\_\\_\\_', '___'), fc.constantFrom('날짜:', '**날짜**: ', 'Date '), fc.constantFrom('____', '___'))
  .map(([label, blank, next, last]) => `${label}: ${blank}  \n${next}${last}\n`)

const boxFirstEntries = fc
  .array(fc.tuple(fc.constantFrom('-', '*', '1.'), fc.constantFrom('[x]', '[ ]', '[X]', '\\[x]'), fc.constantFrom('', ' '), line), {minLength: 1, maxLength: 3})
  .map((entries) => entries.map(([marker, box, space, text]) => `${marker} ${box}${space}${text}\n`).join(''))

const commentedFrontmatter = fc.constantFrom(
  '',
  '---\n# Owner: SRE team — do not remove\ntitle: DB failover   # shown in the header\nreviewers: [kim, lee]\n---\n',
  "---\ntitle: 'Deploy'   # quoted\nversion: 1.0\ntags: {a: 1, b: [x, y]}\n\n# the end\n---\n"
)

const around = fc.oneof(
  line.map((text) => `${text}\n`),
  line.map((text) => `## ${text}\n`),
  line.map((text) => `- [ ] ${text}\n`),
  line.map((text) => `\`\`\`sh\n${text}\n\n${text}\n\`\`\`\n`)
)

const reviewedDocument = fc
  .tuple(commentedFrontmatter, fc.array(fc.tuple(fc.oneof(around, blankBeforeBreak, boxFirstEntries), fc.constantFrom('\n', '')), {maxLength: 12}), fc.boolean())
  .map(([front, blocks, crlf]) => {
    const text = front + blocks.map(([piece, gap]) => piece + gap).join('')
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })

/** The model apart from positions and the source it was read from. */
function modelOf(runbook: Runbook) {
  return withoutPositions({...runbook, source: null})
}

describe('toMarkdown, given the source, on the shapes found in review', () => {
  test('what it writes parses to the same model, is written again the same, and has one line ending', () => {
    fc.assert(
      fc.property(reviewedDocument, (text) => {
        const first = parseRunbook(text).runbook
        const once = toMarkdown(first, {frontmatter: writtenFrontmatter(text, first.frontmatter)})
        const again = parseRunbook(once).runbook
        expect(modelOf(again)).toEqual(modelOf(first))
        expect(toMarkdown(again, {frontmatter: writtenFrontmatter(once, again.frontmatter)})).toBe(once)
        expect(new Set(once.match(/\r\n|\r|\n/g))).toHaveProperty('size', once.match(/\r\n|\r|\n/g) ? 1 : 0)
      }),
      runs
    )
  })
})
