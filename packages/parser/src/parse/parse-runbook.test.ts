import {createHash} from 'node:crypto'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {mdastFromMarkdown} from '../markdown/from-markdown.js'
import {positionsInOrder} from '../model/positions-in-order.js'
import {itemsOf} from '../model/walk.js'
import {runbookSchema} from '../schema/runbook.js'
import {withoutPositions} from '../test-util/files.js'
import {parseRunbook, runbookFromMdast, tooLargeRunbook} from './parse-runbook.js'

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

describe('source', () => {
  test('sha256 of the UTF-8 bytes of a string, and the path given', () => {
    const source = '# 배포 체크리스트\n\n- [ ] 확인 ✓\n'
    const {runbook} = parseRunbook(source, {path: 'runbooks/deploy.ko.md'})
    expect(runbook.source).toEqual({path: 'runbooks/deploy.ko.md', sha256: sha256(Buffer.from(source, 'utf8'))})
  })

  test('sha256 of the exact bytes of a VFile, a byte-order mark included; the path from the file', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('# 배포\n', 'utf8')])
    const {runbook} = parseRunbook(new VFile({path: 'a/b.md', value: bytes}))
    expect(runbook.source).toEqual({path: 'a/b.md', sha256: sha256(bytes)})
    expect(runbook.source.sha256).not.toBe(sha256('# 배포\n'))
    expect(runbook.title).toBe('배포')
  })

  test('a text with a byte order mark (as readFileSync gives it) reads as its bytes do: the same digest, positions and words', async () => {
    const {satteriFrontEnd} = await import('../markdown/satteri.js')
    const satteri = await import('satteri' as string).catch(() => undefined)
    const text = '\uFEFF# 배포\n\n- [ ] [가이드](guide.md) 확인\n\n' + '>'.repeat(330) + ' keep every word\n'
    const bytes = new TextEncoder().encode(text)
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    const fromBytes = parseRunbook(new VFile({value: bytes}))
    const fronts = [undefined, ...(satteri ? [satteriFrontEnd(satteri)] : [])]
    for (const frontEnd of fronts) {
      const fromText = parseRunbook(text, frontEnd ? {frontEnd} : {})
      expect(fromText.runbook.source.sha256).toBe(sha256(bytes))
      // satteri writes a point's keys in another order: compared as remark writes them.
      expect(JSON.stringify(fromText.runbook, positionsInOrder)).toBe(JSON.stringify(fromBytes.runbook, positionsInOrder))
      expect(JSON.stringify(fromText.runbook)).toContain('keep every word')
      expect(JSON.stringify(fromText.runbook)).toContain('"form":"inline"')
    }
  })

  test('no path: null', () => {
    expect(parseRunbook('x').runbook.source.path).toBeNull()
  })

  test('one changed character changes the hash', () => {
    expect(parseRunbook('- [ ] a\n').runbook.source.sha256).not.toBe(parseRunbook('- [x] a\n').runbook.source.sha256)
  })
})

