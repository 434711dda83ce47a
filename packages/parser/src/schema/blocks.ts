import * as z from 'zod'
import {inlineSchema} from './inline.js'
import {positionSchema} from './position.js'

/** What a section is for, from the keywords of its heading (or its parent's). */
export const sectionKindSchema = z
  .enum([
    'prerequisites',
    'procedure',
    'verification',
    'rollback',
    'golive',
    'followup',
    'contacts',
    'signoff',
    'references',
    'quickref',
    'generic'
  ])
  .meta({id: 'SectionKind'})

/** A relative period a section belongs to: `1일차` / `Day 1` → `{unit: 'day', count: 1}`. */
export const timeframeSchema = z
  .object({unit: z.enum(['hour', 'day', 'week', 'month']), count: z.number().int().min(0), text: z.string()})
  .meta({id: 'Timeframe'})

/** A measurable target: `응답 시간 < 500ms (p95)`. */
export const criterionSchema = z
  .object({
    metric: z.string(),
    op: z.enum(['<', '<=', '>', '>=', '=']),
    value: z.number(),
    unit: z.string().nullable(),
    qualifier: z.string().nullable(),
    /** The words as written, so a renderer can show them unchanged. */
    text: z.string()
  })
  .meta({id: 'Criterion'})

/** A result recorded in the item itself: `(커버리지: 84.9% ✓)`. */
export const evidenceSchema = z
  .object({
    label: z.string().nullable(),
    value: z.string().nullable(),
    /** `true` for ✓ ✔ ✅ PASS, `false` for ✗ ✘ ❌ FAIL, `null` when unmarked. */
    passed: z.boolean().nullable(),
    text: z.string()
  })
  .meta({id: 'Evidence'})

/** One command of a multi-command block, with the `# comment` line that labels it. */
export const commandPartSchema = z
  .object({label: z.string().nullable(), code: z.string()})
  .meta({id: 'CommandPart'})

/** A code block: inside an item it is that step's command; elsewhere a reference command. */
export const commandSchema = z
  .object({
    type: z.literal('command'),
    lang: z.string().nullable(),
    meta: z.string().nullable(),
    code: z.string(),
    /** Present when `# comment` lines label the commands that follow them (quick-reference blocks). */
    parts: z.array(commandPartSchema).optional(),
    position: positionSchema.optional()
  })
  .meta({id: 'Command'})

/** A `**라벨**: 값` line. */
export const fieldSchema = z
  .object({
    type: z.literal('field'),
    /** The label as written, without the colon. */
    label: z.string(),
    /** The label normalised across languages (`버전`, `Version` → `version`), or null when unknown. */
    key: z.string().nullable(),
    value: z.array(inlineSchema),
    /** The value as plain text. */
    text: z.string(),
    position: positionSchema.optional()
  })
  .meta({id: 'Field'})

export const choiceOptionSchema = z
  .object({label: z.string(), checked: z.boolean()})
  .meta({id: 'ChoiceOption'})

/** A single-choice line: `**배포 상태**: [ ] 성공 [ ] 부분 성공 [ ] 실패`. */
export const choiceSchema = z
  .object({
    type: z.literal('choice'),
    /** Unique in the runbook: the key run mode stores the chosen option under. */
    id: z.string(),
    label: z.string().nullable(),
    key: z.string().nullable(),
    options: z.array(choiceOptionSchema),
    position: positionSchema.optional()
  })
  .meta({id: 'Choice'})

/** A sign-off line: `**배포자**: ____ **날짜**: ____`. Printed as one block that never splits. */
export const signatureSchema = z
  .object({type: z.literal('signature'), fields: z.array(fieldSchema), position: positionSchema.optional()})
  .meta({id: 'Signature'})

export const paragraphSchema = z
  .object({type: z.literal('paragraph'), children: z.array(inlineSchema), position: positionSchema.optional()})
  .meta({id: 'Paragraph'})

export const tableCellSchema = z
  .object({type: z.literal('tableCell'), children: z.array(inlineSchema), text: z.string(), position: positionSchema.optional()})
  .meta({id: 'TableCell'})

export const contactSchema = z
  .object({
    role: z.string(),
    name: z.string(),
    contact: z.string(),
    escalation: z.string().nullable()
  })
  .meta({id: 'Contact'})

export const tableRowSchema = z
  .object({
    type: z.literal('tableRow'),
    cells: z.array(tableCellSchema),
    /** In a `contacts` table: the row read by its columns (empty strings where the cell is a blank). */
    contact: contactSchema.optional(),
    position: positionSchema.optional()
  })
  .meta({id: 'TableRow'})

