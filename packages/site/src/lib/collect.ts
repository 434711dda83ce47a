import {existsSync, statSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {parseRunbook, type ParseOptions, type Runbook} from '@runsheet/parser'
import {markdownFilesUnder} from '@runsheet/parser/cli-kit'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** One runbook read from disk: its model, its path under the folder and the parser's messages. */
export interface LoadedRunbook {
  /** POSIX path relative to the folder: `docs/guide.ko.md`. */
  path: string
  runbook: Runbook
  messages: VFileMessage[]
}

export interface CollectOptions {
  /** Extra parse options (keywords, a forced language). `path`, `root` and `exists` are set here. */
  parse?: Omit<ParseOptions, 'path' | 'root' | 'exists'>
  /** Absolute folders under the runbook folder that hold no runbooks, such as the site's own output. */
  exclude?: readonly string[]
}

/**
 * Reads and parses every runbook under `dir`. Links are resolved against `dir`, so each gets
 * `target.resolved` and `target.exists`, and translations are found from sibling files.
 */
export async function collectRunbooks(dir: string, options: CollectOptions = {}): Promise<LoadedRunbook[]> {
  const root = resolve(dir)
  const files = await markdownFilesUnder(root, {exclude: options.exclude})
  const exists = existsIn(root)
  return Promise.all(
    files.map(async (path) => {
      const value = await readFile(join(root, path))
      const file = new VFile({path, value})
      const {runbook, messages} = parseRunbook(file, {...options.parse, path, root: '', exists})
      return {path, runbook, messages}
    })
  )
}

/** A memoised check of whether a POSIX path relative to `root` exists (files or folders). */
export function existsIn(root: string): (path: string) => boolean {
  const cache = new Map<string, boolean>()
  return (path) => {
    let known = cache.get(path)
    if (known === undefined) {
      known = path === '' || (!path.split('/').includes('..') && existsSync(join(root, ...path.split('/'))))
      cache.set(path, known)
    }
    return known
  }
}

/** Whether `dir` is an existing folder. */
export function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}
