import {join} from 'node:path'
import {packageRoot} from './package-root.js'

/**
 * Where the commands build and keep what the next command reuses: inside this package's own install, never
 * in the working folder or the OS temp folder. Astro writes prerender chunks that import its dependencies
 * by bare name, and Node resolves those from the chunk's folder upwards; only under this package is that
 * the install that has them. A module of its own, so that the compile cache is found before anything
 * heavier loads (see `cli/compiled-code.ts`).
 */
export const scratchRoot = join(packageRoot, 'node_modules', '.cache', 'runsheet')
