/**
 * Names that stay apart in one page. A table's scrolling region is named by its header cells, and a runbook
 * may repeat a table under each of its sections (the same columns for each OS): a screen reader's list of
 * regions would then hold several of one name. The second and later get their number: `설정 · 권고값 (2)`.
 */
const seenIn = new WeakMap<object, Map<string, number>>()

/** `name` the first time it is asked for in `page`, `name (n)` the n-th time. */
export function uniqueName(page: object, name: string): string {
  let seen = seenIn.get(page)
  if (!seen) seenIn.set(page, (seen = new Map()))
  const count = (seen.get(name) ?? 0) + 1
  seen.set(name, count)
  return count === 1 ? name : `${name} (${count})`
}
