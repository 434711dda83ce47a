import {existsSync} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {UsageError} from './read-input.js'

const ignored = new Set(['node_modules', '.git', 'dist', '.astro'])

/** Every markdown file under the given files and folders, folders walked recursively, sorted. */
export async function markdownFilesIn(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch {
      throw new UsageError(`cannot read '${path}': no such file or folder`)
    }
    if (!info.isDirectory()) {
      out.push(path)
      continue
    }
    const entries = await readdir(path, {recursive: true, withFileTypes: true})
    for (const entry of entries) {
      const full = join(entry.parentPath, entry.name)
      if (!entry.isFile() || !/\.(?:md|markdown)$/i.test(entry.name)) continue
      if (relative(path, full).split(sep).some((part) => ignored.has(part))) continue
      out.push(full)
    }
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
