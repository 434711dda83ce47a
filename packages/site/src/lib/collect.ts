import {createHash} from 'node:crypto'
import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {defaultMaxBytes, type FrontEndName, loadFrontEnd, type ParseOptions, type Runbook} from '@runsheet/parser'
import {markdownFilesUnder, streamedSha256} from '@runsheet/parser/cli-kit'
import type {VFileMessage} from 'vfile-message'
import {openModelCache, type CachedParse} from './model-cache.js'
import {outlineOf, type RunbookOutline} from './outline.js'
import {parseFile, tooLargeFile, type ParsedFile} from './parse-file.js'
import {canParseInWorkers, parseInWorkers} from './parse-pool.js'

/** One runbook read from disk: its model, its path under the folder and the parser's messages. */
export interface LoadedRunbook {
  /** POSIX path relative to the folder: `docs/guide.ko.md`. */
  path: string
  /** The model: read from the cache when first used, for a runbook whose parse was kept. */
  readonly runbook: Runbook
  /** What the rest of the site needs of it (`outline.ts`). */
  outline: RunbookOutline
  messages: VFileMessage[]
  /**
   * A digest of what the model is made of (the file's path and bytes, the front end, the parse options and
   * the answers its parse got about other paths), without serialising the model; undefined when parsed by
   * a front end object, which cannot be named. With the parser's own fingerprint, it stands for the model.
   */
  digest?: string | undefined
}

export interface CollectOptions {
  /** Extra parse options (keywords, a forced language). `path`, `root` and `exists` are set here. */
  parse?: Omit<ParseOptions, 'path' | 'root' | 'exists'>
  /**
   * What reads the markdown (default `auto`: satteri, which Astro installs, else remark). Every front end
   * gives the same model; satteri reads a site's runbooks about ten times faster. A front end object in
   * `parse.frontEnd` takes precedence, but cannot be handed to workers or keyed in the cache.
   */
  frontEnd?: FrontEndName
  /** Absolute folders under the runbook folder that hold no runbooks, such as the site's own output. */
  exclude?: readonly string[]
  /**
   * A folder to keep parsed models in between builds (`node_modules/.cache/runsheet/…`): a runbook whose
   * bytes, path, parse options, parser and checked links are unchanged is not parsed again. Default none.
   */
  cache?: string
  /**
   * Parse in worker threads, one per core, when remark reads and at least this many runbooks need parsing
   * (default 200; for a few, starting the workers costs more than it saves). `Infinity` never does. satteri
   * reads in this thread: it parses a runbook faster than a worker can hand the model back (1 000 runbooks:
   * 2 s here, 3.7 s in workers; bench/RESULTS.md).
   */
  workersFrom?: number
  /**
   * The folder a runbook's links may reach (default: the runbook folder). `runsheet pdf FILE` builds the
   * file alone in a scratch folder beside links to the file's own folder, which its links reach through.
   */
  linksWithin?: string
}

