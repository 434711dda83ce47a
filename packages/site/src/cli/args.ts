import {frontEndNames, isFrontEndName, type FrontEndName} from '@runsheet/parser'
import {UsageError} from '@runsheet/parser/cli-kit'
import {isAbsoluteHttpUrl} from '../lib/safe-url.js'

/** The site commands' own flag values; arguments themselves are parsed by the kit's `parseArguments`. */

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
  if (isAbsoluteHttpUrl(value)) return value
  throw new UsageError(`${flag} takes an absolute http(s) URL, not '${value}'`)
}

/** A base path from `--base`: `/docs/`. */
export function baseOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (/[\s?#]/.test(value) || /^[a-z]+:/i.test(value)) throw new UsageError(`--base takes a path such as /docs/, not '${value}'`)
  return value
}

/** A front end from `--front-end`, or a usage error. */
export function frontEndOf(value: string | undefined): FrontEndName | undefined {
  if (value === undefined || isFrontEndName(value)) return value
  throw new UsageError(`--front-end takes ${frontEndNames.join(', ')}, not '${value}'`)
}
