import * as z from 'zod'

/** A place in the source: 1-indexed line and column, 0-indexed offset (unist `Point`). */
export const pointSchema = z
  .object({
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    offset: z.number().int().min(0)
  })
  .meta({id: 'Point'})

/** Where a node starts and ends in the original source (unist `Position`). */
export const positionSchema = z.compile(z.object({start: pointSchema, end: pointSchema}).meta({id: 'Position'}))

export type Point = z.infer<typeof pointSchema>
export type Position = z.infer<typeof positionSchema>
