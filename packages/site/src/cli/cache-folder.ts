import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/**
 * Where a command keeps what it can reuse next time (parsed models, the pages it built): the nearest
 * `node_modules/.cache/runsheet/` above the current folder, as Babel, ESLint and Vite keep theirs, in a
 * folder of its own for this runbook folder and `use` (the output folder of `build`, `dev`). Undefined when
 * no `node_modules` is above: no cache.
 */
export function defaultCacheFolder(dir: string, use: string, from = process.cwd()): string | undefined {
  const modules = nearestNodeModules(resolve(from))
  if (!modules) return undefined
  const key = createHash('sha256').update(`${resolve(dir)}\0${use}`).digest('hex').slice(0, 16)
  return join(modules, '.cache', 'runsheet', key)
}

function nearestNodeModules(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules')
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate
    if (dirname(at) === at) return undefined
  }
}

const sourceFile = 'source.json'

/**
 * Notes which runbook folder and output a default cache folder serves, and removes the cache folders beside
 * it whose runbook folder is gone (a temporary site, a renamed repository): nothing else would.
 */
export function tendCacheFolders(cache: string, dir: string, out: string): void {
  mkdirSync(cache, {recursive: true})
  writeFileSync(join(cache, sourceFile), JSON.stringify({dir: resolve(dir), out: resolve(out)}))
  const parent = dirname(cache)
  for (const name of readdirSync(parent)) {
    const folder = join(parent, name)
    if (folder === cache || !/^[0-9a-f]{16}$/.test(name)) continue
    try {
      const source = JSON.parse(readFileSync(join(folder, sourceFile), 'utf8')) as {dir: string; out: string}
      // Not the output: a build running beside this one may not have written its output yet.
      if (existsSync(source.dir)) continue
    } catch {
      // No note: a build in progress, or not a cache of ours to judge.
      continue
    }
    rmSync(folder, {recursive: true, force: true})
  }
}
