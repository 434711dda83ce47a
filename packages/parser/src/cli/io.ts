import {printable} from './printable.js'

/** Where a command writes: the process streams, or a capture in tests. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
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
