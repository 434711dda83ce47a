import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {writtenFrontmatter} from './written-frontmatter.js'

const yaml = '# Owner: SRE team — do not remove\ntitle: DB failover   # shown in the header\nreviewers: [kim, lee]'
const source = `---\n${yaml}\n---\n\n# DB failover\n`
const {frontmatter} = parseRunbook(source).runbook

describe('writtenFrontmatter', () => {
  test('is the YAML as written, comments and layout kept, when it reads as the front matter given', () => {
    expect(writtenFrontmatter(source, frontmatter!)).toBe(yaml)
  })

  test('is undefined when the YAML reads as other data: the front matter was changed after reading', () => {
    expect(writtenFrontmatter(source, {...frontmatter, title: 'Other'})).toBeUndefined()
    expect(writtenFrontmatter(source, {reviewers: ['kim', 'lee'], title: 'DB failover'})).toBeUndefined()
  })

  test.each([
    ['no front matter', '# T\n\ntitle: x\n'],
    ['an opening fence never closed', '---\ntitle: x\n\n# T\n'],
    ['front matter that is not valid YAML', '---\ntitle: [\n---\n\n# T\n']
  ])('is undefined for %s', (_, text) => {
    expect(writtenFrontmatter(text, {title: 'x'})).toBeUndefined()
  })

  test.each([
    ['empty', '---\n---\n\n# T\n', ''],
    ['after a byte order mark, with CRLF lines', '\uFEFF---\r\n# c\r\nversion: 1.0\r\n---\r\n# T\r\n', '# c\r\nversion: 1.0'],
    ['closed at the end of the text', '---\ntitle: x\n---', 'title: x']
  ])('reads front matter %s', (_, text, expected) => {
    expect(writtenFrontmatter(text, parseRunbook(text).runbook.frontmatter!)).toBe(expected)
  })
})