/** parseFile, its failure (a parser bug: it does not throw on content) naming the file, as a worker's does. */
function parseNamingFile(...args: Parameters<typeof parseFile>): ParsedFile {
  try {
    return parseFile(...args)
  } catch (error) {
    throw new Error(`parsing ${args[0]} failed: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
  }
}

/**
 * Below this many runbooks to parse, the build parses in its own thread: starting workers and loading the
 * parser in each takes a fraction of a second. A round guess, not a measured break-even (bench/RESULTS.md).
 */
const defaultWorkersFrom = 200

/**
 * Reads and parses every runbook under `dir`. Links are resolved against `dir`, so each gets
 * `target.resolved` and `target.exists`, and translations are found from sibling files.
 */
export async function collectRunbooks(dir: string, options: CollectOptions = {}): Promise<LoadedRunbook[]> {
  const root = resolve(dir)
  const files = await markdownFilesUnder(root, {exclude: options.exclude})
  const exists = existsIn(root, options.linksWithin)
  // A file larger than the parser reads is refused without being held: hashed as it streams. Read one
  // after another: a rebuild of 100 runbooks read them in 15 ms through Node's thread pool, in 2.5 ms so.
  const maxBytes = options.parse?.maxBytes ?? defaultMaxBytes
  const sizes = files.map((path) => statSync(join(root, path)).size)
  const values = files.map((path, index) => (sizes[index]! > maxBytes ? undefined : readFileSync(join(root, path))))
  const custom = options.parse?.frontEnd !== undefined
  // By its name, which workers load again and the cache keys: a function can be neither.
  const frontEnd = custom ? undefined : await loadFrontEnd(options.frontEnd ?? 'auto')
  const cache = options.cache && frontEnd ? openModelCache(options.cache, options.parse, frontEnd.name) : undefined
  const parse = frontEnd ? {...options.parse, frontEnd} : options.parse
  const parsed: (Parse | undefined)[] = await Promise.all(
    files.map(async (path, index) => {
      const value = values[index]
      if (value === undefined) return fresh(tooLargeFile(path, {size: sizes[index]!, sha256: await streamedSha256(join(root, path))}, exists, options.parse))
      const cached = cache?.get(path, value, exists)
      // A model removed from the cache since its outline was read is parsed again, from the same bytes.
      return cached && {...cached, model: () => cached.model() ?? parseNamingFile(path, value, exists, parse).runbook}
    })
  )
  const missing = files.flatMap((path, index) => (parsed[index] ? [] : [{index, path, value: values[index]!}]))
  const inWorkers = frontEnd?.name === 'remark' && missing.length >= (options.workersFrom ?? defaultWorkersFrom) && canParseInWorkers()
  const parses = inWorkers
    ? await parseInWorkers(root, missing, {options: options.parse, frontEnd: 'remark', linksWithin: options.linksWithin})
    : missing.map(({path, value}) => parseNamingFile(path, value, exists, parse))
  missing.forEach(({index, value}, at) => {
    const made = fresh(parses[at]!)
    parsed[index] = made
    cache?.put(parses[at]!, made.outline, value)
  })
  cache?.prune()
  const made = frontEnd && JSON.stringify([frontEnd.name, options.parse ?? {}])
  return parsed.map((each) => loaded(each!, made && modelDigestOf(made, each!)))
}

/** A parse, its model at hand or read on demand (`CachedParse`). */
type Parse = Omit<CachedParse, 'model'> & {model: () => Runbook}

function fresh(parsed: ParsedFile): Parse {
  const {runbook, ...rest} = parsed
  return {...rest, outline: outlineOf(runbook), sha256: runbook.source.sha256, model: () => runbook}
}

/** A loaded runbook whose model is read once, when first used. */
function loaded(parse: Parse, digest: string | undefined): LoadedRunbook {
  let runbook: Runbook | undefined
  // Dropped once read: it holds the file's bytes, to parse again from.
  let model: (() => Runbook) | undefined = parse.model
  return {
    path: parse.path,
    outline: parse.outline,
    messages: parse.messages,
    digest,
    get runbook() {
      if (runbook === undefined) {
        runbook = model!()
        model = undefined
      }
      return runbook
    }
  }
}

/** What stands for a parse's model: what it was made with, the file (its path and bytes), the answers its parse got. */
function modelDigestOf(madeWith: string, parsed: Parse): string {
  const probes = Object.entries(parsed.probes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify([madeWith, parsed.path, parsed.sha256, probes])).digest('hex')
}

/**
 * A memoised check of whether a POSIX path relative to `root` exists (files or folders) inside `within`
 * (`root` itself unless told): a path through a symbolic link that leaves the folder is not there, as a `..` is not, so that a runbook's
 * links never make the build look outside its folder.
 */
export function existsIn(root: string, within = root): (path: string) => boolean {
  const cache = new Map<string, boolean>()
  let realRoot: string | undefined
  return (path) => {
    let known = cache.get(path)
    if (known === undefined) {
      // The same realpath as the paths': `.native` gives the file system's own case (macOS) and UNC paths (Windows).
      realRoot ??= realpathSync.native(within)
      known = path === '' || (!path.split('/').includes('..') && isInside(realRoot, join(root, ...path.split('/'))))
      cache.set(path, known)
    }
    return known
  }
}

/** Whether `path` exists and, links resolved, lies in `realRoot`. */
function isInside(realRoot: string, path: string): boolean {
  // Checked first: most links a rebuild checks again lead nowhere, and a failing realpath throws, which costs.
  if (!existsSync(path)) return false
  let real: string
  try {
    real = realpathSync.native(path)
  } catch {
    return false
  }
  const from = relative(realRoot, real)
  return from === '' || (from !== '..' && !from.startsWith(`..${sep}`) && !isAbsolute(from))
}

/** Whether `dir` is an existing folder. */
export function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}
