import type {Keywords} from '../keywords/types.js'

const tables = new WeakMap<Keywords, Map<string, string>>()

/** The normalised key of a label (`배포 담당자`, `Owner` → `owner`), or null when the vocabulary has none. */
export function fieldKeyOf(label: string, keywords: Keywords): string | null {
  let table = tables.get(keywords)
  if (!table) {
    table = new Map()
    for (const [key, labels] of Object.entries(keywords.fieldKeys)) {
      for (const each of labels) table.set(normaliseLabel(each), key)
    }
    tables.set(keywords, table)
  }
  return table.get(normaliseLabel(label)) ?? null
}

export function normaliseLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}
