import type {CalloutKind, SectionKind} from '../schema/blocks.js'

/** Words that give a section its kind. */
export interface SectionKindKeywords {
  kind: Exclude<SectionKind, 'generic'>
  /** Phrases matched case-insensitively anywhere in the heading; the longest match over all kinds wins. */
  phrases: string[]
  /** A subsection inherits its parent's kind unless its own match is one of these self-contained kinds. */
  standalone?: boolean
}

/**
 * The vocabulary the parser recognises, per language. Every table is data: pass your own through the
 * `keywords` option to extend it (entries are appended to the built-in ones).
 */
export interface Keywords {
  sectionKinds: SectionKindKeywords[]
  /** Normalised field keys and the labels that map to them (`version`: `버전`, `Version`). */
  fieldKeys: Record<string, string[]>
  /** Field keys whose lines are sign-off lines even when alone (`**서명**: ____`). */
  signatureKeys: string[]
  /** Parenthesised or bare markers that make an item optional. */
  optionalMarkers: string[]
  /** Patterns with one capture group: the step number of a heading, in digits. */
  ordinalPatterns: RegExp[]
  /** Patterns with one capture group (the count, in digits) per unit. */
  timeframePatterns: Array<{unit: 'hour' | 'day' | 'week' | 'month'; pattern: RegExp}>
  /** Patterns a condition heading matches (`문제 발견 시:`, `If …:`). */
  triggerPatterns: RegExp[]
  /** Header words of a contacts table, per column. */
  contactColumns: Record<'role' | 'name' | 'contact' | 'escalation', string[]>
  /** MkDocs admonition types and the callout kind each maps to. */
  admonitionKinds: Record<string, CalloutKind>
  /**
   * Words that say an evidence passed or failed, and words that make a bracket a condition or an
   * expectation rather than a recorded result (`(실패 시 롤백)`, `(expect all to pass)`); optional, so that
   * tables written before it still merge.
   */
  evidenceMarks: {passed: string[]; failed: string[]; conditions?: string[]}
  /** Header labels whose value is the runbook version / update date. */
  footerVersionLabels: string[]
  footerUpdatedLabels: string[]
}
