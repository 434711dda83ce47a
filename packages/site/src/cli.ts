/**
 * The site commands of the `runsheet` CLI: `build`, `dev`, `preview` and `pdf`. The parser package's `runsheet`
 * dispatches here with `main([command, ...args])`; the result is the exit code.
 */
import type {Io} from '@runsheet/parser/cli-kit'
import {keepCompiledCode} from './cli/compiled-code.js'
import {help} from './cli/help.js'

export type {Io} from '@runsheet/parser/cli-kit'

type Command = (args: string[], io: Io) => Promise<number>

/** Each command loaded when run: a build need not load the browser driver that `pdf` uses, nor `pdf` Astro's dev server. */
const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./cli/build.js')).buildCommand,
  dev: async () => (await import('./cli/dev.js')).devCommand,
  preview: async () => (await import('./cli/preview.js')).previewCommand,
  pdf: async () => (await import('./cli/pdf.js')).pdfCommand
}

/**
 * Runs a site command. Problems are one line on stderr (`runsheet: …`) and a non-zero exit, never a stack
 * trace (`RUNSHEET_DEBUG=1` adds it).
 */
export async function main(argv: string[], given?: Io): Promise<number> {
  // First of all: what loads from here on (the CLI kit, Astro, Vite) then loads from V8's compiled code.
  keepCompiledCode()
  const {UsageError, processIo} = await import('@runsheet/parser/cli-kit')
  const io = given ?? processIo
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(help.main)
      return command === undefined ? 2 : 0
    }
    const load = Object.hasOwn(commands, command) ? commands[command] : undefined
    if (!load) throw new UsageError(`unknown command '${command}': the site commands are build, dev, preview and pdf`)
    return await (await load())(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`runsheet: ${error.message}`)
      return error.exitCode
    }
    io.stderr(`runsheet: ${command ?? ''} failed: ${oneLine(error)}`)
    if (process.env.RUNSHEET_DEBUG) io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error))
    return 1
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error'
}
