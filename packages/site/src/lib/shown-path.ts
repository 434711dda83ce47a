import {relative, sep} from 'node:path'

/**
 * A path as messages show it: from the folder the command was run in when it is inside it (`ops/deploy.md`,
 * `.` for that folder), whole when it is not, with `/` between its parts on every system.
 */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path)
  if (shown === '') return '.'
  return (shown.startsWith('..') ? path : shown).split(sep).join('/')
}
