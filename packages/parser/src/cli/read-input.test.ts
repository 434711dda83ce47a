import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, expect, test, vi} from 'vitest'
import {main} from './main.js'
import {readMarkdownFile} from './read-input.js'

// A file that stats but cannot be read, whoever runs the tests (root reads a chmod 000 file): EACCES for
// any file named `denied*.md`, the real read otherwise.
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>()
  const denied = (path: unknown) => /denied[^/\\]*\.md$/.test(String(path))
  return {
    ...fs,
    readFile: (async (path: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
      if (denied(path)) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), {code: 'EACCES'})
      return (fs.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest)
    }) as typeof fs.readFile
  }
})

const dir = mkdtempSync(join(tmpdir(), 'runsheet-read-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

const text = '# 배포\n\n- [ ] Build\n'
const utf16le = (withBom: boolean) => Buffer.concat([withBom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')])
const utf16be = () => {
  const le = Buffer.from(text, 'utf16le')
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.swap16())])
}

test('UTF-16 is named as UTF-16, with or without a byte order mark, not called binary', async () => {
  await expect(readMarkdownFile(file('le.md', utf16le(true)))).rejects.toThrow(/is UTF-16LE text, not UTF-8: convert it first \(e\.g\. iconv -f UTF-16LE -t UTF-8\)$/)
  await expect(readMarkdownFile(file('be.md', utf16be()))).rejects.toThrow(/is UTF-16BE text, not UTF-8/)
  await expect(readMarkdownFile(file('plain-le.md', Buffer.from('# Deploy\n\n- [ ] Build the image\n', 'utf16le')))).rejects.toThrow(/is UTF-16LE text/)
})

test('binary stays binary, and UTF-8 is read', async () => {
  await expect(readMarkdownFile(file('bin.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48])))).rejects.toThrow(/is a binary file, not markdown$/)
  expect(await readMarkdownFile(file('ok.md', text))).toMatchObject({text})
})

test('a file larger than maxBytes is not read but hashed as it streams: its size and digest', async () => {
  const path = file('big.md', text)
  const size = Buffer.byteLength(text)
  expect(await readMarkdownFile(path, {maxBytes: size - 1})).toEqual({tooLarge: {size, sha256: createHash('sha256').update(text).digest('hex')}})
  expect(await readMarkdownFile(path, {maxBytes: size})).toMatchObject({text})
})

test('a file that cannot be read is a one-line error naming it, not an unexpected failure', async () => {
  const path = file('denied.md', text)
  await expect(readMarkdownFile(path)).rejects.toThrow(new RegExp(`^cannot read '${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': EACCES$`))
  const err: string[] = []
  const code = await main(['parse', path], {stdout: () => {}, stderr: (line) => err.push(line)})
  expect({code, err}).toEqual({code: 2, err: [`runsheet: cannot read '${path}': EACCES`]})
})

test('lint reports an unreadable file as that file\'s read error and still checks the others', async () => {
  const denied = file('denied-lint.md', text)
  const warned = file('warned.md', '# Deploy\n\n## Steps\n\n- [ ] Check\n- [ ] Check\n')
  const err: string[] = []
  const code = await main(['lint', denied, warned], {stdout: (line) => err.push(line), stderr: (line) => err.push(line)})
  const output = err.join('\n')
  expect(code).toBe(1)
  expect(output).toMatch(new RegExp(`denied-lint\\.md.*cannot read .*EACCES.*runsheet:read`))
  expect(output).toMatch(/warned\.md:\d+:\d+/)
})

test('a device or a pipe, which has no size to check first, is read up to the limit and refused past it, never held whole', async () => {
  await expect(readMarkdownFile('/dev/zero', {maxBytes: 1000})).rejects.toThrow("'/dev/zero' is larger than the most to read (1000 bytes, --max-size), and is no regular file to measure first: nothing was parsed")
  const fifo = join(dir, 'pipe.md')
  execFileSync('mkfifo', [fifo])
  const writing = new Promise<void>((resolve) => setTimeout(() => {
    writeFileSync(fifo, '# Piped\n\n- [ ] Step\n')
    resolve()
  }, 50))
  const read = await readMarkdownFile(fifo, {maxBytes: 1000})
  await writing
  expect(read.tooLarge === undefined && read.text).toBe('# Piped\n\n- [ ] Step\n')
})
