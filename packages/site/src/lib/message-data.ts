/**
 * Parser messages as plain data and back: a `VFileMessage` is a class instance, which neither a worker's
 * `postMessage` nor the model cache's JSON keeps as such.
 */
import {VFileMessage} from 'vfile-message'

/** A message's own fields, JSON-able: `reason`, `place`, `ruleId`, `source`, `fatal`, `url`, `note`… */
export type MessageData = Record<string, unknown> & {reason: string}

/** The message's own enumerable fields, but a `cause`, which is no runbook's data. */
export function messageData(message: VFileMessage): MessageData {
  const {cause: _cause, ...data} = {...message}
  return JSON.parse(JSON.stringify(data)) as MessageData
}

/** The message again, as a `VFileMessage` with the same fields. */
export function revivedMessage(data: MessageData): VFileMessage {
  return Object.assign(new VFileMessage(data.reason), data)
}
