import * as z from 'zod'
import {blockSchema, fieldSchema} from './blocks.js'
import {inlineSchema} from './inline.js'
import {positionSchema} from './position.js'

export const langSchema = z.enum(['ko', 'en', 'mixed']).meta({id: 'Lang'})

/** Another-language edition of the same runbook. */
export const translationSchema = z
  .object({lang: z.string(), path: z.string()})
  .meta({id: 'Translation'})

export const sourceSchema = z
  .object({
    /** The path the runbook was read from (relative to the root folder when one was given). */
    path: z.string().nullable(),
    /** Hex SHA-256 of the exact source bytes (UTF-8), to match a printout to its file. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/)
  })
  .meta({id: 'Source'})

/** The root of the model: one runbook document. */
export const runbookSchema = z
  .object({
    type: z.literal('runbook'),
    title: z.string(),
    /**
     * The heading the title was read from (`# …`) as written, its links, code and emphasis kept: what
     * `toMarkdown` writes back. Null when the title is the front matter's, the first section's or the file's name.
     */
    titleContent: z.array(inlineSchema).nullable(),
    subtitle: z.string().nullable(),
    /** The subtitle's heading (`## …` right under the title) as written; null when there is none (a subtitle from the front matter alone). */
    subtitleContent: z.array(inlineSchema).nullable(),
    lang: langSchema,
    version: z.string().nullable(),
    /** ISO date (`2025-08-21`) of the last update. */
    updated: z.iso.date().nullable(),
    /** The header fields under the title (`**버전**: 1.0.0`). */
    meta: z.array(fieldSchema),
    children: z.array(blockSchema),
    /** What follows the last thematic break when no heading does. */
    footer: z.array(blockSchema),
    translations: z.array(translationSchema),
    /** YAML front matter as parsed, or null. */
    frontmatter: z.record(z.string(), z.unknown()).nullable(),
    source: sourceSchema,
    position: positionSchema.optional()
  })
  .meta({id: 'Runbook'})

export type Lang = z.infer<typeof langSchema>
export type Translation = z.infer<typeof translationSchema>
export type Source = z.infer<typeof sourceSchema>
export type Runbook = z.infer<typeof runbookSchema>
