import type {Signature} from '@runsheet/parser'

type Field = Signature['fields'][number]

/**
 * The field keys that name who signs (`**배포자**`, `**Reviewed by**`). A line's first field always starts
 * its first signer; a later field starts another only when it names one: `Role`, `Environment` or `Notes`
 * on the line are about the signer before them, not signers of their own.
 */
const signerKeys = new Set(['deployer', 'approver', 'reviewer', 'author', 'owner', 'incidentCommander'])

/** A sign-off line's fields by signer: each signer with the fields after it, up to the next signer. */
export function fieldsBySigner(fields: readonly Field[]): Field[][] {
  const groups: Field[][] = []
  for (const field of fields) {
    if (groups.length === 0 || (field.key !== null && signerKeys.has(field.key))) groups.push([field])
    else groups.at(-1)!.push(field)
  }
  return groups
}
