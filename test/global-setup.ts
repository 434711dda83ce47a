import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * The whole run gets a temp folder of its own, removed at the end: tests and the commands they start make
 * their scratch folders under `TMPDIR`, which the test workers inherit from this process.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'runsheet-tests-'))
  process.env.TMPDIR = folder
  return () => rmSync(folder, {recursive: true, force: true})
}
