import {copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join, resolve} from 'node:path'
import {UsageError} from '../cli/errors.js'

/** The folder a print is built from, and which of its runbooks to print. */
export interface Staged {
  /** The folder of runbooks the site is built from. */
  dir: string
  /** One runbook's path in `dir` (a FILE was given), or undefined for every runbook (a DIR). */
  only?: string
  cleanup(): void
}

/**
 * Prepares FILE or DIR for the site build. A folder is built as it is. A single file is built alone, so the
 * print does not wait for its neighbours: it is copied into a scratch folder beside links to everything
 * else in its folder, so its links to files (scripts, other runbooks) still resolve, and print as the
 * paths they point at, while the site holds just this one runbook (linked entries are never collected).
 */
export function stage(input: string): Staged {
  const path = resolve(input)
  let info
  try {
    info = statSync(path)
  } catch {
    throw new UsageError(`no file or folder at '${input}'`)
  }
  if (info.isDirectory()) return {dir: path, cleanup() {}}
  if (!/\.(?:md|markdown)$/i.test(path)) throw new UsageError(`'${input}' is not a markdown file (*.md)`)
  const scratch = mkdtempSync(join(tmpdir(), 'runsheet-pdf-src-'))
  const folder = dirname(path)
  const name = basename(path).replace(/\.markdown$/i, '.md')
  for (const entry of readdirSync(folder)) {
    if (entry === basename(path) || entry === name) continue
    symlinkSync(join(folder, entry), join(scratch, entry))
  }
  copyFileSync(path, join(scratch, name))
  return {dir: scratch, only: name, cleanup: () => rmSync(scratch, {recursive: true, force: true})}
}
