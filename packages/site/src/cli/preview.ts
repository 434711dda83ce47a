import {existsSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parseArguments, printable, UsageError, type Io} from '@runsheet/parser/cli-kit'
import {isFolder} from '../lib/collect.js'
import {normaliseBase} from '../lib/paths.js'
import {serveStatic} from '../lib/static-server.js'
import {baseOf, portOf} from './args.js'
import {help} from './help.js'
import {untilStopped} from './signals.js'

/** `runsheet preview [DIR]`: serves a built site, until Ctrl-C. */
export async function previewCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments('preview', args, {
    port: {type: 'string', short: 'p'},
    host: {type: 'string'},
    base: {type: 'string'}
  })
  if (values.help) {
    io.stdout(help.preview)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`'preview' takes one folder, not ${positionals.length}`)
  const dirArg = positionals[0] ?? 'dist'
  const dir = resolve(dirArg)
  if (!isFolder(dir)) throw new UsageError(`no folder at '${dirArg}': build the site first with 'runsheet build DIR'`)
  if (!existsSync(join(dir, 'index.html'))) throw new UsageError(`'${dirArg}' has no index.html: is it a built site?`)
  const base = normaliseBase(baseOf(values.base))
  const server = await serveStatic(dir, {port: portOf(values.port, 4322), host: values.host ?? '127.0.0.1', base})
  io.stdout(printable(`runsheet: serving ${dirArg} at ${server.origin}${base} (Ctrl-C to stop)`))
  await untilStopped()
  await server.close()
  return 0
}
