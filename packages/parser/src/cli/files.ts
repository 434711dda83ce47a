import {existsSync, readdirSync, realpathSync, statSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {isMarkdownPath} from '../parse/paths.js'
import {printable} from './printable.js'
import {stdinPath} from './read-input.js'
import {UsageError} from './usage-error.js'

/** Folders that hold no runbooks: dependencies and build output; hidden folders (`.git`, `.astro`) too. */
const skippedFolders = new Set(['node_modules', 'dist'])

export interface MarkdownFilesOptions {
  /** Absolute folders under the folder searched that hold no runbooks, such as a site's own output. */
  exclude?: readonly string[] | undefined
  /**
   * Told of each symbolic link the walk leaves out that would otherwise have been read (a link named as a
   * runbook, or to a folder), with its path as the found files are given and why; default: left out silently.
   */
  onLinkLeftOut?: ((path: string, why: LinkLeftOut) => void) | undefined
}

/**
 * Why a symbolic link is not followed: it leads nowhere (`broken`), its real path leaves the folder walked
 * (`outside`, as the site's links may not), or it leads back to a folder it is in (`loop`), whose runbooks
 * are found by their own paths.
 */
export type LinkLeftOut = 'broken' | 'outside' | 'loop'

/**
 * Every runbook file (`*.md`, `*.markdown`) under `dir`, recursively, as POSIX paths relative to it, sorted:
 * what `runsheet lint DIR`, `runsheet build DIR` and the site's loader all read.
 *
 * A symbolic link to a file or folder is followed when its real path lies inside `dir`, and found by the
 * link's path: a file reached by two paths is listed under both, as the site builds a page for each path.
 *
 * The folders are read one after another, without Node's thread pool: through it, a folder of 100
 * runbooks took 10–13 ms to walk, three times as long (real paths are the native ones, as `fs/promises`
 * gives them).
 */
export async function markdownFilesUnder(dir: string, options: MarkdownFilesOptions = {}): Promise<string[]> {
  const root = resolve(dir)
  const realRoot = realpathSync.native(root)
  const excluded = new Set((options.exclude ?? []).map((folder) => resolve(folder)))
  // A link's target is known by its real path: so are the excluded folders, when they exist.
  const excludedReal = new Set([...excluded].map((folder) => realPathOr(folder)))
  // A link does not open what the walk skips by name (`.private/`, `node_modules/`) under another name.
  const skippedOnTheWay = (real: string) => relative(realRoot, real).split(sep).some((part) => part.startsWith('.') || skippedFolders.has(part))
  const found: string[] = []
  const leftOut = (path: string, why: LinkLeftOut) => options.onLinkLeftOut?.(toPosix(relative(root, path)), why)
  const wanted = (name: string, path: string) => !name.startsWith('.') && !skippedFolders.has(name) && !excluded.has(path)
  // The real paths of the folders being walked, outermost first: a link to one of them would never end.
  const visit = (folder: string, walking: readonly string[]) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (wanted(entry.name, path)) visit(path, [...walking, join(walking.at(-1)!, entry.name)])
      } else if (entry.isFile()) {
        if (isMarkdownPath(entry.name)) found.push(toPosix(relative(root, path)))
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget(path, realRoot)
        if (typeof target === 'string') {
          if (isMarkdownPath(entry.name) || wanted(entry.name, path)) leftOut(path, target)
        } else if (skippedOnTheWay(target.real)) {
          continue
        } else if (target.folder) {
          if (!wanted(entry.name, path) || excludedReal.has(target.real)) continue
          if (walking.includes(target.real)) leftOut(path, 'loop')
          else visit(path, [...walking, target.real])
        } else if (isMarkdownPath(entry.name)) {
          found.push(toPosix(relative(root, path)))
        }
      }
    }
  }
  visit(root, [realRoot])
  return found.sort()
}

/** The real path of `path`, or `path` itself when it does not exist. */
function realPathOr(path: string): string {
  try {
    return realpathSync.native(path)
  } catch {
    return path
  }
}

/** Where a symbolic link leads, its links resolved: a file or folder inside `realRoot`, or why it is not followed. */
function linkTarget(path: string, realRoot: string): {real: string; folder: boolean} | 'broken' | 'outside' {
  let real: string
  let folder: boolean
  try {
    real = realpathSync.native(path)
    folder = statSync(real).isDirectory()
  } catch {
    return 'broken'
  }
  const from = relative(realRoot, real)
  const inside = from === '' || (from !== '..' && !from.startsWith(`..${sep}`) && !isAbsolute(from))
  return inside ? {real, folder} : 'outside'
}

/**
 * The runbook files of the given paths, sorted: a file as given (whatever its extension: the user named
 * it), a folder as {@link markdownFilesUnder} finds its files, joined to the folder. `onLinkLeftOut` is
 * told of the links left out under a folder, by their paths joined to it.
 */
export async function markdownFilesIn(paths: readonly string[], options: Pick<MarkdownFilesOptions, 'onLinkLeftOut'> = {}): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    if (path === stdinPath) {
      out.push(path)
      continue
    }
    let info
    try {
      info = await stat(path)
    } catch {
      throw new UsageError(`cannot read '${path}': no such file or folder`)
    }
    const onLinkLeftOut = options.onLinkLeftOut && ((file: string, why: LinkLeftOut) => options.onLinkLeftOut!(join(path, file), why))
    if (info.isDirectory()) {
      const files = await markdownFilesUnder(path, {onLinkLeftOut})
      // A mistyped folder in CI would pass unnoticed, with nothing checked.
      if (files.length === 0) throw new UsageError(`no markdown files (*.md) in '${path}'`)
      for (const file of files) out.push(join(path, file))
    } else out.push(path)
  }
  // A file named twice (`deploy.md ./deploy.md`, or in a folder also given) is one file, read once.
  const byFile = new Map<string, string>()
  for (const path of out) if (!byFile.has(resolve(path))) byFile.set(resolve(path), path)
  return [...byFile.values()].sort()
}

/** The warning line for a symbolic link a folder's walk left out (`MarkdownFilesOptions.onLinkLeftOut`). */
export function linkLeftOutWarning(path: string, why: LinkLeftOut): string {
  const reason = {broken: 'it leads nowhere', outside: 'it leads outside the folder', loop: 'it leads back to a folder it is in'}[why]
  return printable(`runsheet: warning: '${path}' is a symbolic link left out: ${reason}`)
}

/**
 * Parser options that resolve links against `root` on this file system. Standard input (`-`) has no path:
 * its links are resolved as those of a file in `root`.
 */
export function fileSystemOptions(file: string, root: string): {path?: string; root: string; exists: (path: string) => boolean} {
  const absoluteRoot = resolve(root)
  const exists = (path: string) => existsSync(join(absoluteRoot, ...path.split('/')))
  return file === stdinPath ? {root: '', exists} : {path: toPosix(relative(absoluteRoot, resolve(file))), root: '', exists}
}

/** The folder `--root` names, checked: a root that is not a folder would leave every link unresolved. */
export async function rootFolder(root: string | undefined): Promise<string> {
  if (root === undefined) return '.'
  const info = await stat(root).catch(() => undefined)
  if (!info?.isDirectory()) throw new UsageError(`--root takes a folder: no folder at '${root}'`)
  return root
}

export function toPosix(path: string): string {
  return path.split(sep).join('/')
}
