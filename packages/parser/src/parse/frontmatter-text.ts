/**
 * A front matter value as the model's text (`title`, `subtitle`, `version`): a string with words in it,
 * trimmed, or a number; anything else (`title: ""`, a list) gives nothing, and the markdown's own is read.
 */
export function frontmatterText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}
