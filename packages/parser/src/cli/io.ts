/** Where a command writes: the process streams, or a capture in tests. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The process streams, one line per call. */
export const processIo: Io = {
  stdout(text) {
    process.stdout.write(`${text}\n`)
  },
  stderr(text) {
    process.stderr.write(`${text}\n`)
  }
}
