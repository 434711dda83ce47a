/**
 * Parsed runbooks kept between builds, so that a rebuild parses only the files that changed. An entry is
 * keyed by what the model is made of: the parser's code, the parse options, the file's path and bytes; and
 * it holds the paths the parse checked (links, translations), whose answers must still be the same for the
 * model to be (a link to a file that now exists resolves differently). The model is kept apart from its
 * outline (`outline.ts`): a rebuild reads every outline, and the models of the pages it renders alone.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {Position, Runbook} from '@runsheet/parser'
import {digestMemo, digestOfFolder} from './files-digest.js'
import {messageData, revivedMessage, type MessageData} from './message-data.js'
import {outlineOf, type LinkRef, type RunbookOutline} from './outline.js'
import type {ParsedFile, SiteParseOptions} from './parse-file.js'

export interface ModelCache {
  /** The parse kept for this file, when nothing it depends on changed; else undefined. */
  get(path: string, value: Uint8Array, exists: (path: string) => boolean): CachedParse | undefined
  /** Keeps a parse of this file. */
  put(parsed: ParsedFile, outline: RunbookOutline, value: Uint8Array): void
  /** Removes the entries this build neither read nor wrote: files removed or changed since. */
  prune(): void
}

/** A parse read back: all but the model, which is read on demand. */
export interface CachedParse extends Omit<ParsedFile, 'runbook'> {
  outline: RunbookOutline
  /** The source's digest, as the model has it (`runbook.source.sha256`). */
  sha256: string
  /** The model; undefined if it can no longer be read (removed since), for the caller to parse again. */
  model: () => Runbook | undefined
}

/** An entry's outline file, `<key>.json`. */
interface Entry {
  sha256: string
  probes: Record<string, boolean>
  messages: MessageData[]
  outline: Omit<RunbookOutline, 'anchors'> & {anchors: [string, string][]}
}

/** Bumped when the entries' shape changes. */
const format = 4

const modelFile = (key: string) => `${key}.model.json`

/**
 * The cache in `folder` (created on first write) for parses with `options` by the front end of that name.
 * Options that are not plain data (a front end object) cannot be keyed: no cache then. The front ends give
 * the same model but on markdown nested deeper than remark reads, so each keeps its own entries.
 */
export function openModelCache(folder: string, options: SiteParseOptions = {}, frontEnd = 'remark'): ModelCache | undefined {
  if (options.frontEnd) return undefined
  const models = join(folder, 'models')
  // The outline is made here, not by the parser: its code is part of the key too.
  const prefix = `${format}\0${parserFingerprint()}\0${outlineOf.toString()}\0${JSON.stringify(options)}\0${frontEnd}\0`
  const used = new Set<string>()
  const keyOf = (path: string, value: Uint8Array) => createHash('sha256').update(prefix).update(path).update('\0').update(value).digest('hex')
  return {
    get(path, value, exists) {
      const key = keyOf(path, value)
      let entry: Entry
      try {
        entry = JSON.parse(readFileSync(join(models, `${key}.json`), 'utf8')) as Entry
      } catch {
        return undefined
      }
      for (const [probe, answer] of Object.entries(entry.probes)) if (exists(probe) !== answer) return undefined
      // An outline without its model (removed by hand) is parsed again, and both are written anew.
      if (!existsSync(join(models, modelFile(key)))) return undefined
      used.add(key)
      const model = () => {
        try {
          const runbook = JSON.parse(readFileSync(join(models, modelFile(key)), 'utf8')) as Runbook
          expandPositions(runbook)
          return runbook
        } catch {
          return undefined
        }
      }
      expandPositions(entry.outline.links)
      const outline = {...entry.outline, anchors: new Map(entry.outline.anchors)}
      return {path, outline, sha256: entry.sha256, model, messages: entry.messages.map(revivedMessage), probes: entry.probes}
    },
    put(parsed, outline, value) {
      const key = keyOf(parsed.path, value)
      const entry: Entry = {sha256: parsed.runbook.source.sha256, probes: parsed.probes, messages: parsed.messages.map(messageData), outline: {...outline, links: compactPositions(outline.links) as LinkRef[], anchors: [...outline.anchors]}}
      try {
        mkdirSync(models, {recursive: true})
        // The model first: an outline is only read back with its model beside it.
        writeFileSync(join(models, modelFile(key)), JSON.stringify(compactPositions(parsed.runbook)))
        writeFileSync(join(models, `${key}.json`), JSON.stringify(entry))
        used.add(key)
      } catch {
        // A cache that cannot be written (a full disk, a read-only folder) only costs the next build time.
      }
    },
    prune() {
      let names: string[]
      try {
        names = readdirSync(models)
      } catch {
        return
      }
      for (const name of names) if (!used.has(name.replace(/(\.model)?\.json$/, ''))) rmSync(join(models, name), {force: true})
    }
  }
}

