import * as z from 'zod'
import {positionSchema} from './position.js'

/**
 * What a link points at.
 * `runbook`: a relative markdown document (with its language when its name says it);
 * `file`: any other relative path (scripts, images, folders);
 * `external`: an absolute URL (`https:`, `mailto:`…);
 * `anchor`: a fragment in the same document.
 */
export const linkTargetSchema = z
  .object({
    kind: z.enum(['runbook', 'file', 'external', 'anchor']),
    /** For `runbook` and `file`: the path relative to the linking file, without fragment or query. */
    path: z.string().optional(),
    /** For `runbook` and `file` resolved against a root folder: the path relative to that root. */
    resolved: z.string().optional(),
    /** Whether the resolved path exists; only set when a root folder was given. */
    exists: z.boolean().optional(),
    /** The fragment without `#`, decoded. */
    anchor: z.string().optional(),
    /** For `runbook`: the language its file name declares (`x.ko.md` → `ko`). */
    lang: z.string().optional()
  })
  .meta({id: 'LinkTarget'})

export const textSchema = z
  .object({type: z.literal('text'), value: z.string(), position: positionSchema.optional()})
  .meta({id: 'Text'})

export const inlineCodeSchema = z
  .object({type: z.literal('inlineCode'), value: z.string(), position: positionSchema.optional()})
  .meta({id: 'InlineCode'})

export const breakSchema = z.object({type: z.literal('break'), position: positionSchema.optional()}).meta({id: 'Break'})

/** Raw inline HTML, kept verbatim; the site escapes it. */
export const inlineHtmlSchema = z
  .object({type: z.literal('html'), value: z.string(), position: positionSchema.optional()})
  .meta({id: 'InlineHtml'})

/** A fill-in blank: a run of three or more underscores. */
export const blankSchema = z
  .object({
    type: z.literal('blank'),
    /** Unique in the runbook, stable like item ids: the key run mode stores the filled value under. */
    id: z.string(),
    /** How many underscores the author wrote: a hint of the expected length. */
    width: z.number().int().min(1),
    /** What goes in it: the label of its field, table column or line, when one is known. */
    label: z.string().optional(),
    /** A value filled in (run mode, or `toMarkdown` of a record); absent while blank. */
    value: z.string().optional(),
    position: positionSchema.optional()
  })
  .meta({id: 'Blank'})

export const imageSchema = z
  .object({
    type: z.literal('image'),
    url: z.string(),
    alt: z.string(),
    title: z.string().nullable(),
    position: positionSchema.optional()
  })
  .meta({id: 'Image'})

export const footnoteReferenceSchema = z
  .object({type: z.literal('footnoteReference'), identifier: z.string(), label: z.string(), position: positionSchema.optional()})
  .meta({id: 'FootnoteReference'})

const strongShape = {
  type: z.literal('strong'),
  position: positionSchema.optional()
}

export const strongSchema = z
  .object({
    ...strongShape,
    get children(): z.ZodArray<z.ZodType<Inline>> {
      return z.array(inlineSchema)
    }
  })
  .meta({id: 'Strong'})

export interface Strong extends z.infer<z.ZodObject<typeof strongShape>> {
  children: Inline[]
}

const emphasisShape = {
  type: z.literal('emphasis'),
  position: positionSchema.optional()
}

export const emphasisSchema = z
  .object({
    ...emphasisShape,
    get children(): z.ZodArray<z.ZodType<Inline>> {
      return z.array(inlineSchema)
    }
  })
  .meta({id: 'Emphasis'})

export interface Emphasis extends z.infer<z.ZodObject<typeof emphasisShape>> {
  children: Inline[]
}

const deleteShape = {
  type: z.literal('delete'),
  position: positionSchema.optional()
}

export const deleteSchema = z
  .object({
    ...deleteShape,
    get children(): z.ZodArray<z.ZodType<Inline>> {
      return z.array(inlineSchema)
    }
  })
  .meta({id: 'Delete'})

export interface Delete extends z.infer<z.ZodObject<typeof deleteShape>> {
  children: Inline[]
}

const linkShape = {
  type: z.literal('link'),
  href: z.string(),
  title: z.string().nullable(),
  target: linkTargetSchema,
  /** How the author wrote it. `reference` links keep their label; `autolink` covers `<…>` and bare URLs. */
  form: z.enum(['inline', 'reference', 'autolink']),
  /** For reference links: the definition's label. */
  label: z.string().optional(),
  position: positionSchema.optional()
}

export const linkSchema = z
  .object({
    ...linkShape,
    get children(): z.ZodArray<z.ZodType<Inline>> {
      return z.array(inlineSchema)
    }
  })
  .meta({id: 'Link'})

export interface Link extends z.infer<z.ZodObject<typeof linkShape>> {
  children: Inline[]
}

/** Phrasing content: what titles, item texts, field values and table cells are made of. */
export const inlineSchema = z
  .discriminatedUnion('type', [
    textSchema,
    strongSchema,
    emphasisSchema,
    deleteSchema,
    inlineCodeSchema,
    breakSchema,
    linkSchema,
    blankSchema,
    imageSchema,
    inlineHtmlSchema,
    footnoteReferenceSchema
  ])
  .meta({id: 'Inline'})

export type LinkTarget = z.infer<typeof linkTargetSchema>
export type Text = z.infer<typeof textSchema>
export type InlineCode = z.infer<typeof inlineCodeSchema>
export type Break = z.infer<typeof breakSchema>
export type InlineHtml = z.infer<typeof inlineHtmlSchema>
export type Blank = z.infer<typeof blankSchema>
export type Image = z.infer<typeof imageSchema>
export type FootnoteReference = z.infer<typeof footnoteReferenceSchema>
/** Declared as the union of its members so that recursive schemas refer to it by name. */
export type Inline = Text | Strong | Emphasis | Delete | InlineCode | Break | Link | Blank | Image | InlineHtml | FootnoteReference
