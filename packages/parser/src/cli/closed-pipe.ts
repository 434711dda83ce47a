/**
 * Lets the run go on when the reader of `stream` goes away: `runsheet parse x.md | head` or
 * `runsheet lint big.md 2>&1 | head -1` close the pipe early, which is the reader's choice, not a failure.
 * Writes after that go nowhere, and the process ends as the run would have, with its own exit code.
 *
 * Any other failure to write (`> /dev/full`: no space left) loses the output: the run ends at once with
 * `outputFailedCode`, said in one line on stderr (when stderr itself failed, only by the code).
 */
export function writeOnAfterReaderLeaves(stream: NodeJS.WritableStream, name: 'stdout' | 'stderr' = stream === process.stderr ? 'stderr' : 'stdout'): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // ERR_STREAM_DESTROYED: a write after the EPIPE, which closed the stream.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    if (name === 'stdout') process.stderr.write(`runsheet: cannot write the output: ${error.code ?? error.message}\n`)
    process.exit(outputFailedCode)
  })
}

/** The exit code of a run whose output could not be written (sysexits' EX_IOERR). */
export const outputFailedCode = 74
