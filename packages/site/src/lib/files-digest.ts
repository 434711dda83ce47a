/**
 * A digest of files under a folder, their paths and bytes: how a build names the code it parses and renders
 * with (`installedParserDigest`, `codeDigest`), some 250 files whose reading cost every build 7–10 ms. The
 * digest is remembered by what the file system says of each file (size, times, inode), so that the files
 * are read again only once one changed; or when one changed in the last seconds, where a second change
 * could keep the same time and size (git's "racily clean" files).
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {threadId} from 'node:worker_threads'
import {scratchRoot} from './scratch-root.js'

/** Where the digests of this package's code and the parser's are remembered, with what the commands keep. */
export const digestMemo = join(scratchRoot, 'digests.json')

/** How recent a change is read again next time: file systems keep times to 2 s at the coarsest (FAT). */
const racyMs = 2000

/** How many digests the memo keeps: one per folder and state of it, a few installs of the package at most. */
const memoSize = 16

/** Part of what the memo is keyed by: a digest made another way is not taken for this one. */
const memoFormat = 1

/** The digest of the files under `folder` (all its subfolders) whose names are `wanted`, as `digestOfFiles` makes it. */
export function digestOfFolder(folder: string, wanted: (name: string) => boolean, memo?: string): string {
  const files = readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
  return digestOfFiles(folder, files, memo)
}

/** The digest of `files` (paths relative to `folder`, in their order), remembered in the JSON file `memo` when given. */
export function digestOfFiles(folder: string, files: readonly string[], memo?: string, now = Date.now()): string {
  const stats = files.map((file) => statSync(join(folder, file)))
  const settled = stats.every((stat) => now - Math.max(stat.mtimeMs, stat.ctimeMs) > racyMs)
  const seen = sha256(JSON.stringify([memoFormat, folder, files.map((file, at) => [file, stats[at]!.size, stats[at]!.mtimeMs, stats[at]!.ctimeMs, stats[at]!.ino])]))
  const known = memo && settled ? memoOf(memo) : undefined
  const remembered = known?.get(seen)
  if (remembered) return remembered
  const hash = createHash('sha256')
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(folder, file)))
  const digest = hash.digest('hex')
  if (memo && known) {
    known.delete(seen)
    known.set(seen, digest)
    keep(memo, [...known].slice(-memoSize))
  }
  return digest
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The memo's digests by what was seen of the files; none when it is missing or unreadable. */
function memoOf(memo: string): Map<string, string> {
  try {
    const entries = JSON.parse(readFileSync(memo, 'utf8')) as unknown
    if (Array.isArray(entries)) return new Map(entries.filter((entry): entry is [string, string] => Array.isArray(entry) && entry.every((part) => typeof part === 'string')))
  } catch {
    // Made anew.
  }
  return new Map()
}

/** Writes the memo whole or not at all: another build, or another thread, may read it meanwhile. */
function keep(memo: string, entries: [string, string][]): void {
  const aside = `${memo}.${process.pid}-${threadId}`
  try {
    mkdirSync(dirname(memo), {recursive: true})
    writeFileSync(aside, JSON.stringify(entries))
    renameSync(aside, memo)
  } catch {
    // A folder that cannot be written only costs the next build the reading.
    rmSync(aside, {force: true})
  }
}