describe('parseRunbook', () => {
  test('the root is a `runbook` node spanning the source', () => {
    const source = '# T\n\n텍스트\n'
    const {runbook} = parseRunbook(source)
    expect(runbook.type).toBe('runbook')
    expect(runbook.position).toEqual({start: {line: 1, column: 1, offset: 0}, end: {line: 4, column: 1, offset: source.length}})
  })

  test('messages are the file’s messages', () => {
    const {messages, file} = parseRunbook('## S\n')
    expect(messages).toBe(file.messages)
    expect(messages.map((message) => message.ruleId)).toEqual(['empty-section'])
  })

  test('bytes that are not UTF-8 are a fatal message, not an exception', () => {
    const {runbook, messages} = parseRunbook(new VFile({value: new Uint8Array([0x23, 0x20, 0xbf, 0xec, 0x0a])}))
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['encoding', true]])
    expect(runbook.title).toBe('\uFFFD\uFFFD')
  })

  test('the encoding message is at the first byte that is not UTF-8, a byte order mark and Hangul before it counted', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# 제목\n\n배포 '), 0xbf, 0xec, 0x0a])
    const [message] = parseRunbook(new VFile({value: bytes})).messages
    expect([message?.ruleId, message?.line, message?.column, message?.place]).toEqual(['encoding', 3, 4, {line: 3, column: 4, offset: 9}])
  })

  test('an empty path is no path, not an exception', () => {
    expect(parseRunbook('# T\n', {path: ''}).runbook.source.path).toBeNull()
  })

  test('broken front matter is a fatal message; the rest is read', () => {
    const {runbook, messages} = parseRunbook('---\ntitle: [\n---\n\n# 제목\n')
    expect(messages.map((message) => [message.ruleId, message.fatal, message.line])).toEqual([['frontmatter', true, 2]])
    expect(runbook).toMatchObject({frontmatter: null, title: '제목'})
  })

  test('an alias with no anchor in front matter is a fatal message, not an exception', () => {
    const {runbook, messages} = parseRunbook('---\n*기울임*\n---\n\n# 제목\n')
    expect(messages.map((message) => [message.ruleId, message.fatal, message.line, message.reason])).toEqual([
      ['frontmatter', true, 2, 'Front matter uses `*기울임*` where no anchor `&기울임*` is set before it']
    ])
    expect(runbook).toMatchObject({frontmatter: null, title: '제목'})
  })

  test('front matter that is not a mapping is a fatal message', () => {
    const {runbook, messages} = parseRunbook('---\n- a\n- b\n---\n\n# 제목\n')
    expect(messages.map((message) => message.ruleId)).toEqual(['frontmatter'])
    expect(runbook.frontmatter).toBeNull()
  })

  test.each([
    '',
    '\n\n\n',
    '\0\0',
    '\uD800 lone surrogate',
    '#',
    '- [ ]',
    '- [x]\n  - [ ]\n    - [ ]',
    '| a |\n|---|',
    '|',
    '> [!NOTE]',
    '>>>>>>>>>> [!WARNING]',
    '!!! warning\n',
    '!!! warning\n\n    ',
    '---\n---',
    '---\n: [\n---',
    '[a]: <>',
    '[x][]',
    '**:** ____',
    '**a**:\n**b**:',
    '[ ] [ ]',
    '___',
    '_____ _____',
    '1. [ ] a\n0. [ ] b\n99999999. [ ] c',
    '# 🚀\n## 🚀\n### ️',
    '- '.repeat(200) + 'deep',
    '> '.repeat(200) + 'quote',
    '`'.repeat(1000),
    '<div>\n- [ ] in html\n</div>',
    '[^1]\n\n[^1]: - [ ] a',
    '```\nunclosed'
  ])('never throws and always validates: %j', (source) => {
    const {runbook} = parseRunbook(source)
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
  })
})

describe('runbookFromMdast', () => {
  test('builds the same model from a tree and its source as parseRunbook from the text', () => {
    const source = '# T\n\n## 배포\n\n- [ ] 빌드\n  ```sh\n  make\n  ```\n\n**배포자**: ____ **날짜**: ____\n'
    expect(withoutPositions(runbookFromMdast(mdastFromMarkdown(source), source))).toEqual(withoutPositions(parseRunbook(source).runbook))
  })
})

