/**
 * Whether raw HTML from a runbook is comments alone (`<!-- Tue, YYYY-MM-DD -->`): notes to whoever edits
 * the file, which GitHub does not show. The parser reads past them before the title, and the site leaves
 * them out rather than showing them as source text (the model keeps them). An unclosed comment, which runs
 * to the end of its block, and text between two comments are not.
 */
export function isHtmlComment(value: string): boolean {
  return onlyComments.test(value)
}

const onlyComments = /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/
