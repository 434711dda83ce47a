import type {Context} from '../parse/context.js'
import type {Position} from '../schema/position.js'

const errors = Error as {stackTraceLimit?: number}

/** Reports a warning (or an error, when `fatal`) as `runsheet:<rule>` at a place. */
export function report(context: Context, rule: string, reason: string, place: Position | undefined, fatal = false): void {
  // A message is an Error: the stack it captures (inside the linter) tells a reader nothing, and taking
  // it was most of what reporting cost.
  const limit = errors.stackTraceLimit
  errors.stackTraceLimit = 0
  try {
    const message = context.file.message(reason, {place, ruleId: rule, source: 'runsheet'})
    message.fatal = fatal
  } finally {
    errors.stackTraceLimit = limit
  }
}
