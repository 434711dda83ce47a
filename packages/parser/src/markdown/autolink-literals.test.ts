import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {corpusFolder, examplesFolder, hasCorpus, markdownFiles, read, seedPath, sharedFolder} from '../test-util/files.js'
import {remarkAutolinkLiteralsWhereFound} from './autolink-literals.js'
import {remarkStrayTaskChecks} from './stray-task-checks.js'
import {markdownDocument} from './test-util/markdown-documents.js'

// remark-gfm as it comes, and with its transform run only where it can find an address: the trees must be
// the same, positions included. Both keep stray task boxes as text, as the front end does (the development
// build of remark-gfm, which Vitest loads, throws on them).
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).freeze()
const scoped = unified().use(remarkParse).use(remarkGfm).use(remarkStrayTaskChecks).use(remarkAutolinkLiteralsWhereFound).freeze()

/** Text around addresses: every form the transform takes, its near misses, and the places it must not look. */
const piece = fc.constantFrom(
  'www.example.com', 'WWW.Example.COM/a_b', 'www.a', 'www.', 'wwwx.a.b', 'http://a.b', 'HTTPS://x.y/z?q=1&r=(2)', 'https://a', 'ftp://a.b',
  'http:/a.b', 'ops@example.com', 'a+b.c@d-e.f', '@', 'a@b', 'x@y.z.', 'mailto:a@b.c', 'MAILTO:a@b.c', 'xmpp:a@b.c/d.e', 'xmpp:a@b',
  'foo:bar', '1:2', '&#64;', 'a&#64;b.c', '&#x77;ww.a.b', 'www&#46;a.b', '[www.a.b](https://c.d)', '[x@y.z][r]', '[r]', '![www.a.b](i.png)',
  '<https://a.b>', '<a@b.c>', '`www.a.b`', '*www.a.b*', '_x@y.z_', '**https://a.b**', '~~a@b.c~~', '(www.a.b)', '"www.a.b"', 'www.a.b.',
  '배포 www.a.b 확인', '담당자: ops@a.b', 'a', '한글', ' ', '\\', '|'
)
const address = fc.array(piece, {minLength: 1, maxLength: 6}).map((parts) => parts.join(' '))
const block = fc.oneof(
  address.map((text) => `${text}\n`),
  address.map((text) => `## ${text}\n`),
  address.map((text) => `${text}\n---\n`),
  address.map((text) => `- [ ] ${text}\n  - ${text}\n`),
  address.map((text) => `> ${text}\n`),
  address.map((text) => `| a | b |\n|---|---|\n| ${text} | ${text} |\n`),
  address.map((text) => `[r]: https://r.s\n[^1]: ${text}\n\n${text}[^1]\n`),
  address.map((text) => `[${text}](https://c.d) ${text}\n`),
  address.map((text) => '```\n' + text + '\n```\n'),
  address.map((text) => `<div>${text}</div>\n`)
)
const addressDocument = fc.array(block, {minLength: 1, maxLength: 8}).map((blocks) => blocks.join('\n'))

describe('remarkAutolinkLiteralsWhereFound', () => {
  test("takes the place of remark-gfm's transform", () => {
    const transforms = (processor: typeof reference) =>
      (processor.data('fromMarkdownExtensions') ?? []).flat().flatMap((extension) => extension.transforms ?? [])
    const before = transforms(reference)
    const after = transforms(scoped)
    expect(after).toHaveLength(before.length)
    expect(after.filter((transform) => !before.includes(transform))).toHaveLength(1)
  })

  test('gives the tree remark-gfm gives, on documents full of addresses', () => {
    fc.assert(
      fc.property(addressDocument, (text) => {
        expect(scoped.parse(text)).toEqual(reference.parse(text))
      }),
      {numRuns: 400}
    )
  })

  test('gives the tree remark-gfm gives, on generated runbooks', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        expect(scoped.parse(text)).toEqual(reference.parse(text))
      }),
      {numRuns: 300}
    )
  })

  test('finds the addresses, and leaves alone what is no address or sits in a link or code', () => {
    const tree = scoped.parse('see www.a.com and ops@a.com, [www.b.com](https://c.d) `www.e.f` foo:bar\n')
    const links = JSON.stringify(tree).match(/"url":"[^"]*"/g)
    expect(links).toEqual(['"url":"http://www.a.com"', '"url":"mailto:ops@a.com"', '"url":"https://c.d"'])
  })

  const files = [...markdownFiles(examplesFolder), ...(hasCorpus ? markdownFiles(corpusFolder) : []), ...(hasCorpus ? [seedPath] : [])]
  // The examples are in the repository; the corpus and the seed join them where ../shared is laid out.
  test('gives the tree remark-gfm gives on the examples, the corpus and the seed', () => {
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(scoped.parse(read(file)), file).toEqual(reference.parse(read(file)))
    if (hasCorpus) expect(files.some((file) => file.startsWith(sharedFolder))).toBe(true)
  })
})
