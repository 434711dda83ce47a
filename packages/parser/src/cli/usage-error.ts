import {printable} from './printable.js'

/**
 * A problem with how a command was called or with its input, which the user can fix: one line on stderr, a
 * non-zero exit (2 unless said otherwise), never a stack trace. The message names paths and values the
 * user or a runbook gave, so it is made printable here, once for every command.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(printable(message))
  }
}
