import {fileURLToPath} from 'node:url'

/**
 * The package folder: the compiled modules live in `dist/lib/`, the sources in `src/lib/`, and either way
 * the pages, components and styles are under `src/`.
 */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))

/** An absolute path to a file under the package's `src/` folder. */
export function sourceFile(path: string): string {
  return fileURLToPath(new URL(`../../src/${path}`, import.meta.url))
}
