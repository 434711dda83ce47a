import * as z from 'zod'

/**
 * One tick, value or choice of a run, with when it was made. `text` and `key` say which step, blank or
 * choice it was made on apart from its id, which moves when a section is renamed or a repeated step is
 * inserted above: records written before they existed still read, and are matched by id alone.
 */
const timed = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    at: z.iso.datetime({offset: true}),
    /** The step's text, or the blank's or choice's label, as the page showed it: names an entry a changed runbook lost. */
    text: z.string().optional(),
    /** A fingerprint of that text and its neighbours' (the steps before and after it), independent of ids. */
    key: z.string().optional()
  })

/**
 * The record of one run of a runbook: what was ticked, filled in and chosen, and when. Keys are the
 * model's ids, so a record still applies after unrelated edits to the runbook.
 */
export const runRecordSchema = z
  .object({
    format: z.literal('runsheet-record/1'),
    runbook: z.object({
      title: z.string(),
      path: z.string().nullable(),
      /** The source hash the run was made against: a different one means the runbook changed since. */
      sha256: z.string(),
      version: z.string().nullable()
    }),
    startedAt: z.iso.datetime({offset: true}).nullable(),
    updatedAt: z.iso.datetime({offset: true}).nullable(),
    /** Item id → checked state. An own property per id, so an id named `__proto__` is a step like any other. */
    items: z.record(z.string(), timed(z.boolean())),
    /** Blank id → the text written in it. */
    blanks: z.record(z.string(), timed(z.string())),
    /** Choice id → the label of the chosen option. */
    choices: z.record(z.string(), timed(z.string()))
  })
  .meta({id: 'RunRecord'})

export type RunRecord = z.infer<typeof runRecordSchema>
