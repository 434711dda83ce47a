/**
 * V8's compiled code of the modules the site commands load (Astro, Vite, Rolldown: most of a rebuild's
 * start-up), kept in this package's scratch folder for the next command to load faster (Node's compile
 * cache, Node 22.1 and later; `NODE_DISABLE_COMPILE_CACHE=1` turns it off).
 */
import {existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import module from 'node:module'
import {join} from 'node:path'
import {scratchRoot} from '../lib/scratch-root.js'

/**
 * What the compiled code may grow to before it is dropped (about 7 MB is Astro, Vite and Rolldown). Node
 * keys it by file, and each build's pages are bundled into a scratch folder of their own: their entries
 * are never read again, and would pile up, a few hundred KB a build.
 */
export const compiledLimit = 32 * 1024 * 1024

/**
 * How often the folder is measured. Measuring stats each of its files (about 2 000, some 30 ms: a twentieth
 * of a rebuild of 100 runbooks); what piles up in an hour of builds is a few MB.
 */
export const measureEvery = 60 * 60 * 1000

/** Turns the cache on for the modules loaded from now on, in `folder`, emptied first if it outgrew `limit` bytes. */
export function keepCompiledCode(folder = join(scratchRoot, 'compiled'), limit = compiledLimit): void {
  // Node's switch: then there is nothing to keep, and no folder to make.
  if (!module.enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE) return
  try {
    if (measureDue(folder)) dropIfOver(folder, limit)
  } catch {
    // Measured next time: a folder that cannot be measured or emptied can still be used.
  }
  try {
    module.enableCompileCache(folder)
  } catch {
    // Only a faster start is lost.
  }
}

/**
 * Whether the folder was last measured more than `measureEvery` ago (or never); the time is noted in it
 * when it is. A folder that is dropped loses the note, and is measured again, which then costs nothing.
 */
export function measureDue(folder: string, now = Date.now()): boolean {
  const note = join(folder, 'measured')
  try {
    if (now - statSync(note).mtimeMs < measureEvery) return false
  } catch {
    // Never measured.
  }
  mkdirSync(folder, {recursive: true})
  writeFileSync(note, '')
  utimesSync(note, now / 1000, now / 1000)
  return true
}

/** Removes `folder` when its files take more than `limit` bytes; whether it did. */
export function dropIfOver(folder: string, limit: number): boolean {
  if (bytesUnder(folder) <= limit) return false
  rmSync(folder, {recursive: true, force: true})
  return true
}

/** The size of the files under a folder (none: 0). */
function bytesUnder(folder: string): number {
  let bytes = 0
  if (!existsSync(folder)) return bytes
  for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
    // A file another command's Node replaces meanwhile may be gone by the time it is asked about.
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name), {throwIfNoEntry: false})?.size ?? 0
  }
  return bytes
}
