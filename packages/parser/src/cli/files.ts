import {existsSync} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {isMarkdownPath} from '../parse/paths.js'
import {UsageError} from './usage-error.js'

/** Folders that hold no runbooks: dependencies and build output; hidden folders (`.git`, `.astro`) too. */
const skippedFolders = new Set(['node_modules', 'dist'])

export interface MarkdownFilesOptions {
  /** Absolute folders under the folder searched that hold no runbooks, such as a site's own output. */
  exclude?: readonly string[] | undefined
}

/**
 * Every runbook file (`*.md`, `*.markdown`) under `dir`, recursively, as POSIX paths relative to it, sorted:
 * what `runsheet lint DIR`, `runsheet build DIR` and the site's loader all read.
 */
export async function markdownFilesUnder(dir: string, options: MarkdownFilesOptions = {}): Promise<string[]> {
  const root = resolve(dir)
  const excluded = new Set((options.exclude ?? []).map((folder) => resolve(folder)))
  const found: string[] = []
  const visit = async (folder: string) => {
    for (const entry of await readdir(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name) && !excluded.has(path)) await visit(path)
      } else if (entry.isFile() && isMarkdownPath(entry.name)) {
        found.push(toPosix(relative(root, path)))
      }
    }
  }
  await visit(root)
  return found.sort()
}

/**
 * The runbook files of the given paths, sorted: a file as given (whatever its extension: the user named
 * it), a folder as {@link markdownFilesUnder} finds its files, joined to the folder.
 */
export async function markdownFilesIn(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch {
      throw new UsageError(`cannot read '${path}': no such file or folder`)
    }
    if (info.isDirectory()) for (const file of await markdownFilesUnder(path)) out.push(join(path, file))
    else out.push(path)
  }
  return [...new Set(out)].sort()
}

/** Parser options that resolve links against `root` on this file system. */
export function fileSystemOptions(file: string, root: string) {
  const absoluteRoot = resolve(root)
  return {
    path: toPosix(relative(absoluteRoot, resolve(file))),
    root: '',
    exists: (path: string) => existsSync(join(absoluteRoot, ...path.split('/')))
  }
}

export function toPosix(path: string): string {
  return path.split(sep).join('/')
}
