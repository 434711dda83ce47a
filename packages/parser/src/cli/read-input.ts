import {readFile, stat} from 'node:fs/promises'
import {UsageError} from './usage-error.js'

/** The text of a markdown file; a missing file, a folder, binary or non-UTF-8 content is a UsageError. */
export async function readMarkdownFile(path: string): Promise<{text: string; bytes: Uint8Array}> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(code === 'ENOENT' ? `cannot read '${path}': no such file` : `cannot read '${path}': ${code ?? error}`)
  }
  if (info.isDirectory()) throw new UsageError(`'${path}' is a folder: give a markdown file`)
  const bytes = new Uint8Array(await readFile(path))
  if (bytes.includes(0)) throw new UsageError(`'${path}' is a binary file, not markdown`)
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return {text, bytes}
  } catch {
    throw new UsageError(`'${path}' is not UTF-8 text: convert it first (e.g. iconv -f EUC-KR -t UTF-8)`)
  }
}
