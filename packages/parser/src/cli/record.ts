import {readFile} from 'node:fs/promises'
import {runRecordSchema, type RunRecord} from '../schema/record.js'
import {UsageError} from './usage-error.js'

/**
 * A run record (run mode's JSON export) read from a file and checked against the record format. Every
 * problem zod finds is named, each with where it is, on one line.
 */
export async function readRunRecord(path: string): Promise<RunRecord> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read the run record '${path}': ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`the run record '${path}' is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = runRecordSchema.safeParse(json)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(the record)'}: ${issue.message}`)
  throw new UsageError(`'${path}' is not a run record (runsheet-record/1): ${issues.join('; ')}`)
}
