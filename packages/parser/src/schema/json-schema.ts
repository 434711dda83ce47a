import * as z from 'zod'
import {runbookSchema} from './runbook.js'

/** The JSON Schema (draft 2020-12) of a runbook, generated from the zod model. */
export function runbookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(runbookSchema, {target: 'draft-2020-12', io: 'output'}) as Record<string, unknown>
}