export const tableColumnSchema = z.enum(['role', 'name', 'contact', 'escalation']).meta({id: 'TableColumn'})

export const tableSchema = z
  .object({
    type: z.literal('table'),
    kind: z.enum(['contacts', 'generic']),
    align: z.array(z.enum(['left', 'right', 'center']).nullable()),
    /** What each column holds, when its header says so (contacts tables). */
    columns: z.array(tableColumnSchema.nullable()),
    header: tableRowSchema,
    rows: z.array(tableRowSchema),
    position: positionSchema.optional()
  })
  .meta({id: 'Table'})

export const htmlSchema = z
  .object({type: z.literal('html'), value: z.string(), position: positionSchema.optional()})
  .meta({id: 'Html'})

export const definitionSchema = z
  .object({
    type: z.literal('definition'),
    identifier: z.string(),
    label: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    position: positionSchema.optional()
  })
  .meta({id: 'Definition'})

export const thematicBreakSchema = z
  .object({type: z.literal('thematicBreak'), position: positionSchema.optional()})
  .meta({id: 'ThematicBreak'})

export const calloutKindSchema = z
  .enum(['note', 'tip', 'important', 'warning', 'caution'])
  .meta({id: 'CalloutKind'})

const calloutShape = {
  type: z.literal('callout'),
  /** The kind it is shown as, which its tag maps to (`info` and `note` are both a `note`). */
  kind: calloutKindSchema,
  /**
   * The admonition type or GitHub alert label exactly as written (`info`, `WARNING`, `note`), which
   * `toMarkdown` writes back: the kind alone would turn `!!! info` into `!!! note`.
   */
  tag: z.string(),
  /** How it was written: a GitHub alert (`> [!WARNING]`) or an MkDocs admonition (`!!! warning`). */
  syntax: z.enum(['github', 'admonition']),
  /**
   * An MkDocs admonition written to fold (`???`, shown `closed`; `???+`, shown `open`); absent for one
   * written `!!!` and for GitHub alerts. `toMarkdown` writes the marker back from it.
   */
  collapsible: z.enum(['closed', 'open']).optional(),
  title: z.string().nullable(),
  position: positionSchema.optional()
}

export const calloutSchema = z
  .object({
    ...calloutShape,
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'Callout'})

export interface Callout extends z.infer<z.ZodObject<typeof calloutShape>> {
  children: Block[]
}

const blockquoteShape = {
  type: z.literal('blockquote'),
  position: positionSchema.optional()
}

export const blockquoteSchema = z
  .object({
    ...blockquoteShape,
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'Blockquote'})

export interface Blockquote extends z.infer<z.ZodObject<typeof blockquoteShape>> {
  children: Block[]
}

const footnoteDefinitionShape = {
  type: z.literal('footnoteDefinition'),
  identifier: z.string(),
  label: z.string(),
  position: positionSchema.optional()
}

export const footnoteDefinitionSchema = z
  .object({
    ...footnoteDefinitionShape,
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'FootnoteDefinition'})

export interface FootnoteDefinition extends z.infer<z.ZodObject<typeof footnoteDefinitionShape>> {
  children: Block[]
}

/** A step: one entry of a task list. */
const itemShape = {
  type: z.literal('item'),
  /** Stable and unique in the runbook: derived from the section and the text, not from the position. */
  id: z.string(),
  /** `true` / `false` for `[x]` / `[ ]`; `null` for a plain entry in a list that also holds tasks. */
  checked: z.boolean().nullable(),
  /** Its number in an ordered list as markdown renders it (start + index), else null. */
  number: z.number().int().nullable(),
  content: z.array(inlineSchema),
  text: z.string(),
  optional: z.boolean(),
  criterion: criterionSchema.nullable(),
  evidence: z.array(evidenceSchema),
  /** Code blocks nested under the item: the commands this step runs. */
  commands: z.array(commandSchema),
  position: positionSchema.optional()
}

export const itemSchema = z
  .object({
    ...itemShape,
    /** Entries of task lists nested under the item. */
    get items(): z.ZodArray<z.ZodType<Item>> {
      return z.array(itemSchema)
    },
    /** Every other nested block (paragraphs, plain lists, tables, callouts…), in source order. */
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'Item'})

export interface Item extends z.infer<z.ZodObject<typeof itemShape>> {
  items: Item[]
  children: Block[]
}

/** A list holding at least one task item. */
const checklistShape = {
  type: z.literal('checklist'),
  ordered: z.boolean(),
  start: z.number().int().nullable(),
  spread: z.boolean(),
  position: positionSchema.optional()
}

