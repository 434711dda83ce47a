/** Data the page embeds for its scripts, in `<script type="application/json">` elements. */
import type {ClientMessages} from '../lib/i18n.js'

/** The JSON in the first element under `root` that matches `selector`, or undefined when it is missing or broken. */
export function readJson<T>(root: ParentNode, selector: string): T | undefined {
  const text = root.querySelector(selector)?.textContent
  if (!text) return undefined
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}

/** The interface strings embedded under `root` at `selector`; none when the page has none. */
export function readMessages(root: ParentNode, selector: string): ClientMessages {
  return readJson<ClientMessages>(root, selector) ?? {}
}
