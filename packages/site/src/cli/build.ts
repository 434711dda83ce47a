import {relative, resolve, sep} from 'node:path'
import {build} from 'astro'
import {isFolder} from '../lib/collect.js'
import {loadSite} from '../lib/load-site.js'
import {formatMessage} from '../lib/report.js'
import {baseOf, langOf, parse, urlOf} from './args.js'
import {astroProject} from './astro.js'
import {UsageError} from './errors.js'
import {help} from './help.js'
import type {Io} from './io.js'

/** `runsheet build DIR`: the static site, its search index, and a report of unresolved links. */
export async function buildCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse('build', args, {
    out: {type: 'string', short: 'o'},
    base: {type: 'string'},
    site: {type: 'string'},
    strict: {type: 'boolean'},
    lang: {type: 'string'},
    title: {type: 'string'},
    'repo-url': {type: 'string'},
    'no-search': {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'}
  })
  if (values.help) {
    io.stdout(help.build)
    return 0
  }
  const dirArg = single(positionals)
  const dir = resolve(dirArg)
  if (!isFolder(dir)) throw new UsageError(`no folder at '${dirArg}'`)
  const out = resolve(values.out ?? 'dist')
  checkOut(out, dir)
  const base = baseOf(values.base)
  const site = urlOf('--site', values.site)
  const repoUrl = urlOf('--repo-url', values['repo-url'])
  const lang = langOf(values.lang)

  const {site: loaded, messages} = await loadSite(dir, {base, lang, repoUrl})
  const shown = displayPath(dir)
  for (const message of messages) io.stderr(formatMessage(message, shown))
  const errors = messages.filter((message) => message.severity === 'error').length
  if (errors > 0 || (values.strict && messages.length > 0)) {
    io.stderr(`runsheet: build failed: ${count(messages.length, 'problem')}${values.strict ? ' (--strict)' : ''}`)
    return 1
  }
  if (loaded.entries.length === 0) io.stderr(`runsheet: no *.md files under '${dirArg}': the site will only have a home page`)

  const search = !values['no-search']
  const {config, cleanup} = await astroProject({
    dir,
    base,
    site,
    outDir: out,
    logLevel: values.quiet ? 'error' : 'warn',
    integration: {lang, repoUrl, title: values.title, search, report: 'silent'}
  })
  try {
    // No content-layer sync: the site reads runbooks itself, and two builds must not share `.astro/`.
    await build(config, {sync: false} as Parameters<typeof build>[1])
  } finally {
    await cleanup()
  }
  if (!values.quiet) {
    const where = displayPath(out)
    const warnings = messages.length > 0 ? `, ${count(messages.length, 'warning')}` : ''
    io.stdout(`runsheet: built ${count(loaded.entries.length, 'runbook')} into ${where}/${search ? ' with a search index' : ''}${warnings}`)
  }
  return 0
}

function single(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(`'build' needs the folder of runbooks: runsheet build DIR`)
  if (positionals.length > 1) throw new UsageError(`'build' takes one folder, not ${positionals.length}: ${positionals.join(' ')}`)
  return positionals[0]!
}

/** Refuses output folders whose emptying would delete the runbooks or the current folder. */
function checkOut(out: string, dir: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep)
  if (inside(dir, out)) throw new UsageError(`--out '${out}' holds the runbook folder: it would be emptied`)
  if (inside(process.cwd(), out)) throw new UsageError(`--out '${out}' holds the current folder: it would be emptied`)
}

/** A path as the user would type it: relative to the current folder when inside it, else absolute. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path)
  if (shown === '') return '.'
  return (shown.startsWith('..') ? path : shown).split(sep).join('/')
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
