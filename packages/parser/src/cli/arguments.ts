import {parseArgs, type ParseArgsOptionsConfig} from 'node:util'
import {UsageError} from './usage-error.js'

/**
 * A command's arguments, with `-h`/`--help` added to its options. An unknown flag or a missing value is one
 * line that names the command and where its help is, worded the same for every command.
 */
export function parseArguments<const Options extends ParseArgsOptionsConfig>(command: string, args: string[], options: Options): ReturnType<typeof parseArgs<ArgumentsConfig<Options>>> {
  try {
    return parseArgs({args, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unknown = /Unknown option '([^']+)'/.exec(message)
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}' for '${command}': see 'runsheet ${command} --help'`)
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message)
    if (missing) throw new UsageError(`'${missing[1]!.replace(/^-\w, /, '')}' needs a value: see 'runsheet ${command} --help'`)
    throw new UsageError(`${message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '')}: see 'runsheet ${command} --help'`)
  }
}

/**
 * What `parseArguments` hands `parseArgs`, as a type: the result's type is written from it, rather than
 * inferred, so that the declaration file names Node's types instead of copying their insides.
 */
type ArgumentsConfig<Options extends ParseArgsOptionsConfig> = {
  args: string[]
  options: Options & {help: {type: 'boolean'; short: 'h'}}
  allowPositionals: true
  strict: true
}
