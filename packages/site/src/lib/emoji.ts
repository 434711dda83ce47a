import {nameToEmoji} from 'gemoji'

/**
 * Text as GitHub shows it: its emoji shortcodes (`:white_check_mark:`, `:rocket:`) as the emoji they name.
 * Names GitHub does not know stay as written (`:not_an_emoji:`, `12:30:45`). The model keeps the text as
 * written; only what the page shows changes.
 */
export function withEmoji(text: string): string {
  if (!text.includes(':')) return text
  return text.replace(shortcode, (whole, name: string) => (Object.hasOwn(nameToEmoji, name) ? nameToEmoji[name]! : whole))
}

const shortcode = /:([a-z\d_+-]+):/g
