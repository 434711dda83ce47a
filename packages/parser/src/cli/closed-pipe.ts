/**
 * Lets the run go on when the reader of `stream` goes away: `runsheet parse x.md | head` or
 * `runsheet lint big.md 2>&1 | head -1` close the pipe early, which is the reader's choice, not a failure.
 * Writes after that go nowhere, and the process ends as the run would have, with its own exit code.
 */
export function writeOnAfterReaderLeaves(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // ERR_STREAM_DESTROYED: a write after the EPIPE, which closed the stream.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    throw error
  })
}
