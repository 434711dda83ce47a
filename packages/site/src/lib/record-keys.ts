import {recordTargetsOf, type RecordKind, type Runbook} from '@runsheet/parser'

/** Per kind, id → fingerprint: what run mode stores with each entry, and matches a changed runbook by. */
export type RecordKeys = Record<RecordKind, ReadonlyMap<string, string>>

/**
 * The runbook's fingerprints, as the page writes them on its boxes, blanks and choices (`data-fp`):
 * computed from the model by the parser, as `runsheet format --record` computes them, so that a record
 * matches the same steps in both. On the elements, not in a table by id: the page writes each id once.
 */
export function recordKeysOf(runbook: Runbook): RecordKeys {
  const targets = recordTargetsOf(runbook)
  const keysOf = (kind: RecordKind) => new Map(targets[kind].map((target) => [target.id, target.key]))
  return {items: keysOf('items'), blanks: keysOf('blanks'), choices: keysOf('choices')}
}
