import type {Context} from '../parse/context.js'
import type {Position} from '../schema/position.js'

/** Reports a warning (or an error, when `fatal`) as `runsheet:<rule>` at a place. */
export function report(context: Context, rule: string, reason: string, place: Position | undefined, fatal = false): void {
  const message = context.file.message(reason, {place, ruleId: rule, source: 'runsheet'})
  message.fatal = fatal
}
