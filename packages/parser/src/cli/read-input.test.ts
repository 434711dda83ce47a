import {createHash} from 'node:crypto'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, expect, test} from 'vitest'
import {readMarkdownFile} from './read-input.js'

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
