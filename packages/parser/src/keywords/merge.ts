import {en} from './en.js'
import {ko} from './ko.js'
import type {Keywords} from './types.js'

/** The built-in vocabulary: Korean and English together, since runbooks mix them freely. */
export const defaultKeywords: Keywords = mergeKeywords(ko, en)

/** Appends every table of `extra` to those of `base`; `base` is not changed. */
export function mergeKeywords(base: Keywords, extra: Partial<Keywords>): Keywords {
  const fieldKeys: Record<string, string[]> = {...base.fieldKeys}
  for (const [key, labels] of Object.entries(extra.fieldKeys ?? {})) {
    fieldKeys[key] = [...(fieldKeys[key] ?? []), ...labels]
  }

  const contactColumns = {...base.contactColumns}
  for (const column of Object.keys(contactColumns) as Array<keyof typeof contactColumns>) {
    contactColumns[column] = [...contactColumns[column], ...(extra.contactColumns?.[column] ?? [])]
  }

  return {
    sectionKinds: [...base.sectionKinds, ...(extra.sectionKinds ?? [])],
    fieldKeys,
    signatureKeys: [...base.signatureKeys, ...(extra.signatureKeys ?? [])],
    optionalMarkers: [...base.optionalMarkers, ...(extra.optionalMarkers ?? [])],
    ordinalPatterns: [...base.ordinalPatterns, ...(extra.ordinalPatterns ?? [])],
    timeframePatterns: [...base.timeframePatterns, ...(extra.timeframePatterns ?? [])],
    triggerPatterns: [...base.triggerPatterns, ...(extra.triggerPatterns ?? [])],
    contactColumns,
    admonitionKinds: {...base.admonitionKinds, ...extra.admonitionKinds},
    evidenceMarks: {
      passed: [...base.evidenceMarks.passed, ...(extra.evidenceMarks?.passed ?? [])],
      failed: [...base.evidenceMarks.failed, ...(extra.evidenceMarks?.failed ?? [])],
      conditions: [...(base.evidenceMarks.conditions ?? []), ...(extra.evidenceMarks?.conditions ?? [])]
    },
    footerVersionLabels: [...base.footerVersionLabels, ...(extra.footerVersionLabels ?? [])],
    footerUpdatedLabels: [...base.footerUpdatedLabels, ...(extra.footerUpdatedLabels ?? [])]
  }
}
