/**
 * Control characters and bidirectional overrides that a runbook or a file name may carry, which a terminal
 * would obey: an escape sequence can retitle the terminal or move the cursor, a line break can forge a
 * diagnostic line, an override can reorder what is shown.
 */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** `text` safe to print on one terminal line: each such character written as its `\u` escape. */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