describe('the keywords option', () => {
  test('extends field keys, optional markers and contact columns', () => {
    const source = '## S\n\n**Ticket**: OPS-1\n\n- [ ] 캐시 비우기 (재량)\n\n| Rolle | Name | Telefon |\n|---|---|---|\n| Lead | Kim | 1 |\n'
    const plain = parseRunbook(source).runbook
    const extended = parseRunbook(source, {
      keywords: {fieldKeys: {ticket: ['ticket']}, optionalMarkers: ['재량'], contactColumns: {role: ['rolle'], name: [], contact: ['telefon'], escalation: []}}
    }).runbook
    const summary = (runbook: typeof plain) => {
      const [section] = runbook.children
      const blocks = section?.type === 'section' ? section.children : []
      return {
        key: blocks[0]?.type === 'field' ? blocks[0].key : undefined,
        optional: itemsOf(runbook)[0]?.optional,
        table: blocks[2]?.type === 'table' ? blocks[2].kind : undefined
      }
    }
    expect(summary(plain)).toEqual({key: null, optional: false, table: 'generic'})
    expect(summary(extended)).toEqual({key: 'ticket', optional: true, table: 'contacts'})
  })
  // Tests run under the `development` condition, where every model is checked against its schema.
  test('a vocabulary that makes the model break its schema is an assertion error saying where, not a silent model', () => {
    const read = () => parseRunbook('!!! aside "Note"\n    Body\n', {keywords: {admonitionKinds: {aside: 'sidebar' as never}}})
    expect(read).toThrow(/^The model does not match its schema:\n✖ Invalid option: expected one of .*\n {2}→ at children\[0\]\.kind$/)
  })
})

describe('maxBytes', () => {
  const big = '# 배포\n\n- [ ] 확인\n'.repeat(100)

  test('a file larger than the limit is not read: an empty model and one fatal message at 1:1', () => {
    const {runbook, messages} = parseRunbook(big, {maxBytes: 1000, path: 'runbooks/big.md'})
    expect(messages.map((message) => [message.line, message.column, message.fatal, message.source, message.ruleId])).toEqual([
      [1, 1, true, 'runsheet', 'too-large']
    ])
    expect(messages[0]!.reason).toBe(
      `The file is ${Buffer.byteLength(big)} bytes, more than the 1000 allowed (maxBytes, --max-size): not read`
    )
    expect(runbook.children).toEqual([])
    expect(runbook.title).toBe('big')
    expect(runbook.source).toEqual({path: 'runbooks/big.md', sha256: sha256(big)})
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
  })

  test('tooLargeRunbook gives what parseRunbook gives a file too large, from its size and digest alone', () => {
    const options = {maxBytes: 1000, path: 'runbooks/big.md'}
    const read = parseRunbook(new VFile({path: 'runbooks/big.md', value: big}), options)
    const unread = tooLargeRunbook(new VFile({path: 'runbooks/big.md'}), {size: Buffer.byteLength(big), sha256: sha256(big)}, options)
    expect(unread.runbook).toEqual(read.runbook)
    expect(unread.messages.map(String)).toEqual(read.messages.map(String))
  })

  test('counts UTF-8 bytes, not characters, of strings and of bytes, and a file at the limit is read', () => {
    const hangul = '가'.repeat(400) // 400 characters, 1200 bytes
    expect(parseRunbook(hangul, {maxBytes: 1199}).messages.map((message) => message.ruleId)).toEqual(['too-large'])
    expect(parseRunbook(hangul, {maxBytes: 1200}).messages).toEqual([])
    const emoji = '🚀'.repeat(300) // 600 UTF-16 units, 1200 bytes
    expect(parseRunbook(emoji, {maxBytes: 1199}).messages.map((message) => message.ruleId)).toEqual(['too-large'])
    expect(parseRunbook(emoji, {maxBytes: 1200}).messages).toEqual([])
    const bytes = new TextEncoder().encode(hangul)
    expect(parseRunbook(new VFile({value: bytes}), {maxBytes: 1199}).messages[0]?.ruleId).toBe('too-large')
    expect(parseRunbook(new VFile({value: bytes}), {maxBytes: 1200}).runbook.children).toHaveLength(1)
  })

  test('the default is 5 MB', async () => {
    const {defaultMaxBytes} = await import('./options.js')
    expect(defaultMaxBytes).toBe(5_000_000)
    const justOver = 'a'.repeat(5_000_001)
    const {messages} = parseRunbook(justOver)
    expect(messages.map((message) => message.ruleId)).toEqual(['too-large'])
  })
})
