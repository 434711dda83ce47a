/** Where the commands write: the process streams, or a capture in tests. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const processIo: Io = {
  stdout(text) {
    process.stdout.write(`${text}\n`)
  },
  stderr(text) {
    process.stderr.write(`${text}\n`)
  }
}
