/**
 * Fingerprints of steps, blanks and choices that do not depend on their ids: a run record finds a step
 * again by them after its section was renamed or a repeated step was inserted above it.
 */

/** Text as fingerprints compare it: Unicode-normalised, spaces collapsed, trimmed. */
export function normalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * The fingerprint of a step (or blank, or choice): a hash of its text, and one of its text between its
 * neighbours' (the previous and next step), each 53 bits in base 36, after `u` where its text is the
 * only one of its kind on the page, else `r`: `u1x9k3m.8fj2a0q`. A step whose text was its own is found
 * again by its text alone; a repeated one only with the same neighbours.
 */
export function fingerprintOf(before: string, text: string, after: string, unique: boolean): string {
  return `${unique ? 'u' : 'r'}${hash53(text).toString(36)}.${hash53(`${before}\u001f${text}\u001f${after}`).toString(36)}`
}

/** A fingerprint's parts, or undefined when it is not one. */
export function partsOfFingerprint(key: string): {unique: boolean; text: string; context: string} | undefined {
  const match = /^([ur])([0-9a-z]+)\.([0-9a-z]+)$/.exec(key)
  return match ? {unique: match[1] === 'u', text: match[2]!, context: match[3]!} : undefined
}

/** cyrb53: a fast, well-spread 53-bit string hash (public domain, bryc). Not for secrets: only to compare. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
