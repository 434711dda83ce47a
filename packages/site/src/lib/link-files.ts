/**
 * Files of the previous site put into the new one without copying their bytes. The previous site is removed
 * once the new one replaces it, and its files are never written in place (a build writes new files and
 * renames them in), so a hard link is as good as a copy.
 */
import {copyFileSync, linkSync, mkdirSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

/** A hard link; a copy where links cannot be made (another file system, a file system without them). */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/** Every file under `from` linked at the same place under `to`, but the entries of `from` itself that `skip` names. */
export function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): void {
  mkdirSync(to, {recursive: true})
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    if (skip(entry.name)) continue
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name))
    else linkOrCopy(join(from, entry.name), join(to, entry.name))
  }
}
