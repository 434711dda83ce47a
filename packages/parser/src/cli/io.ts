import {printable} from './printable.js'

/** Where a command writes, and what `-` reads: the process streams, or a capture in tests. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Standard input, read by a command given `-` for a file (default: the process's). */
  stdin?: AsyncIterable<Uint8Array | string>
}

/**
 * The process streams, one line per call. What goes to stderr is messages, which name what runbooks and
 * users wrote: each line is made printable. Stdout is left exact, since it carries data (JSON, markdown).
 */
export const processIo: Io = {
  stdout(text) {
    process.stdout.write(`${text}\n`)
  },
  stderr(text) {
    process.stderr.write(`${text.split('\n').map(printable).join('\n')}\n`)
  }
}
