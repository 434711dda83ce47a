import {recordKinds, recordTargetsOf, type RecordKind, type Runbook} from '@runsheet/parser'

/** Per kind, id → fingerprint: what run mode stores with each entry, and matches a changed runbook by. */
export type RecordKeys = Record<RecordKind, Record<string, string>>

/**
 * The runbook's fingerprints as the page carries them to run mode: computed from the model by the
 * parser, as `runsheet format --record` computes them, so that a record matches the same steps in both.
 */
export function recordKeysOf(runbook: Runbook): RecordKeys {
  const targets = recordTargetsOf(runbook)
  // fromEntries defines properties: an id named `__proto__` stays a key of its own.
  return Object.fromEntries(recordKinds.map((kind) => [kind, Object.fromEntries(targets[kind].map((target) => [target.id, target.key]))])) as RecordKeys
}
