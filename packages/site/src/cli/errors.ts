/** A problem with how the command was called or with its input: one line, a non-zero exit, no stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(message)
  }
}
