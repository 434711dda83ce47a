import {resolve} from 'node:path'
import {dev} from 'astro'
import {parseArguments, UsageError, type Io} from '@runsheet/parser/cli-kit'
import {isFolder} from '../lib/collect.js'
import {bundledParserMismatch} from '../lib/model-cache.js'
import {baseOf, frontEndOf, langOf, portOf, urlOf} from './args.js'
import {astroProject} from './astro.js'
import {defaultCacheFolder, tendCacheFolders} from './cache-folder.js'
import {help} from './help.js'
import {untilStopped} from './signals.js'

/** `runsheet dev DIR`: Astro's dev server with live reload, until Ctrl-C. */
export async function devCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments('dev', args, {
    port: {type: 'string', short: 'p'},
    host: {type: 'string'},
    base: {type: 'string'},
    lang: {type: 'string'},
    title: {type: 'string'},
    'repo-url': {type: 'string'},
    'front-end': {type: 'string'}
  })
  if (values.help) {
    io.stdout(help.dev)
    return 0
  }
  if (positionals.length !== 1) throw new UsageError(`'dev' needs one folder of runbooks: runsheet dev DIR`)
  const dirArg = positionals[0]!
  const mismatch = bundledParserMismatch()
  if (mismatch) io.stderr(mismatch)
  const dir = resolve(dirArg)
  if (!isFolder(dir)) throw new UsageError(`no folder at '${dirArg}'`)
  const port = portOf(values.port, 4321)
  const {config, scratch} = astroProject({
    dir,
    base: baseOf(values.base),
    logLevel: 'info',
    // Parsed models kept on disk: after an edit, the site is loaded again and only the edited file is parsed.
    integration: {
      lang: langOf(values.lang),
      repoUrl: urlOf('--repo-url', values['repo-url']),
      title: values.title,
      search: false,
      ...cacheOf(dir),
      ...(values['front-end'] === undefined ? {} : {frontEnd: frontEndOf(values['front-end'])})
    }
  })
  config.server = {port, host: values.host ?? '127.0.0.1'}
  try {
    const stopped = untilStopped()
    const server = await dev(config)
    await stopped
    await server.stop()
  } finally {
    scratch.remove()
  }
  return 0
}

function cacheOf(dir: string): {cache?: string} {
  const cache = defaultCacheFolder(dir, 'dev')
  if (!cache) return {}
  tendCacheFolders(cache, dir, dir)
  return {cache}
}
