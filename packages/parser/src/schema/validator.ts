import {z} from 'zod'

/** Whether a value conforms to the schema it was made from. */
export type Validator = (value: unknown) => boolean

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
 *
 * `shortcuts` are checks written by hand for schemas met at every node (positions), where even the
 * compiled check costs: each must give the schema's answer on any value, and a test must hold it to that.
 */
export function validatorOf(schema: z.ZodType, shortcuts: ReadonlyMap<z.ZodType, Validator> = new Map()): Validator {
  return new Validators(shortcuts).of(schema)
}

class Validators {
  readonly #made = new Map<z.ZodType, Validator>()
  readonly #shortcuts: ReadonlyMap<z.ZodType, Validator>

  constructor(shortcuts: ReadonlyMap<z.ZodType, Validator>) {
    this.#shortcuts = shortcuts
  }

  of(schema: z.ZodType): Validator {
    const known = this.#made.get(schema) ?? this.#shortcuts.get(schema)
    if (known) return known
    // A recursive schema reaches itself while its validator is being made: it calls the finished one.
    let finished: Validator | undefined
    this.#made.set(schema, (value) => finished!(value))
    finished = (this.#compilable(schema) ? compiled(schema) : undefined) ?? this.#structural(schema)
    this.#made.set(schema, finished)
    return finished
  }

  /** Without cycles, and not a shortcut (or an optional one): a compiled object would check that field itself. */
  #compilable(schema: z.ZodType): boolean {
    if (hasCycle(schema)) return false
    const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema
    return !this.#shortcuts.has(inner)
  }

  #structural(schema: z.ZodType): Validator {
    if (schema instanceof z.ZodOptional) {
      const inner = this.of(schema.unwrap() as z.ZodType)
      return (value) => value === undefined || inner(value)
    }
    if (schema instanceof z.ZodNullable) {
      const inner = this.of(schema.unwrap() as z.ZodType)
      return (value) => value === null || inner(value)
    }
    if (schema instanceof z.ZodArray) {
      const element = this.of(schema.element as z.ZodType)
      return (value) => {
        if (!Array.isArray(value)) return false
        for (const each of value) if (!element(each)) return false
        return true
      }
    }
    if (schema instanceof z.ZodDiscriminatedUnion) return this.#union(schema)
    if (schema instanceof z.ZodObject) return this.#object(schema)
    return (value) => schema.validate(value)
  }

  /** Dispatches on the discriminator, as zod does: an unknown value is invalid. */
  #union(schema: z.ZodDiscriminatedUnion): Validator {
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
        validate = this.of(option)
        byTag.set(tag, validate)
      }
      return validate(value)
    }
  }

  /** The fields that compile are checked by one compiled object; each other field on its own. */
  #object(schema: z.ZodObject): Validator {
    const flat: Record<string, true> = {}
    const nested: Array<[key: string, validate: Validator]> = []
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (this.#compilable(field)) flat[key] = true
      else nested.push([key, this.of(field)])
    }
    const flatSchema = schema.pick(flat)
    const fields = compiled(flatSchema) ?? ((value: unknown) => flatSchema.validate(value))
    return (value) => {
      if (!fields(value)) return false
      for (const [key, validate] of nested) if (!validate((value as Record<string, unknown>)[key])) return false
      return true
    }
  }
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
