import {isAbsolute, relative, resolve, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {isMarkdownPath, positionsInOrder, runbookSchema, type Runbook} from '@runsheet/parser'
import type {Loader, LoaderContext} from 'astro/loaders'
import {VFile} from 'vfile'
import type {ZodType} from 'astro/zod'
import {collectRunbooks, isFolder, type CollectOptions} from '../lib/collect.js'
import {slugOf} from '../lib/paths.js'
import {reportLogger, type ReportLogger} from '../lib/report-logger.js'

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
 * changed, added or removed runbook reloads the collection. Problems are logged with the file named from
 * the project root: unresolved links, unreadable files, and a runbook left out because another one, first
 * in path order, has its id (`y.md` and `y.markdown`, `a#b.md` and `a-b.md`).
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
      const report = reportLogger(context.logger)
      await sync(context, dir, root, options, report)
      const {watcher} = context
      if (!watcher) return
      // One sync at a time, and one more for whatever changed during it: a rename (unlink, then add) or a
      // checkout syncs once or twice, not once per file, and two syncs never write the store together.
      let syncing = false
      let again = false
      // The last failure logged, not logged again by the syncs of the same move.
      let failure: string | undefined
      const resync = async () => {
        if (syncing) {
          again = true
          return
        }
        syncing = true
        do {
          again = false
          try {
            await sync(context, dir, root, options, report)
            failure = undefined
          } catch (error) {
            // The folder moved away or unreadable for a moment: the collection stays as it was until the next change.
            const line = `${pathFrom(root, dir)}: the runbooks could not be read (${error instanceof Error ? error.message : String(error)}); the collection is kept as it was`
            if (line !== failure) context.logger.error(line)
            failure = line
          }
        } while (again)
        syncing = false
      }
      watcher.add(dir)
      const changed = (file: string) => {
        if (resolve(file).startsWith(dir + sep) && isMarkdownPath(file)) void resync()
      }
      watcher.on('change', changed)
      watcher.on('add', changed)
      watcher.on('unlink', changed)
      // A folder moved away stops being watched and would not be seen coming back: asked for again, the
      // watcher waits for it in its parent.
      watcher.on('unlinkDir', (path) => {
        if (resolve(path) === dir) watcher.add(dir)
      })
    }
  }
}

async function sync(context: LoaderContext, dir: string, root: string, options: CollectOptions, report: ReportLogger): Promise<void> {
  const loaded = await collectRunbooks(dir, options)
  // Id → the file that has it: the first in path order (`collectRunbooks` sorts), so the runbook kept for an
  // id is the same at every sync.
  const owners = new Map<string, string>()
  const files: VFile[] = []
  for (const {path, runbook, messages} of loaded) {
    const id = slugOf(path)
    const filePath = pathFrom(root, resolve(dir, path))
    const file = new VFile({path: filePath})
    file.messages.push(...messages.filter((message) => message.ruleId === 'unresolved-link' || message.fatal))
    const owner = owners.get(id)
    if (owner !== undefined) {
      const reason = `Its entry id would be \`${id}\`, which is already the id of \`${owner}\`: it is left out of the collection; rename one of the two files`
      file.message(reason, {place: {line: 1, column: 1}, ruleId: 'id-conflict', source: 'runsheet'}).fatal = true
    }
    if (file.messages.length > 0) files.push(file)
    if (owner !== undefined) continue
    owners.set(id, filePath)
    // Points in one key order: a model read back from the cache and the same one parsed with satteri
    // (which lists `offset` first) must not look changed.
    const digest = context.generateDigest(JSON.stringify(runbook, positionsInOrder))
    const existing = context.store.get(id)
    if (existing && existing.digest === digest) continue
    const data = await context.parseData({id, data: runbook as unknown as Record<string, unknown>})
    context.store.set({id, data: data as unknown as Runbook & Record<string, unknown>, digest, filePath})
  }
  for (const id of context.store.keys()) if (!owners.has(id)) context.store.delete(id)
  report(files)
}

/** `path` as named from the project root, POSIX: `runbooks/deploy.md`, `../runbooks/deploy.md`. */
function pathFrom(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}
