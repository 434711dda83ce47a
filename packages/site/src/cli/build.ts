import {relative, resolve, sep} from 'node:path'
import {parseArguments, printable, reportOf, UsageError, type Io} from '@runsheet/parser/cli-kit'
import {VFile} from 'vfile'
import {isFolder} from '../lib/collect.js'
import {loadSite} from '../lib/load-site.js'
import {hasErrors} from '../lib/report.js'
import {baseOf, langOf, urlOf} from './args.js'
import {buildSite} from './astro.js'
import {help} from './help.js'
import {planOut, replaceWithSite} from './out-folder.js'

/** `runsheet build DIR`: the static site, its search index, and a report of unresolved links. */
export async function buildCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments('build', args, {
    out: {type: 'string', short: 'o'},
    base: {type: 'string'},
    site: {type: 'string'},
    strict: {type: 'boolean'},
    lang: {type: 'string'},
    title: {type: 'string'},
    'repo-url': {type: 'string'},
    'no-search': {type: 'boolean'},
    force: {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'}
  })
  if (values.help) {
    io.stdout(help.build)
    return 0
  }
  const dirArg = single(positionals)
  const dir = resolve(dirArg)
  if (!isFolder(dir)) throw new UsageError(`no folder at '${dirArg}'`)
  const {out, exclude} = planOut(values.out ?? 'dist', dir, values.force === true)
  const base = baseOf(values.base)
  const site = urlOf('--site', values.site)
  const repoUrl = urlOf('--repo-url', values['repo-url'])
  const lang = langOf(values.lang)

  // Read once: for the report here, then for the pages.
  const loaded = await loadSite(dir, {base, lang, repoUrl, exclude: exclude ? [exclude] : []})
  const {site: runbooks, report} = loaded
  const messages = report.flatMap((file) => file.messages)
  if (report.length > 0) io.stderr(reportOf(asGiven(report, displayPath(dir)), 'lines', {summary: false}))
  if (hasErrors(report) || (values.strict && messages.length > 0)) {
    io.stderr(`runsheet: build failed: ${count(messages.length, 'problem')}${values.strict ? ' (--strict)' : ''}`)
    return 1
  }
  if (runbooks.entries.length === 0) io.stderr(`runsheet: no *.md files under '${dirArg}': the site will only have a home page`)

  const search = !values['no-search']
  // Built aside and moved in whole: a failed build leaves the previous site as it was.
  const built = await buildSite({
    dir,
    base,
    site,
    logLevel: values.quiet ? 'error' : 'warn',
    loaded,
    integration: {lang, repoUrl, title: values.title, search, report: 'silent', ...(exclude ? {exclude: [exclude]} : {})}
  })
  try {
    replaceWithSite(out, built.dir)
  } finally {
    built.scratch.remove()
  }
  if (!values.quiet) {
    const where = displayPath(out)
    const warnings = messages.length > 0 ? `, ${count(messages.length, 'warning')}` : ''
    io.stdout(printable(`runsheet: built ${count(runbooks.entries.length, 'runbook')} into ${where}/${search ? ' with a search index' : ''}${warnings}`))
  }
  return 0
}

/** The report with paths as the user gave DIR: relative when it was relative, absolute when absolute. */
function asGiven(report: readonly VFile[], shownDir: string): VFile[] {
  return report.map((file) => {
    const shown = new VFile({path: `${shownDir}/${file.path}`})
    shown.messages = file.messages
    return shown
  })
}

function single(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(`'build' needs the folder of runbooks: runsheet build DIR`)
  if (positionals.length > 1) throw new UsageError(`'build' takes one folder, not ${positionals.length}: ${positionals.join(' ')}`)
  return positionals[0]!
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