export const checklistSchema = z
  .object({
    ...checklistShape,
    get items(): z.ZodArray<z.ZodType<Item>> {
      return z.array(itemSchema)
    }
  })
  .meta({id: 'Checklist'})

export interface Checklist extends z.infer<z.ZodObject<typeof checklistShape>> {
  items: Item[]
}

const listItemShape = {
  type: z.literal('listItem'),
  spread: z.boolean(),
  position: positionSchema.optional()
}

export const listItemSchema = z
  .object({
    ...listItemShape,
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'ListItem'})

export interface ListItem extends z.infer<z.ZodObject<typeof listItemShape>> {
  children: Block[]
}

/** A list without task items. */
const listShape = {
  type: z.literal('list'),
  ordered: z.boolean(),
  start: z.number().int().nullable(),
  spread: z.boolean(),
  position: positionSchema.optional()
}

export const listSchema = z
  .object({
    ...listShape,
    get items(): z.ZodArray<z.ZodType<ListItem>> {
      return z.array(listItemSchema)
    }
  })
  .meta({id: 'List'})

export interface List extends z.infer<z.ZodObject<typeof listShape>> {
  items: ListItem[]
}

const sectionShape = {
  type: z.literal('section'),
  /** Unique, stable and readable (keeps Hangul): the slug of the title, prefixed by its parent's when taken. */
  id: z.string(),
  /** The GitHub heading anchor of this section (`#-롤백-절차`), so links written for GitHub land here. */
  anchor: z.string(),
  depth: z.number().int().min(1).max(6),
  /** The heading without its leading emoji. */
  title: z.array(inlineSchema),
  titleText: z.string(),
  /** A leading emoji of the heading. */
  icon: z.string().nullable(),
  kind: sectionKindSchema,
  /** The step number: `1단계`, `Step 1`, `Phase 2`, `1.` */
  ordinal: z.number().int().nullable(),
  timeframe: timeframeSchema.nullable(),
  /** The condition of a conditional heading (`문제 발견 시:`, `If the health check fails:`). */
  trigger: z.string().nullable(),
  position: positionSchema.optional()
}

export const sectionSchema = z
  .object({
    ...sectionShape,
    get children(): z.ZodArray<z.ZodType<Block>> {
      return z.array(blockSchema)
    }
  })
  .meta({id: 'Section'})

export interface Section extends z.infer<z.ZodObject<typeof sectionShape>> {
  children: Block[]
}

export const blockSchema = z
  .discriminatedUnion('type', [
    sectionSchema,
    checklistSchema,
    listSchema,
    commandSchema,
    tableSchema,
    fieldSchema,
    choiceSchema,
    signatureSchema,
    calloutSchema,
    blockquoteSchema,
    paragraphSchema,
    htmlSchema,
    definitionSchema,
    thematicBreakSchema,
    footnoteDefinitionSchema
  ])
  .meta({id: 'Block'})

export type SectionKind = z.infer<typeof sectionKindSchema>
export type Timeframe = z.infer<typeof timeframeSchema>
export type Criterion = z.infer<typeof criterionSchema>
export type Evidence = z.infer<typeof evidenceSchema>
export type CommandPart = z.infer<typeof commandPartSchema>
export type Command = z.infer<typeof commandSchema>
export type Field = z.infer<typeof fieldSchema>
export type ChoiceOption = z.infer<typeof choiceOptionSchema>
export type Choice = z.infer<typeof choiceSchema>
export type Signature = z.infer<typeof signatureSchema>
export type Paragraph = z.infer<typeof paragraphSchema>
export type TableCell = z.infer<typeof tableCellSchema>
export type Contact = z.infer<typeof contactSchema>
export type TableRow = z.infer<typeof tableRowSchema>
export type TableColumn = z.infer<typeof tableColumnSchema>
export type Table = z.infer<typeof tableSchema>
export type Html = z.infer<typeof htmlSchema>
export type Definition = z.infer<typeof definitionSchema>
export type ThematicBreak = z.infer<typeof thematicBreakSchema>
export type CalloutKind = z.infer<typeof calloutKindSchema>
/** Declared as the union of its members so that recursive schemas refer to it by name. */
export type Block =
  | Section
  | Checklist
  | List
  | Command
  | Table
  | Field
  | Choice
  | Signature
  | Callout
  | Blockquote
  | Paragraph
  | Html
  | Definition
  | ThematicBreak
  | FootnoteDefinition
