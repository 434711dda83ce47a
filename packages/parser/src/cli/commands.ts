/** The parser's own commands (`parse`, `lint`, `format`, `schema`): loaded only when one of them runs. */
import {VFile} from 'vfile'
import * as z from 'zod'
import type {FrontEnd} from '../markdown/front-end.js'
import {FrontEndUnavailableError, frontEndNames, isFrontEndName, loadFrontEnd} from '../markdown/load-front-end.js'
import {toMarkdown} from '../markdown/to-markdown.js'
import {writtenFrontmatter} from '../markdown/written-frontmatter.js'
import {applyRecord} from '../model/record.js'
import {defaultMaxBytes, type ParseOptions} from '../parse/options.js'
import {parseRunbook, tooLargeRunbook, type ParseResult} from '../parse/parse-runbook.js'
import {langSchema} from '../schema/runbook.js'
import {positionsInOrder, withoutPositions} from '../model/positions-in-order.js'
import {runRecordSchema} from '../schema/record.js'
import {runbookJsonSchema} from '../schema/json-schema.js'
import {parseArguments} from './arguments.js'
import {fileSystemOptions, linkLeftOutWarning, markdownFilesIn, rootFolder, type LinkLeftOut} from './files.js'
import type {Io} from './io.js'
import {readMarkdownFile, stdinName, stdinPath, type MarkdownFile} from './read-input.js'
import {droppedWarnings, foreignRecord, readRunRecord} from './record.js'
import {reportOf} from './report.js'
import {UsageError} from './usage-error.js'

type Command = (args: string[], io: Io) => Promise<number>

export const commands: Record<string, Command> = {
  async parse(args, io) {
    const {values, positionals} = parseArguments('parse', args, {
      root: {type: 'string'},
      lang: {type: 'string'},
      'no-positions': {type: 'boolean'},
      compact: {type: 'boolean'},
      ...readingOptions
    })
    const file = single(positionals, 'parse')
    const lang = values.lang === undefined ? undefined : langSchema.safeParse(values.lang).data
    if (values.lang !== undefined && !lang) throw new UsageError(`--lang takes ko, en or mixed, not '${values.lang}'`)
    const reading = await readingOf(values)
    const options = fileSystemOptions(file, await rootFolder(values.root))
    const {runbook, file: vfile} = await parsedFile(file, {...options, ...reading, lang}, io)
    // The same text from either front end: satteri's points list their keys in another order.
    io.stdout(JSON.stringify(runbook, values['no-positions'] ? withoutPositions : positionsInOrder, values.compact ? undefined : 2))
    vfile.path = shownPath(file)
    if (vfile.messages.length > 0) io.stderr(reportOf([vfile], 'lines'))
    return vfile.messages.some((message) => message.fatal) ? 1 : 0
  },

  async lint(args, io) {
    const {values, positionals} = parseArguments('lint', args, {
      root: {type: 'string'},
      format: {type: 'string'},
      quiet: {type: 'boolean'},
      ...readingOptions
    })
    if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder: runsheet lint PATH...')
    const format = values.format ?? 'lines'
    if (format !== 'lines' && format !== 'vfile') throw new UsageError(`--format takes lines or vfile, not '${format}'`)
    const reading = await readingOf(values)
    const root = await rootFolder(values.root)
    const files: VFile[] = []
    // A symbolic link left out of a folder's walk is said, not silently skipped (`--quiet` shows errors only).
    const onLinkLeftOut = values.quiet ? undefined : (path: string, why: LinkLeftOut) => io.stderr(linkLeftOutWarning(path, why))
    for (const path of await markdownFilesIn(positionals, onLinkLeftOut ? {onLinkLeftOut} : {})) {
      let read: MarkdownFile
      try {
        read = await readMarkdownFile(path, {maxBytes: reading.maxBytes ?? defaultMaxBytes, stdin: io.stdin})
      } catch (error) {
        if (!(error instanceof UsageError)) throw error
        // One unreadable file is an error of that file; the others are still checked.
        const file = new VFile({path: shownPath(path)})
        file.message(error.message.replace(`'${shownPath(path)}' `, ''), {ruleId: 'read', source: 'runsheet'}).fatal = true
        files.push(file)
        continue
      }
      const file = lintedFile(path, read, {...fileSystemOptions(path, root), ...reading})
      if (values.quiet) file.messages = file.messages.filter((message) => message.fatal)
      files.push(file)
    }
    const report = reportOf(files, format)
    if (report) io.stderr(report)
    return files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
  },

  async format(args, io) {
    const {values, positionals} = parseArguments('format', args, {record: {type: 'string'}, ...readingOptions})
    const file = single(positionals, 'format')
    const reading = await readingOf(values)
    const {runbook, file: vfile} = await parsedFile(file, {...(file === stdinPath ? {} : {path: file}), ...reading}, io)
    // A file too large to read has no model to write back: say so, as parse and lint do. Nor has one
    // nested too deep: below the cut its markdown is text in the model, and would be written back escaped.
    // Nor one whose front matter cannot be read: it is none in the model, and writing back would drop it.
    const refused = vfile.messages.filter((message) => (message.fatal && refusedRules.has(message.ruleId ?? '')) || message.ruleId === 'too-deep')
    if (refused.length > 0) {
      vfile.path = shownPath(file)
      vfile.messages = refused
      io.stderr(reportOf([vfile], 'lines'))
      return 1
    }
    // Written back as the author wrote it, comments and all, while it reads as the model's.
    const frontmatter = writtenFrontmatter(String(vfile), runbook.frontmatter)
    if (values.record === undefined) {
      io.stdout(withoutLastNewline(toMarkdown(runbook, {frontmatter})))
      return 0
    }
    // Matched as run mode matches it: what a changed runbook has no sure place for is named, not guessed.
    // Another runbook's record is refused, as run mode refuses to import one.
    const record = await readRunRecord(values.record)
    const foreign = foreignRecord(record, runbook, file)
    if (foreign) throw new UsageError(foreign)
    const applied = applyRecord(runbook, record)
    for (const line of droppedWarnings(applied.dropped, file)) io.stderr(line)
    io.stdout(withoutLastNewline(toMarkdown(applied.runbook, {frontmatter})))
    return 0
  },

  async schema(args, io) {
    const {positionals} = parseArguments('schema', args, {})
    if (positionals.length > 1) throw new UsageError(`schema takes one name, runbook or record: runsheet schema [runbook|record]`)
    const which = positionals[0] ?? 'runbook'
    if (which === 'runbook') io.stdout(JSON.stringify(runbookJsonSchema(), null, 2))
    else if (which === 'record') io.stdout(JSON.stringify(z.toJSONSchema(runRecordSchema), null, 2))
    else throw new UsageError(`schema takes runbook or record, not '${which}'`)
    return 0
  }
}

