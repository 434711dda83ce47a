import {describe, expectTypeOf, test} from 'vitest'
import type {z} from 'zod'
import type {
  Block,
  Blockquote,
  Callout,
  Checklist,
  FootnoteDefinition,
  Item,
  List,
  ListItem,
  Section,
  blockSchema,
  blockquoteSchema,
  calloutSchema,
  checklistSchema,
  footnoteDefinitionSchema,
  itemSchema,
  listItemSchema,
  listSchema,
  sectionSchema
} from './blocks.js'
import type {Delete, Emphasis, Inline, Link, Strong, deleteSchema, emphasisSchema, inlineSchema, linkSchema, strongSchema} from './inline.js'
import type {Runbook, runbookSchema} from './runbook.js'

/**
 * Recursive nodes name their recursive fields in an interface (so declarations can be emitted); these
 * checks, run by the type checker, keep each interface identical to what its schema infers.
 */
describe('types inferred from the schemas', () => {
  test('recursive block nodes', () => {
    expectTypeOf<z.infer<typeof sectionSchema>>().toEqualTypeOf<Section>()
    expectTypeOf<z.infer<typeof itemSchema>>().toEqualTypeOf<Item>()
    expectTypeOf<z.infer<typeof checklistSchema>>().toEqualTypeOf<Checklist>()
    expectTypeOf<z.infer<typeof listSchema>>().toEqualTypeOf<List>()
    expectTypeOf<z.infer<typeof listItemSchema>>().toEqualTypeOf<ListItem>()
    expectTypeOf<z.infer<typeof calloutSchema>>().toEqualTypeOf<Callout>()
    expectTypeOf<z.infer<typeof blockquoteSchema>>().toEqualTypeOf<Blockquote>()
    expectTypeOf<z.infer<typeof footnoteDefinitionSchema>>().toEqualTypeOf<FootnoteDefinition>()
    expectTypeOf<z.infer<typeof blockSchema>>().toEqualTypeOf<Block>()
  })

  test('recursive inline nodes', () => {
    expectTypeOf<z.infer<typeof strongSchema>>().toEqualTypeOf<Strong>()
    expectTypeOf<z.infer<typeof emphasisSchema>>().toEqualTypeOf<Emphasis>()
    expectTypeOf<z.infer<typeof deleteSchema>>().toEqualTypeOf<Delete>()
    expectTypeOf<z.infer<typeof linkSchema>>().toEqualTypeOf<Link>()
    expectTypeOf<z.infer<typeof inlineSchema>>().toEqualTypeOf<Inline>()
  })

  test('the root', () => {
    expectTypeOf<z.infer<typeof runbookSchema>>().toEqualTypeOf<Runbook>()
  })
})
