import {readFile} from 'node:fs/promises'
import {help} from './help.js'
import {processIo, type Io} from './io.js'
import {UsageError} from './usage-error.js'

// Only what every command needs is imported here: `runsheet build` hands over to the site package, which
// turns on Node's compile cache first, and the parser's commands (zod, remark, the markdown writer) load
// only when one of them runs.

const siteCommands = new Set(['build', 'dev', 'preview', 'pdf'])
/** The commands of `commands.ts`, named here so that a mistyped one or `--help` loads none of them. */
const parserCommands = new Set(['parse', 'lint', 'format', 'schema'])

/** Runs the CLI; returns the exit code. Problems are one line on stderr, never a stack trace. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(help.main)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.stdout(await version())
      return 0
    }
    if (siteCommands.has(command)) return await siteCommand(command, rest)
    if (!parserCommands.has(command)) throw new UsageError(`unknown command '${command}': see 'runsheet --help'`)
    // Not after `--`: there `-h` is a file's name.
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(help[command as keyof typeof help] ?? help.main)
      return 0
    }
    const {commands} = await import('./commands.js')
    return await commands[command]!(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`runsheet: ${error.message}`)
      return error.exitCode
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`runsheet: unexpected failure: ${message}`)
    return 70
  }
}

export type {Io} from './io.js'


async function siteCommand(command: string, args: string[]): Promise<number> {
  const specifier = '@runsheet/site/cli'
  let site: {main: (argv: string[]) => Promise<number>}
  try {
    site = await import(specifier)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('@runsheet/site')) {
      throw new UsageError(`'${command}' needs @runsheet/site: npm install @runsheet/site`)
    }
    throw error
  }
  return site.main([command, ...args])
}

async function version(): Promise<string> {
  const url = new URL('../../package.json', import.meta.url)
  const json = JSON.parse(await readFile(url, 'utf8')) as {version: string}
  return json.version
}
