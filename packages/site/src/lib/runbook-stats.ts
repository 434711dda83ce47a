import {stats, type Runbook, type RunbookStats, type SectionStats} from '@runsheet/parser'

/** A runbook's counts, and each section's by id. */
export interface PageStats extends RunbookStats {
  /** Steps done and total per section id (subsections included), as the source has them. */
  byId: ReadonlyMap<string, SectionStats>
}

const counted = new WeakMap<Runbook, PageStats>()

/**
 * The parser's `stats` of a runbook, counted once per runbook however many pages and components show
 * them (its page, its table of contents, its card on each home page).
 */
export function statsOf(runbook: Runbook): PageStats {
  let found = counted.get(runbook)
  if (!found) {
    const counts = stats(runbook)
    found = {...counts, byId: new Map(counts.sections.map((section) => [section.id, section]))}
    counted.set(runbook, found)
  }
  return found
}
