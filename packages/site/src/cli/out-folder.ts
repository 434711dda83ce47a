import {cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, parse as parsePath, relative, resolve, sep} from 'node:path'
import {UsageError} from '@runsheet/parser/cli-kit'

/**
 * The file `runsheet build` leaves in its output folder, so that the next build knows the folder is its own
 * to replace. A folder without it that holds anything is the user's, and is not emptied without `--force`.
 */
export const builtMarker = '.runsheet-site'

/** What a build may do with its output folder, decided before anything is written or deleted. */
export interface OutPlan {
  /** The output folder, absolute, as given (links not resolved). */
  out: string
  /** The output folder as the runbook folder sees it, when it is inside it: not a source of runbooks. */
  exclude?: string
}

/**
 * Refuses an output folder whose replacement would lose files Runsheet did not make: a filesystem root, the
 * runbook folder or one above it, the current folder or one above it (paths compared after resolving
 * links), a file, or a non-empty folder that no earlier build left (unless `force`).
 */
export function planOut(outArg: string, dir: string, force: boolean): OutPlan {
  const out = resolve(outArg)
  const realOut = realPathOf(out)
  const realDir = realPathOf(dir)
  const shown = `--out '${outArg}'`
  if (parsePath(realOut).root === realOut) throw new UsageError(`${shown} is the root of a file system: choose a folder of its own for the site`)
  if (isInside(realDir, realOut)) {
    const what = realDir === realOut ? 'is the runbook folder' : 'holds the runbook folder'
    throw new UsageError(`${shown} ${what}: building would replace the runbooks; choose a folder of its own, such as dist`)
  }
  if (isInside(realPathOf(process.cwd()), realOut)) throw new UsageError(`${shown} holds the current folder: building would replace it`)
  if (existsSync(out)) {
    if (!lstatSync(realOut).isDirectory()) throw new UsageError(`${shown} is a file, not a folder`)
    const foreign = readdirSync(realOut).filter((name) => name !== '.git')
    if (foreign.length > 0 && !foreign.includes(builtMarker) && !force) {
      throw new UsageError(`${shown} holds files that runsheet build did not make (${listed(foreign)}): choose an empty folder, or add --force to replace them`)
    }
  }
  const plan: OutPlan = {out}
  if (isInside(realOut, realDir)) plan.exclude = join(resolve(dir), relative(realDir, realOut))
  return plan
}

/** What the output folder keeps of the previous site when the built one replaces it. */
export interface Replacement {
  /**
   * Files of the previous site (relative, POSIX) that belong to the new one as they are: a rebuild's reused
   * pages and search parts, never written into the built folder. Left in place, not moved twice.
   */
  keep?: ((file: string) => boolean) | undefined
  /** The build's id, for the marker (a build that keeps a record of itself). */
  id?: string | undefined
}

/**
 * Makes the output folder hold the built site and nothing else: the built files moved in (folders the
 * previous site lacks moved whole), the files `keep` names left, every other file removed, but a `.git`
 * folder (a deploy branch checked out there). A rebuild thus touches the few files it rendered, not the
 * whole site. The marker names the build only once all is done: a replacement cut short leaves a folder
 * that is still the builds' own, but that no build takes pages from.
 */
export function replaceWithSite(out: string, site: string, replacement: Replacement = {}): void {
  mkdirSync(out, {recursive: true})
  mark(out)
  removeOthers(out, site, '', replacement.keep ?? (() => false))
  moveTreeInto(site, out)
  mark(out, replacement.id)
}

/** Writes the marker, naming the build when given; a marker that is a link or a folder is replaced, never written through. */
function mark(out: string, id?: string): void {
  const marker = join(out, builtMarker)
  rmSync(marker, {recursive: true, force: true})
  const built = id ? `build ${id}\n` : ''
  writeFileSync(marker, `Built by \`runsheet build\`: the next build replaces everything in this folder but .git.\n${built}`)
}

/**
 * Removes what `folder` (the output folder at `prefix`) holds that is neither built at the same place in
 * `built` (the built site's folder there, if it has one) nor kept. Names are compared as written, not as
 * the file system matches them: on a case-insensitive one, `Deploy/` is not the `deploy/` built now.
 */
function removeOthers(folder: string, built: string | undefined, prefix: string, keep: (file: string) => boolean): number {
  const builtKinds = kindsIn(built)
  const entries = readdirSync(folder, {withFileTypes: true})
  // What is left in the folder, counted as it is cleared rather than read again.
  let left = entries.length
  for (const entry of entries) {
    const file = prefix + entry.name
    if (file === '.git' || file === builtMarker) continue
    const path = join(folder, entry.name)
    const kind = builtKinds.get(entry.name)
    if (entry.isDirectory()) {
      if (kind === 'file') {
        rmSync(path, {recursive: true, force: true})
        left--
      } else if (removeOthers(path, kind === 'folder' ? join(built!, entry.name) : undefined, `${file}/`, keep) === 0) {
        rmSync(path, {recursive: true})
        left--
      }
    } else if (!keep(file) && kind !== 'file') {
      rmSync(path, {force: true})
      left--
    }
  }
  return left
}

/** Moves everything under `from` to the same place under `to`, over what is there. */
function moveTreeInto(from: string, to: string): void {
  const existing = kindsIn(to)
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    const source = join(from, entry.name)
    if (entry.isDirectory() && existing.get(entry.name) === 'folder') moveTreeInto(source, join(to, entry.name))
    else moveInto(source, join(to, entry.name))
  }
}

/** What each entry of a folder is, by its name as written (none for no folder); links are files here. */
function kindsIn(folder: string | undefined): Map<string, 'file' | 'folder'> {
  if (folder === undefined) return new Map()
  return new Map(readdirSync(folder, {withFileTypes: true}).map((entry) => [entry.name, entry.isDirectory() ? 'folder' : 'file'] as const))
}

/** The id of the build the output folder holds, as its marker names it (a build that kept a record of itself). */
export function builtIdOf(out: string): string | undefined {
  try {
    return /^build (\S+)$/m.exec(readFileSync(join(out, builtMarker), 'utf8'))?.[1]
  } catch {
    return undefined
  }
}

/** Renames, or copies where the two folders are on different file systems (a rename cannot cross them). */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    cpSync(from, to, {recursive: true})
    rmSync(from, {recursive: true, force: true})
  }
}

/** `path` with every link resolved; for a path that does not exist yet, its nearest existing ancestor's. */
function realPathOf(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute))
  }
}

function isInside(child: string, parent: string): boolean {
  if (child === parent) return true
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep)
}

function listed(names: string[]): string {
  const sorted = [...names].sort()
  return sorted.length <= 3 ? sorted.join(', ') : `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more`
}
