import type {Keywords} from '../keywords/types.js'

const compiled = new WeakMap<Keywords, RegExp>()

/** Whether an item says it may be skipped: `(해당하는 경우)`, `(optional)`, `필요시`… */
export function isOptional(text: string, keywords: Keywords): boolean {
  return markersOf(keywords).test(text)
}

/** One pattern for every marker: in brackets anywhere, or as a word at either end of the text. */
function markersOf(keywords: Keywords): RegExp {
  let pattern = compiled.get(keywords)
  if (!pattern) {
    const words = keywords.optionalMarkers.map((marker) => marker.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
    pattern = new RegExp(`[(\\[（](?:${words})[)\\]）]|^(?:${words})(?:[: ]|$)|\\s(?:${words})$`, 'iu')
    compiled.set(keywords, pattern)
  }
  return pattern
}
