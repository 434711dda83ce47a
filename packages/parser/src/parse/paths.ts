/** POSIX path helpers: the parser runs in browsers too, so it cannot import `node:path`. */

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
  const match = /\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\.(?:md|markdown|mdx)$/i.exec(path)
  return match?.[1]?.toLowerCase()
}

/** `docs/a.ko.md` → `docs/a`, the name shared by every edition of a document. */
export function editionStem(path: string): string {
  return path.replace(/(?:\.[a-z]{2}(?:-[A-Za-z]{2,4})?)?\.(?:md|markdown|mdx)$/i, '')
}

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(path)
}
