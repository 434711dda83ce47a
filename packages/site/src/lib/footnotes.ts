/** The element id of a footnote definition. `:` never occurs in model ids, so it cannot clash with one. */
export function footnoteId(identifier: string): string {
  return `fn:${identifier}`
}
