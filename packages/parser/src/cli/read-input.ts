import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import {UsageError} from './usage-error.js'

/** A markdown file read, or one larger than the most to read: its size and digest, read as it streams. */
export type MarkdownFile = {text: string; bytes: Uint8Array; tooLarge?: undefined} | {tooLarge: {size: number; sha256: string}}

/** The path that names standard input (`runsheet parse -`), and how messages name it. */
export const stdinPath = '-'
export const stdinName = '<stdin>'

export interface ReadOptions {
  /** The most bytes to hold; a larger input is hashed as it streams instead. */
  maxBytes?: number
  /** What `-` reads (default: the process's standard input). */
  stdin?: AsyncIterable<Uint8Array | string> | undefined
}

/**
 * The text of a markdown file, or of standard input for `-`; a missing file, a folder, binary or
 * non-UTF-8 content is a UsageError. An input larger than `maxBytes` is not held: it is hashed as it
 * streams (`tooLargeRunbook` makes its result).
 */
export async function readMarkdownFile(path: string, options: ReadOptions = {}): Promise<MarkdownFile> {
  if (path === stdinPath) return markdownOf(stdinName, await readStream(options.stdin ?? process.stdin, options.maxBytes))
  const info = await stat(path).catch((error: unknown) => cannotRead(path, error))
  if (info.isDirectory()) throw new UsageError(`'${path}' is a folder: give a markdown file`)
  // A pipe or a device (`<(cmd)`, `/dev/stdin`, `/dev/zero`) has no size to check first, and may never end.
  if (!info.isFile()) return markdownOf(path, await readUpTo(path, options.maxBytes))
  if (options.maxBytes !== undefined && info.size > options.maxBytes) {
    return {tooLarge: {size: info.size, sha256: await streamedSha256(path).catch((error: unknown) => cannotRead(path, error))}}
  }
  // A file that stats but cannot be read (EACCES, EIO: `/proc/self/mem`) is the user's input, not a bug.
  return markdownOf(path, new Uint8Array(await readFile(path).catch((error: unknown) => cannotRead(path, error))))
}

/** The bytes of a stream, or, past `maxBytes`, its size and digest: the rest is hashed, not held. */
async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes = Infinity): Promise<Uint8Array | {size: number; sha256: string}> {
  const hash = createHash('sha256')
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    hash.update(bytes)
    size += bytes.length
    if (size <= maxBytes) chunks.push(bytes)
    else chunks.length = 0
  }
  return size > maxBytes ? {size, sha256: hash.digest('hex')} : new Uint8Array(Buffer.concat(chunks))
}

/**
 * The bytes of a file that is no regular file, read as they come; past `maxBytes`, reading stops and the
 * input is refused, as its end may never come.
 */
async function readUpTo(path: string, maxBytes = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  const stream = createReadStream(path)
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length
      if (size > maxBytes) throw new UsageError(`'${path}' is larger than the most to read (${maxBytes} bytes, --max-size), and is no regular file to measure first: nothing was parsed`)
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    cannotRead(path, error)
  } finally {
    stream.destroy()
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** What was read, as markdown: UTF-16, binary and non-UTF-8 bytes refused, with `name` in the message. */
function markdownOf(name: string, read: Uint8Array | {size: number; sha256: string}): MarkdownFile {
  if (!(read instanceof Uint8Array)) return {tooLarge: read}
  const bytes = read
  const utf16 = utf16Of(bytes)
  if (utf16) throw new UsageError(`'${name}' is ${utf16} text, not UTF-8: convert it first (e.g. iconv -f ${utf16} -t UTF-8)`)
  if (bytes.includes(0)) throw new UsageError(`'${name}' is a binary file, not markdown`)
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return {text, bytes}
  } catch {
    throw new UsageError(`'${name}' is not UTF-8 text: convert it first (e.g. iconv -f EUC-KR -t UTF-8)`)
  }
}

/** A file system error while reading `path`, as the one-line UsageError the CLI prints. */
function cannotRead(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') throw new UsageError(`cannot read '${path}': no such file`)
  throw new UsageError(`cannot read '${path}': ${code ?? (error instanceof Error ? error.message : String(error))}`)
}

/** The SHA-256 of a file, read a chunk at a time: a file of any size, never held whole. */
export async function streamedSha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * `UTF-16LE` or `UTF-16BE` when the bytes are UTF-16 text (Windows editors save so): by the byte order mark,
 * or, without one, by the zero byte that every other position of mostly-ASCII UTF-16 text holds.
 */
function utf16Of(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  const sample = bytes.subarray(0, 1024 - (Math.min(bytes.length, 1024) % 2))
  if (sample.length < 4) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++
    if (sample[index + 1] === 0) oddZeros++
  }
  const pairs = sample.length / 2
  if (oddZeros >= pairs * 0.9 && evenZeros === 0) return 'UTF-16LE'
  if (evenZeros >= pairs * 0.9 && oddZeros === 0) return 'UTF-16BE'
  return undefined
}