/**
 * A copy of a model with each `position` written as six numbers (start line, column, offset, then end's):
 * a model is mostly positions, so kept this way it takes a third less space, and JSON.parse reads it in
 * less than half the time (the objects made back cost some of that again: 5 000 models, 2.6 s → 2.0–2.4 s).
 * The front matter is the author's data, whatever its keys (`position: 2`), and is kept as it is.
 */
export function compactPositions(value: unknown, key?: string): unknown {
  if (key === 'frontmatter' || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((child) => compactPositions(child))
  const copy: Record<string, unknown> = {}
  for (const [name, child] of Object.entries(value)) {
    const position = name === 'position' ? (child as Position | undefined) : undefined
    copy[name] = position ? [position.start.line, position.start.column, position.start.offset, position.end.line, position.end.column, position.end.offset] : compactPositions(child, name)
  }
  return copy
}

/** Turns the positions `compactPositions` wrote back into the model's objects, in place. */
export function expandPositions(value: unknown): void {
  if (Array.isArray(value)) {
    for (const child of value) expandPositions(child)
    return
  }
  if (value === null || typeof value !== 'object') return
  const object = value as Record<string, unknown>
  for (const key in object) {
    const child = object[key]
    if (key === 'position' && Array.isArray(child)) {
      const [line, column, offset, endLine, endColumn, endOffset] = child as number[]
      object[key] = {start: {line, column, offset}, end: {line: endLine, column: endColumn, offset: endOffset}}
    } else if (key !== 'frontmatter' && child !== null && typeof child === 'object') expandPositions(child)
  }
}

/**
 * The digest (`installedParserDigest`) of the parser the `runsheet` command bundle holds, set by
 * `scripts/bundle-cli.js` when it bundles it; undefined when this module is not run from the bundle.
 */
declare const RUNSHEET_BUNDLED_PARSER: string | undefined
const bundledParser = typeof RUNSHEET_BUNDLED_PARSER === 'string' ? RUNSHEET_BUNDLED_PARSER : undefined

let fingerprint: string | undefined

/**
 * A digest of the parser code a build reads runbooks with, so that a changed parser (a new release, or a
 * rebuilt working copy of the same version) parses everything again: the installed one's, which the pages
 * and the parse workers load, and, when they differ, the command bundle's, which parses in the command's
 * own thread.
 */
export function parserFingerprint(): string {
  if (fingerprint) return fingerprint
  const installed = installedParserDigest()
  fingerprint = bundledParser === undefined || bundledParser === installed ? installed : createHash('sha256').update(`${installed}\0${bundledParser}`).digest('hex')
  return fingerprint
}

/**
 * A warning when the command bundle holds another build of the parser than the installed one (the parser
 * was rebuilt and the site was not): the runbooks would then be read by one and shown by the other.
 */
export function bundledParserMismatch(): string | undefined {
  if (bundledParser === undefined || bundledParser === installedParserDigest()) return undefined
  return 'runsheet: warning: this command was bundled with another build of @runsheet/parser than the one installed: build @runsheet/site again (npm run build)'
}

let installedDigest: string | undefined

/** A digest of the installed parser: its version and every file of its compiled code. */
export function installedParserDigest(): string {
  if (installedDigest) return installedDigest
  const root = dirname(createRequire(import.meta.url).resolve('@runsheet/parser/package.json'))
  const code = digestOfFolder(join(root, 'dist'), (name) => name.endsWith('.js'), digestMemo)
  installedDigest = createHash('sha256').update(readFileSync(join(root, 'package.json'))).update(code).digest('hex')
  return installedDigest
}
