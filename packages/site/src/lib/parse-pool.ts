import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {FrontEndName, Runbook} from '@runsheet/parser'
import {revivedMessage, type MessageData} from './message-data.js'
import type {ParsedFile, SiteParseOptions} from './parse-file.js'

/** One runbook for a worker to parse. */
export interface ParseJob {
  index: number
  path: string
  value: Uint8Array
}

/** A worker's answer: the parse, or why it threw. */
export type ParseAnswer =
  | {index: number; runbook: Runbook; messages: MessageData[]; probes: Record<string, boolean>; error?: undefined}
  | {index: number; error: string}

/**
 * The worker's script, compiled into `dist/lib/`: named from there, as this module may run from the CLI's
 * bundle in `dist/bundle/`. Run from the TypeScript sources (the tests) it is not there, and the caller
 * parses in its own thread instead.
 */
const workerScript = new URL('../lib/parse-worker.js', import.meta.url)

/** Whether runbooks can be parsed in worker threads here: the compiled package has the worker's script. */
export function canParseInWorkers(): boolean {
  return existsSync(fileURLToPath(workerScript))
}

/** How many workers to start for `count` runbooks: one per core, none idle for lack of work. */
export function workerCount(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(count / 50)))
}

/** How the workers parse: the options every parse gets, the front end by name, the folder links may reach. */
export interface PoolSettings {
  options?: SiteParseOptions | undefined
  frontEnd?: FrontEndName | undefined
  /** Default: `root`. */
  linksWithin?: string | undefined
  /** Default: one per core (`workerCount`). */
  threads?: number | undefined
}

/** What a worker is started with. */
export interface WorkerSettings {
  root: string
  linksWithin: string
  options: SiteParseOptions
  frontEnd: FrontEndName
}

/**
 * Parses runbooks of the folder `root` in worker threads, each handed the next runbook as it finishes one,
 * and returns the parses in the order of `files`. A worker that throws fails the whole parse.
 */
export async function parseInWorkers(root: string, files: readonly {path: string; value: Uint8Array}[], settings: PoolSettings = {}): Promise<ParsedFile[]> {
  const threads = settings.threads ?? workerCount(files.length)
  const workerData: WorkerSettings = {root, linksWithin: settings.linksWithin ?? root, options: settings.options ?? {}, frontEnd: settings.frontEnd ?? 'auto'}
  const results: ParsedFile[] = new Array(files.length)
  let next = 0
  const execArgv = workerExecArgv()
  const workers = Array.from({length: Math.min(threads, files.length)}, () => new Worker(workerScript, {workerData, execArgv}))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= files.length) return resolve()
              const index = next++
              const file = files[index]!
              worker.postMessage({index, path: file.path, value: file.value} satisfies ParseJob)
            }
            worker.on('message', (answer: ParseAnswer) => {
              if (answer.error !== undefined) return reject(new Error(`parsing ${files[answer.index]!.path} failed in a worker: ${answer.error}`))
              const {path} = files[answer.index]!
              results[answer.index] = {path, runbook: answer.runbook, messages: answer.messages.map(revivedMessage), probes: answer.probes}
              give()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a parse worker stopped with code ${code}`))
            })
            give()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}

/**
 * The process's Node options for the workers, but those that say how to read the main script (`-e`,
 * `--input-type`…): a worker refuses them, and `node --input-type=module -e …` is how a program may run us.
 */
function workerExecArgv(): string[] {
  const kept: string[] = []
  const args = process.execArgv
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!
    if (/^(-e|-p|--eval|--print|--input-type)$/.test(arg)) at++
    else if (!/^(--eval|--print|--input-type)=/.test(arg)) kept.push(arg)
  }
  return kept
}