/**
 * The markdown without its last `\n`, which io.stdout writes back: a CRLF file's last line keeps its `\r`
 * and ends in `\r\n` as its other lines do (trimmed whole, it ended in `\n` alone).
 */
function withoutLastNewline(markdown: string): string {
  return markdown.endsWith('\n') ? markdown.slice(0, -1) : markdown
}

/** The errors after which `format` has no whole model to write back. */
const refusedRules = new Set(['too-large', 'frontmatter'])

/**
 * One file of a lint run, parsed, its messages on it. parseRunbook does not throw on content; should it
 * throw all the same (a bug), that is an error of this file, and the other files are still checked.
 */
function lintedFile(path: string, read: MarkdownFile, options: ParseOptions): VFile {
  let file: VFile
  try {
    file = parsedFrom(path, read, options).file
  } catch (error) {
    file = new VFile({path: shownPath(path)})
    const reason = `unexpected failure while reading: ${error instanceof Error ? error.message : String(error)}`
    file.message(reason, {ruleId: 'unexpected', source: 'runsheet'}).fatal = true
  }
  file.path = shownPath(path)
  return file
}

/** A markdown file parsed; one larger than `maxBytes` refused without being held (see `readMarkdownFile`). */
async function parsedFile(path: string, options: ParseOptions, io: Io): Promise<ParseResult> {
  return parsedFrom(path, await readMarkdownFile(path, {maxBytes: options.maxBytes ?? defaultMaxBytes, stdin: io.stdin}), options)
}

/** Standard input has no path in the model (`source.path` null); the callers name it `<stdin>` in messages. */
function parsedFrom(path: string, read: MarkdownFile, options: ParseOptions): ParseResult {
  const named = path === stdinPath ? {} : {path}
  if (read.tooLarge) return tooLargeRunbook(new VFile(named), read.tooLarge, options)
  return parseRunbook(new VFile({...named, value: read.bytes}), options)
}

/** How messages name an input: its path as given, standard input as `<stdin>`. */
function shownPath(path: string): string {
  return path === stdinPath ? stdinName : path
}

/** The options of every command that reads runbooks: how large a file may be, and what reads it. */
const readingOptions = {
  'max-size': {type: 'string'},
  'front-end': {type: 'string'}
} as const

async function readingOf(values: {'max-size'?: string; 'front-end'?: string}): Promise<Pick<ParseOptions, 'maxBytes' | 'frontEnd'>> {
  const reading: Pick<ParseOptions, 'maxBytes' | 'frontEnd'> = {frontEnd: await frontEndOf(values['front-end'] ?? 'auto')}
  if (values['max-size'] !== undefined) reading.maxBytes = bytesOf(values['max-size'])
  return reading
}

/** `5000000`, `500KB`, `5MB` (decimal units, as the default of 5 MB is 5 000 000 bytes). */
function bytesOf(size: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(|B|KB|MB|GB)$/i.exec(size.trim())
  if (!match) throw new UsageError(`--max-size takes a size in bytes (5000000) or with a unit (500KB, 5MB), not '${size}'`)
  const unit = {'': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9}[match[2]!.toLowerCase() as 'b']
  return Math.floor(Number(match[1]) * unit)
}

async function frontEndOf(name: string): Promise<FrontEnd> {
  if (!isFrontEndName(name)) throw new UsageError(`--front-end takes ${frontEndNames.join(', ')}, not '${name}'`)
  try {
    return await loadFrontEnd(name)
  } catch (error) {
    if (error instanceof FrontEndUnavailableError) throw new UsageError(`'--front-end ${name}': ${error.message}`)
    throw error
  }
}

function single(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one file: runsheet ${command} FILE`)
  return positionals[0]!
}
