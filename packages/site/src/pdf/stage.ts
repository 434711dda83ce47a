import {copyFileSync, readdirSync, statSync, symlinkSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {isMarkdownPath} from '@runsheet/parser'
import {UsageError} from '@runsheet/parser/cli-kit'
import {scratchFolder} from '../cli/scratch.js'

/** The folder a print is built from, and which of its runbooks to print. */
export interface Staged {
  /** The folder of runbooks the site is built from. */
  dir: string
  /** One runbook's path in `dir` (a FILE was given), or undefined for every runbook (a DIR). */
  only?: string
  /** The folder the runbook's links may reach: FILE's own folder, which `dir` links to. */
  linksWithin?: string
  /** FILE's own name, when its copy in `dir` is named otherwise (`seed.txt`, staged as `seed.md`). */
  shownAs?: string
  remove(): void
}

/**
 * Prepares FILE or DIR for the site build. A folder is built as it is. A single file is built alone, so the
 * print does not wait for its neighbours: it is copied into a scratch folder beside links to everything
 * else in its folder, so its links to files (scripts, other runbooks) still resolve, and print as the
 * paths they point at, while the site holds just this one runbook (linked entries are never collected).
 * A file named on the command line is a runbook whatever its extension (the reference seed is a `.txt`);
 * its copy is named `*.md` unless it is a runbook file already, which is what the site collects.
 */
export function stage(input: string): Staged {
  const path = resolve(input)
  let info
  try {
    info = statSync(path)
  } catch {
    throw new UsageError(`no file or folder at '${input}'`)
  }
  if (info.isDirectory()) return {dir: path, remove() {}}
  if (!info.isFile()) throw new UsageError(`'${input}' is not a file or a folder`)
  const scratch = scratchFolder('pdf-source')
  const folder = dirname(path)
  const name = isMarkdownPath(path) ? basename(path) : `${basename(path).replace(/\.[^.]*$/, '')}.md`
  for (const entry of readdirSync(folder)) {
    if (entry === basename(path) || entry === name) continue
    symlinkSync(join(folder, entry), join(scratch.path, entry))
  }
  copyFileSync(path, join(scratch.path, name))
  return {dir: scratch.path, only: name, linksWithin: folder, ...(name === basename(path) ? {} : {shownAs: basename(path)}), remove: scratch.remove}
}
