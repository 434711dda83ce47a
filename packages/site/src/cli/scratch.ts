import {accessSync, constants, mkdirSync, mkdtempSync, rmdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {scratchRoot} from '../lib/scratch-root.js'
import {UsageError} from '@runsheet/parser/cli-kit'

/** A fresh scratch folder; `remove()` deletes it, and so does any exit of the process (signals included). */
export interface Scratch {
  path: string
  remove(): void
}

const live = new Set<string>()
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Creates a scratch folder under {@link scratchRoot}, removed on every exit: success, error or signal. */
export function scratchFolder(prefix: string): Scratch {
  return removedOnExit(newFolder(prefix))
}

/**
 * A scratch folder with a short path, for a program that puts a Unix socket in it (Chromium does, in its
 * profile and its TMPDIR): a socket's path may not pass 107 bytes, which a deep TMPDIR or install folder
 * would. The OS temp folder when its path is short, else `/tmp`; removed on every exit like the others.
 */
export function shortScratchFolder(prefix: string): Scratch {
  const parent = [tmpdir(), '/tmp'].find((folder) => folder.length <= 40 && isWritable(folder)) ?? tmpdir()
  try {
    return removedOnExit(mkdtempSync(join(parent, `${prefix}-`)))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new UsageError(`cannot make a folder in '${parent}' (${code})`, 1)
  }
}

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function removedOnExit(path: string): Scratch {
  if (live.size === 0) hook()
  live.add(path)
  return {
    path,
    remove() {
      if (!live.delete(path)) return
      rmSync(path, {recursive: true, force: true})
      if (live.size > 0) return
      unhook()
      removeRootIfEmpty()
    }
  }
}

function newFolder(prefix: string, tries = 3): string {
  try {
    mkdirSync(scratchRoot, {recursive: true})
    // The process id in the name tells whose a folder is, so a leftover can be traced to its command.
    return mkdtempSync(join(scratchRoot, `${prefix}-${process.pid}-`))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    // Another command may have removed the emptied root between the two calls.
    if (code === 'ENOENT' && tries > 1) return newFolder(prefix, tries - 1)
    throw new UsageError(`cannot write to @runsheet/site's folder '${scratchRoot}' (${code}): the site is built there`, 1)
  }
}

function removeAll(): void {
  for (const path of live) rmSync(path, {recursive: true, force: true})
  live.clear()
  removeRootIfEmpty()
}

/** The root goes too when no command of any process is using it: an install keeps no empty folder of ours. */
function removeRootIfEmpty(): void {
  try {
    rmdirSync(scratchRoot)
  } catch {
    // Not empty (another command is building) or already gone.
  }
}

/**
 * A signal that nothing else handles would end the process without its `exit` event: remove the scratch
 * folders, then die of the same signal, so the exit status still says what stopped it. Where a command
 * listens itself (`dev` and `preview` stop gracefully), it is left to do so, and `exit` cleans up.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return
  removeAll()
  unhook()
  process.kill(process.pid, signal)
}

function hook(): void {
  process.on('exit', removeAll)
  for (const signal of signals) process.on(signal, onSignal)
}

function unhook(): void {
  process.off('exit', removeAll)
  for (const signal of signals) process.off(signal, onSignal)
}
