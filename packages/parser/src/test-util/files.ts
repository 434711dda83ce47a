import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const repositoryRoot = resolve(here, '../../../..')
export const examplesFolder = join(repositoryRoot, 'examples')
/** Shared material beside the repository; CI lays it there too. Tests using it skip only when it is absent. */
export const sharedFolder = resolve(repositoryRoot, '../shared')
export const seedPath = join(sharedFolder, 'seeds/000_b05671f3170c945e.txt')
export const corpusFolder = join(sharedFolder, 'corpus')
export const hasCorpus = existsSync(corpusFolder)

export function markdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !join(entry.parentPath, entry.name).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** Parser options that resolve links inside `root` on the file system. */
export function optionsFor(file: string, root: string) {
  return {
    path: relative(root, file).split('\\').join('/'),
    root: '',
    exists: (path: string) => existsSync(join(root, path))
  }
}

export function read(file: string): string {
  return readFileSync(file, 'utf8')
}

/** JSON without positions: what "the same model apart from positions" compares. */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === 'position' ? undefined : inner))) as T
}
