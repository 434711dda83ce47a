import {spawn} from 'node:child_process'
import {openSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {expect, test} from 'vitest'

const helper = fileURLToPath(new URL('./closed-pipe.ts', import.meta.url))

/**
 * A process that guards both streams as the `runsheet` bin does, writes far more than a pipe holds to
 * `stream`, then ends with exit code 3, while its reader goes away after the first chunk.
 */
function closedEarly(stream: 'stdout' | 'stderr'): Promise<number | null> {
  const script = `
    const {writeOnAfterReaderLeaves} = await import(${JSON.stringify(helper)})
    writeOnAfterReaderLeaves(process.stdout)
    writeOnAfterReaderLeaves(process.stderr)
    for (let line = 0; line < 20000; line++) process.${stream}.write('deploy.md:1:1: warning: '.padEnd(200, 'x') + '\\n')
    process.exitCode = 3
  `
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'pipe']})
    const closing = child[stream]
    const other = stream === 'stdout' ? child.stderr : child.stdout
    closing.once('data', () => closing.destroy())
    let said = ''
    other.on('data', (chunk) => (said += chunk))
    child.on('error', fail)
    child.on('close', (code) => (said === '' ? done(code) : fail(new Error(said))))
  })
}

test('a reader closing stdout early ends the run quietly with its own exit code', async () => {
  expect(await closedEarly('stdout')).toBe(3)
})

test('a reader closing stderr early ends the run quietly with its own exit code', async () => {
  expect(await closedEarly('stderr')).toBe(3)
})

test('output that cannot be written (a full disk) ends the run with one line and exit code 74, no stack trace', async () => {
  const script = `
    const {writeOnAfterReaderLeaves} = await import(${JSON.stringify(helper)})
    writeOnAfterReaderLeaves(process.stdout)
    writeOnAfterReaderLeaves(process.stderr)
    process.stdout.write('{"type":"runbook"}\\n')
    process.exitCode = 0
  `
  const {code, stderr} = await new Promise<{code: number | null; stderr: string}>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe']})
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({code, stderr}))
  })
  expect(stderr).toBe('runsheet: cannot write the output: ENOSPC\n')
  expect(code).toBe(74)
})
