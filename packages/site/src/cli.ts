/**
 * The site commands of the `runsheet` CLI: `build`, `dev`, `preview` and `pdf`. The parser package's `runsheet`
 * dispatches here with `main([command, ...args])`; the result is the exit code.
 */
import {buildCommand} from './cli/build.js'
import {devCommand} from './cli/dev.js'
import {UsageError} from '@runsheet/parser/cli-kit'
import {help} from './cli/help.js'
import {processIo, type Io} from '@runsheet/parser/cli-kit'
import {pdfCommand} from './cli/pdf.js'
import {previewCommand} from './cli/preview.js'

export type {Io} from '@runsheet/parser/cli-kit'

const commands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  build: buildCommand,
  dev: devCommand,
  preview: previewCommand,
  pdf: pdfCommand
}

/**
 * Runs a site command. Problems are one line on stderr (`runsheet: …`) and a non-zero exit, never a stack
 * trace (`RUNSHEET_DEBUG=1` adds it).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(help.main)
      return command === undefined ? 2 : 0
    }
    const run = commands[command]
    if (!run) throw new UsageError(`unknown command '${command}': the site commands are build, dev, preview and pdf`)
    return await run(rest, io)
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
