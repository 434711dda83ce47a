import {parseRunbook, type Runbook} from '@runsheet/parser'

/** Parses in-memory runbooks as if they sat in one folder: `files` maps paths to markdown. */
export function parseFolder(files: Record<string, string>): Runbook[] {
  const exists = (path: string) => path in files || Object.keys(files).some((file) => file.startsWith(`${path}/`))
  return Object.entries(files).map(([path, text]) => parseRunbook(text, {path, root: '', exists}).runbook)
}
