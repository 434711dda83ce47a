import {isAbsolute, relative, resolve, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {isMarkdownPath, positionsInOrder, runbookSchema, type Runbook} from '@runsheet/parser'
import {reportOf} from '@runsheet/parser/cli-kit'
import type {Loader, LoaderContext} from 'astro/loaders'
import {VFile} from 'vfile'
import type {ZodType} from 'astro/zod'
import {collectRunbooks, isFolder, type CollectOptions} from '../lib/collect.js'
import {slugOf} from '../lib/paths.js'

export interface RunsheetLoaderOptions extends CollectOptions {
  /** The folder of runbooks, relative to the Astro project root: every `*.md` under it, recursively. */
  base: string
}

/**
 * The loader with its schema in its type: Astro types a collection's entries from the schema its loader
 * carries, so `getCollection('runbooks')` gives `data: Runbook`. The schema is typed with the project's own
 * `astro/zod`, which Astro infers from, whatever copy of zod the parser uses.
 */
export type RunsheetLoader = Loader & {schema: ZodType<Runbook>}

/**
 * A content-layer loader: one entry per runbook under `base`, its id the path without the extension
 * (`docs/guide.ko`), its data the validated Runbook model (links resolved against `base`). In dev, a
 * changed, added or removed runbook reloads the collection.
 */
export function runsheetLoader(options: RunsheetLoaderOptions): RunsheetLoader {
  if (!options || typeof options.base !== 'string') throw new TypeError('runsheetLoader(): the `base` option (the folder of runbooks) is required')
  return {
    name: '@runsheet/site/loader',
    schema: runbookSchema,
    async load(context) {
      const root = fileURLToPath(context.config.root)
      const dir = isAbsolute(options.base) ? options.base : resolve(root, options.base)
      if (!isFolder(dir)) throw new Error(`runsheetLoader(): no folder at ${dir} (the \`base\` option)`)
      await sync(context, dir, root, options)
      if (context.watcher) {
        context.watcher.add(dir)
        const changed = (file: string) => {
          if (resolve(file).startsWith(dir + sep) && isMarkdownPath(file)) void sync(context, dir, root, options)
        }
        context.watcher.on('change', changed)
        context.watcher.on('add', changed)
        context.watcher.on('unlink', changed)
      }
    }
  }
}

async function sync(context: LoaderContext, dir: string, root: string, options: CollectOptions): Promise<void> {
  const loaded = await collectRunbooks(dir, options)
  const seen = new Set<string>()
  for (const {path, runbook, messages} of loaded) {
    const id = slugOf(path)
    seen.add(id)
    const problems = messages.filter((message) => message.ruleId === 'unresolved-link' || message.fatal)
    if (problems.length > 0) {
      const file = new VFile({path})
      file.messages.push(...problems)
      for (const line of reportOf([file], 'lines', {summary: false}).split('\n').filter(Boolean)) context.logger.warn(line)
    }
    // Points in one key order: a model read back from the cache and the same one parsed with satteri
    // (which lists `offset` first) must not look changed.
    const digest = context.generateDigest(JSON.stringify(runbook, positionsInOrder))
    const existing = context.store.get(id)
    if (existing && existing.digest === digest) continue
    const data = await context.parseData({id, data: runbook as unknown as Record<string, unknown>})
    context.store.set({
      id,
      data: data as unknown as Runbook & Record<string, unknown>,
      digest,
      filePath: relative(root, resolve(dir, path)).split(sep).join('/')
    })
  }
  for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id)
}
