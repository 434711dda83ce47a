/**
 * POSIX path helpers, and which files are runbooks: the one definition that the parser, its CLI and the
 * site share. The parser runs in browsers too, so it cannot import `node:path`.
 */

/**
 * A runbook's file name ends in `.md` or `.markdown`, in any case. MDX is not among them: it is JSX, not
 * markdown, so a link to it is a link to a file, and a folder's `.mdx` files are not runbooks.
 */
const runbookExtension = /\.(?:md|markdown)$/i
const editionSuffix = /(?:\.([a-z]{2}(?:-[A-Za-z]{2,4})?))?\.(?:md|markdown)$/i

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/')
  if (index === -1) return ''
  return index === 0 ? '/' : path.slice(0, index)
}

/** Joins and normalises POSIX segments; keeps leading `..` segments that climb out of the base. */
export function joinPath(...parts: string[]): string {
  const absolute = parts[0]?.startsWith('/') ?? false
  const out: string[] = []
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (segment !== '..' || !absolute) out.push(segment)
    }
  }
  return (absolute ? '/' : '') + out.join('/')
}

/** `docs/a.ko.md` → `ko`; `docs/a.md` → undefined. */
export function languageOfFileName(path: string): string | undefined {
  return editionSuffix.exec(path)?.[1]?.toLowerCase()
}

/** `docs/a.ko.md` → `docs/a`, the name shared by every edition of a document. */
export function editionStem(path: string): string {
  return path.replace(editionSuffix, '')
}

/** Whether a path names a runbook file (`.md`, `.markdown`): what folders are searched for, what links lead to a page. */
export function isMarkdownPath(path: string): boolean {
  return runbookExtension.test(path)
}

/** `docs/guide.ko.md` → `docs/guide.ko`: the path without its runbook extension. */
export function withoutMarkdownExtension(path: string): string {
  return path.replace(runbookExtension, '')
}
