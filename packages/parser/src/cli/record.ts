import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {DroppedEntry} from '../model/record-match.js'
import {isRecordOf} from '../model/record-of.js'
import type {Runbook} from '../schema/runbook.js'
import {runRecordSchema, type RunRecord} from '../schema/record.js'
import {printable} from './printable.js'
import {UsageError} from './usage-error.js'

/**
 * A run record (run mode's JSON export) read from a file and checked against the record format. Every
 * problem zod finds is named, each with where it is, on one line.
 */
export async function readRunRecord(path: string): Promise<RunRecord> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder: give the JSON file run mode exported' : (code ?? String(error))
    throw new UsageError(`cannot read the run record '${path}': ${why}`)
  }
  let json: unknown
  try {
    // An editor on Windows may save it with a byte order mark, which JSON.parse does not take.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new UsageError(`the run record '${path}' is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = runRecordSchema.safeParse(json)
  const problems = parsed.success ? protoEntryProblems(json as Record<string, unknown>) : parsed.error.issues
  if (parsed.success && problems.length === 0) return withProtoEntries(parsed.data, json as Record<string, unknown>)
  const issues = problems.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(the record)'}: ${issue.message}`)
  throw new UsageError(`'${path}' is not a run record (runsheet-record/1): ${issues.join('; ')}`)
}

const kinds = ['items', 'blanks', 'choices'] as const

/** The JSON's entry named `__proto__` of a table, which zod's records leave out: a step may have that id. */
function protoEntryOf(json: Record<string, unknown>, kind: (typeof kinds)[number]): {found: boolean; value?: unknown} {
  const table = json[kind]
  return table && typeof table === 'object' && Object.hasOwn(table, '__proto__') ? {found: true, value: (table as Record<string, unknown>)['__proto__']} : {found: false}
}

/** The problems of the entries named `__proto__`, checked as any other entry of their table. */
function protoEntryProblems(json: Record<string, unknown>): {path: PropertyKey[]; message: string}[] {
  return kinds.flatMap((kind) => {
    const {found, value} = protoEntryOf(json, kind)
    const checked = found ? runRecordSchema.shape[kind].safeParse({entry: value}) : undefined
    return checked && !checked.success ? checked.error.issues.map((issue) => ({path: [kind, '__proto__', ...issue.path.slice(1)], message: issue.message})) : []
  })
}

/** The record with its entries named `__proto__` put back, as own properties. */
function withProtoEntries(record: RunRecord, json: Record<string, unknown>): RunRecord {
  const out = {...record}
  for (const kind of kinds) {
    const {found, value} = protoEntryOf(json, kind)
    if (!found) continue
    const table = {...record[kind]}
    const entry = runRecordSchema.shape[kind].parse({entry: value}).entry
    Object.defineProperty(table, '__proto__', {value: entry, enumerable: true, writable: true, configurable: true})
    ;(out as Record<string, unknown>)[kind] = table
  }
  return out
}

const kindWords: Record<DroppedEntry['kind'], string> = {items: 'step', blanks: 'blank', choices: 'choice'}

/**
 * One warning line per entry of a record that a changed runbook has no sure place for (see
 * `matchRecord`), naming it by its text where the record kept one, else by its id.
 */
export function droppedWarnings(dropped: readonly DroppedEntry[], runbookPath: string): string[] {
  return dropped.map((each) => {
    const name = each.text ? `“${each.text}” (${each.id})` : each.id
    return printable(`runsheet: warning: ${runbookPath} changed since the run: left out the ${kindWords[each.kind]} ${name}, which it no longer surely has`)
  })
}

/**
 * Why a run record is not of the runbook in `file`, or undefined when it is: the same edition (its digest),
 * the file the record names (its path, as the site has it, ends the file's path), or a runbook of the same
 * title. Applied to another runbook, the steps two runbooks share would be ticked by a run of the other.
 */
export function foreignRecord(record: RunRecord, runbook: Runbook, file: string): string | undefined {
  const named = record.runbook
  // Resolved: `deploy.md` run from inside `ops/` is the `ops/deploy.md` a site's record names.
  const path = resolve(file).replaceAll('\\', '/')
  if (isRecordOf(named, {sha256: runbook.source.sha256, path, title: runbook.title})) return undefined
  const what = [named.title && `'${named.title}'`, named.path].filter(Boolean).join(', ')
  return `the run record is of another runbook (${what || `sha256 ${named.sha256.slice(0, 12)}`}), not of ${file} ('${runbook.title}'): nothing was applied`
}
