import type {Keywords} from '../keywords/types.js'

/** Whether an item says it may be skipped: `(해당하는 경우)`, `(optional)`, `필요시`… */
export function isOptional(text: string, keywords: Keywords): boolean {
  const lower = text.toLowerCase()
  return keywords.optionalMarkers.some((marker) => {
    const word = marker.toLowerCase()
    return (
      lower.includes(`(${word})`) ||
      lower.includes(`[${word}]`) ||
      lower.includes(`（${word}）`) ||
      lower.startsWith(`${word}:`) ||
      lower.startsWith(`${word} `) ||
      lower.endsWith(` ${word}`) ||
      lower === word
    )
  })
}
