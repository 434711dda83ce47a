import type {Heading} from 'mdast'
import type {SectionKind, Timeframe} from '../schema/blocks.js'
import type {Inline} from '../schema/inline.js'
import {phraseIndexOf} from '../keywords/phrase-index.js'
import type {Keywords} from '../keywords/types.js'
import type {Context} from './context.js'
import {inlinesFromPhrasing} from './inline.js'
import {sliceText} from './lines.js'
import {splitLeadingEmoji, squash, textOfInlines} from './text.js'

/** What a heading says about its section, besides ids. */
export interface HeadingInfo {
  title: Inline[]
  titleText: string
  icon: string | null
  kind: SectionKind
  /** Whether the kind came from the heading's own words (not inherited). */
  ownKind: boolean
  ordinal: number | null
  timeframe: Timeframe | null
  trigger: string | null
}

export function headingInfoOf(node: Heading, parentKind: SectionKind | null, context: Context): HeadingInfo {
  let title = inlinesFromPhrasing(node.children, context)
  let icon: string | null = null
  const first = title[0]
  if (first?.type === 'text') {
    const [emoji, rest] = splitLeadingEmoji(first.value)
    if (emoji) {
      icon = emoji
      const cut = first.value.length - rest.length
      title = rest ? [sliceText(first, cut, first.value.length, context), ...title.slice(1)] : title.slice(1)
    }
  }
  const titleText = squash(textOfInlines(title))
  const own = sectionKindOf(titleText, context.keywords)
  const inherits = parentKind !== null && parentKind !== 'generic' && !(own && isStandalone(own, context.keywords))
  const kind = inherits ? parentKind : (own ?? 'generic')
  return {
    title,
    titleText,
    icon,
    kind,
    ownKind: !inherits && own !== undefined,
    ordinal: ordinalOf(titleText, context.keywords),
    timeframe: timeframeOf(titleText, context.keywords),
    trigger: triggerOf(titleText, context.keywords)
  }
}

/** The kind whose longest phrase occurs in the title; ties go to the earlier kind. */
export function sectionKindOf(title: string, keywords: Keywords): Exclude<SectionKind, 'generic'> | undefined {
  let find = kindFinders.get(keywords)
  if (!find) {
    find = phraseIndexOf(keywords.sectionKinds.flatMap(({kind, phrases}) => phrases.map((phrase) => ({phrase, value: kind}))))
    kindFinders.set(keywords, find)
  }
  return find(title)
}

const kindFinders = new WeakMap<Keywords, (title: string) => Exclude<SectionKind, 'generic'> | undefined>()

function isStandalone(kind: SectionKind, keywords: Keywords): boolean {
  return keywords.sectionKinds.some((entry) => entry.kind === kind && entry.standalone)
}

const digit = /\d/

export function ordinalOf(title: string, keywords: Keywords): number | null {
  // A step number is written in digits: most titles have none, and need no pattern run.
  if (!digit.test(title)) return null
  for (const pattern of keywords.ordinalPatterns) {
    const match = pattern.exec(title)
    if (match?.[1]) return countOf(match[1])
  }
  return null
}

export function timeframeOf(title: string, keywords: Keywords): Timeframe | null {
  if (!digit.test(title)) return null
  for (const {unit, pattern} of keywords.timeframePatterns) {
    const match = pattern.exec(title)
    const count = match?.slice(1).find((group) => group !== undefined)
    if (!match || count === undefined) continue
    const read = countOf(count)
    return read === null ? null : {unit, count: read, text: match[0].trim()}
  }
  return null
}

/**
 * The number digits write, or null when a JavaScript number cannot hold it exactly (past 2^53 − 1): a
 * rounded count would not be what the title says, and the model's schema wants a safe integer.
 */
function countOf(digits: string): number | null {
  const count = Number(digits)
  return Number.isSafeInteger(count) ? count : null
}

/** The condition a heading states; a question (`When is it viable?`) asks, it does not state one. */
export function triggerOf(title: string, keywords: Keywords): string | null {
  if (/[?？]\s*$/.test(title)) return null
  return keywords.triggerPatterns.some((pattern) => pattern.test(title)) ? title.replace(/\s*[:：]\s*$/, '') : null
}
