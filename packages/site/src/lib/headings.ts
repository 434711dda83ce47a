import type {Section} from '@runsheet/parser'

/** The heading level of a section: `h2` to `h6`, the page title being the only `h1`. */
export function headingLevel(section: Section): 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(2, section.depth)) as 2 | 3 | 4 | 5 | 6
}

/**
 * The id of a section's heading. The `<section>` carries the model id; the heading carries the GitHub
 * anchor (`-롤백-절차`), so links written for GitHub land on it, unless the anchor is the model id or
 * another element's id, when it gets `rs:h:<id>` (`:` never occurs in model ids).
 */
export function headingId(section: Section, ids: ReadonlySet<string>): string {
  if (section.anchor !== '' && section.anchor !== section.id && !ids.has(section.anchor)) return section.anchor
  return `rs:h:${section.id}`
}
