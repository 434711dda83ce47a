/**
 * A problem with how a command was called or with its input, which the user can fix: one line on stderr, a
 * non-zero exit (2 unless said otherwise), never a stack trace.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(message)
  }
}
