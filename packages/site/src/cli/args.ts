import {parseArgs, type ParseArgsOptionsConfig} from 'node:util'
import {UsageError} from './errors.js'

/** Parses a command's arguments; an unknown flag or a missing value is a one-line usage error. */
export function parse<T extends ParseArgsOptionsConfig>(command: string, args: string[], options: T) {
  try {
    return parseArgs({args, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unknown = /Unknown option '([^']+)'/.exec(message)
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}' for '${command}': see 'runsheet ${command} --help'`)
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message)
    if (missing) throw new UsageError(`'${missing[1]!.replace(/^-\w, /, '')}' needs a value: see 'runsheet ${command} --help'`)
    throw new UsageError(`${message.split('\n')[0]!.replace(/\.$/, '')}: see 'runsheet ${command} --help'`)
  }
}

/** A port number from a flag, or a usage error. */
export function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not '${value}'`)
  return port
}

/** An interface language from `--lang`, or a usage error. */
export function langOf(value: string | undefined): 'ko' | 'en' | undefined {
  if (value === undefined) return undefined
  if (value === 'ko' || value === 'en') return value
  throw new UsageError(`--lang takes ko or en, not '${value}'`)
}

/** An absolute http(s) URL from a flag, or a usage error. */
export function urlOf(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return value
  } catch {
    // Reported below.
  }
  throw new UsageError(`${flag} takes an absolute http(s) URL, not '${value}'`)
}

/** A base path from `--base`: `/docs/`. */
export function baseOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (/[\s?#]/.test(value) || /^[a-z]+:/i.test(value)) throw new UsageError(`--base takes a path such as /docs/, not '${value}'`)
  return value
}
