import {z} from 'zod'

/** Whether a value conforms to the schema it was made from. */
export type Validator = (value: unknown) => boolean

const made = new WeakMap<z.ZodType, Validator>()

/**
 * A check that a value conforms to a schema: the same answer as `schema.safeParse(value).success`,
 * without building a copy of the value.
 *
 * Every parse checks its model against the runbook schema, and zod's runtime parser, which copies
 * what it reads and tracks cycles in the input through a recursive schema, cost more than a third of
 * building the model. `z.compile` makes a check-only validator, but only for a schema without
 * cycles. So every part of the schema that has none is compiled, and the recursive edges between
 * them (`children`, `items`, `content`…) are walked here: arrays, optionals, nullables and
 * discriminated unions. Anything else falls back to zod's own `validate`.
 */
export function validatorOf(schema: z.ZodType): Validator {
  const known = made.get(schema)
  if (known) return known
  // A recursive schema reaches itself while its validator is being made: it calls the finished one.
  let finished: Validator | undefined
  made.set(schema, (value) => finished!(value))
  finished = (hasCycle(schema) ? undefined : compiled(schema)) ?? structural(schema)
  made.set(schema, finished)
  return finished
}

function hasCycle(schema: z.ZodType): boolean {
  return z.core.isRecursiveSchema(schema)
}

/** A compiled, check-only validator, or undefined when zod cannot compile the schema. */
function compiled(schema: z.ZodType): Validator | undefined {
  try {
    const fast = z.compile(schema, {strict: true})
    return (value) => fast.validate(value)
  } catch (error) {
    if (error instanceof z.ZodCompileUnsupportedError || error instanceof z.ZodCompileAsyncError) return undefined
    throw error
  }
}

function structural(schema: z.ZodType): Validator {
  if (schema instanceof z.ZodOptional) {
    const inner = validatorOf(schema.unwrap() as z.ZodType)
    return (value) => value === undefined || inner(value)
  }
  if (schema instanceof z.ZodNullable) {
    const inner = validatorOf(schema.unwrap() as z.ZodType)
    return (value) => value === null || inner(value)
  }
  if (schema instanceof z.ZodArray) {
    const element = validatorOf(schema.element as z.ZodType)
    return (value) => {
      if (!Array.isArray(value)) return false
      for (const each of value) if (!element(each)) return false
      return true
    }
  }
  if (schema instanceof z.ZodDiscriminatedUnion) return unionValidator(schema)
  if (schema instanceof z.ZodObject) return objectValidator(schema)
  return (value) => schema.validate(value)
}

/** Dispatches on the discriminator, as zod does: an unknown value is invalid. */
function unionValidator(schema: z.ZodDiscriminatedUnion): Validator {
  const key = schema.def.discriminator
  // Each discriminator value met is looked up in the union once.
  const byTag = new Map<unknown, Validator>()
  return (value) => {
    if (typeof value !== 'object' || value === null) return false
    const tag = (value as Record<string, unknown>)[key]
    let validate = byTag.get(tag)
    if (!validate) {
      const option = z.getDiscriminatedOption(schema, tag as never) as z.ZodType | undefined
      if (!option) return false
      validate = validatorOf(option)
      byTag.set(tag, validate)
    }
    return validate(value)
  }
}

/** The fields without cycles are checked by one compiled object; each recursive field on its own. */
function objectValidator(schema: z.ZodObject): Validator {
  const flat: Record<string, true> = {}
  const nested: Array<[key: string, validate: Validator]> = []
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (hasCycle(field)) nested.push([key, validatorOf(field)])
    else flat[key] = true
  }
  const flatSchema = schema.pick(flat)
  const fields = compiled(flatSchema) ?? ((value: unknown) => flatSchema.validate(value))
  return (value) => {
    if (!fields(value)) return false
    for (const [key, validate] of nested) if (!validate((value as Record<string, unknown>)[key])) return false
    return true
  }
}
