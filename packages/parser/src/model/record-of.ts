/** What a run record names its runbook by, and what a runbook is known by where the record is applied. */
export interface RunbookNames {
  sha256: string
  /** The runbook's path: site-relative in a record, as the site names it; any path where it is applied. */
  path: string | null
  title: string
}

/**
 * Whether a run record is of this runbook: the same edition (its sha256), the same file (one path ends
 * the other at a `/`: a site built from `ops/` names `deploy.md` what one built from the repository names
 * `ops/deploy.md`, and the CLI knows the file by its full path), or the same non-empty title. Run mode and
 * `runsheet format --record` both decide by it: applied to another runbook, a record would tick the steps
 * the two share.
 */
export function isRecordOf(named: RunbookNames, runbook: RunbookNames): boolean {
  if (named.sha256 === runbook.sha256) return true
  if (named.path && runbook.path && endsAtSlash(named.path, runbook.path)) return true
  return named.title !== '' && named.title === runbook.title
}

function endsAtSlash(a: string, b: string): boolean {
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`)
}
