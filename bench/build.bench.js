// Build speed and memory at scale: `runsheet build` on generated sets of 100 to 10 000 runbooks, a rebuild
// after one edit, and a plain Starlight site of 1 000 of the same runbooks beside them. Prints a table and
// writes the figures as JSON. Run with `npm run bench:build` (or `npm run bench`, which runs the parser
// bench first). Figures only: no assertion; see bench/RESULTS.md for what they were on a known machine.
//
//   node bench/build.bench.js [--sizes 100,1000,5000,10000] [--starlight 1000|0] [--quick] [--tree] [--json FILE] [--keep]
//
// --quick (or BENCH_QUICK=1) is the subset for development: 100 and 1 000 runbooks, no Starlight, in a few
// minutes; the full run takes about half an hour on 2 cores.
//
// By default the build measured is the last commit (HEAD), extracted with `git archive` into bench/.head
// and compiled there, so that uncommitted work in packages/ does not change the figures; --tree measures
// the working tree's own `node_modules/.bin/runsheet` as it is built now.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, totalmem} from 'node:os'
import {dirname, join, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {editOne, generateSet, loadSources} from './lib/generate.js'
import {measure} from './lib/measure.js'
import {ensureStarlight, makeStarlightProject, starlightVersions} from './lib/starlight.js'

const bench = dirname(fileURLToPath(import.meta.url))
const root = resolve(bench, '..')
const work = join(bench, '.work')

const {values} = parseArgs({
  options: {
    sizes: {type: 'string'},
    starlight: {type: 'string'},
    quick: {type: 'boolean', default: process.env.BENCH_QUICK === '1'},
    tree: {type: 'boolean', default: false},
    json: {type: 'string', default: join(bench, 'results.json')},
    keep: {type: 'boolean', default: false}
  }
})
const sizes = (values.sizes ?? (values.quick ? '100,1000' : '100,1000,5000,10000')).split(',').map((size) => Number(size.trim().replaceAll('_', '')))
const starlightSize = Number(values.starlight ?? (values.quick ? '0' : '1000'))
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(starlightSize) || starlightSize < 0) {
  console.error('usage: node bench/build.bench.js [--sizes 100,1000,5000,10000] [--starlight 1000|0] [--quick] [--tree] [--json FILE] [--keep]')
  process.exit(2)
}

const log = (line) => console.error(`bench: ${line}`)
const git = (...args) => execFileSync('git', args, {cwd: root, encoding: 'utf8'}).trim()

/**
 * The `runsheet` to measure and the commit it is. HEAD: extracted into bench/.head, its packages built by
 * their own build scripts with the repository's tools; its `node_modules` holds only `@runsheet/*` (pointing at the extracted
 * packages), everything else resolves from the repository's own node_modules above it.
 */
function runsheetUnderTest() {
  const commit = git('rev-parse', 'HEAD')
  if (values.tree) {
    const dirty = git('status', '--porcelain', '--', 'packages').length > 0
    return {bin: join(root, 'node_modules/.bin/runsheet'), commit, source: dirty ? 'working tree (with uncommitted changes in packages/)' : 'working tree'}
  }
  const head = join(bench, '.head')
  rmSync(head, {recursive: true, force: true})
  mkdirSync(head, {recursive: true})
  log(`extracting ${commit.slice(0, 7)} into bench/.head and compiling it…`)
  execFileSync('sh', ['-c', `git archive HEAD packages tsconfig.base.json | tar -x -C '${head}'`], {cwd: root})
  mkdirSync(join(head, 'node_modules/@runsheet'), {recursive: true})
  mkdirSync(join(head, 'node_modules/.bin'), {recursive: true})
  symlinkSync('../../packages/parser', join(head, 'node_modules/@runsheet/parser'))
  symlinkSync('../../packages/site', join(head, 'node_modules/@runsheet/site'))
  symlinkSync('../@runsheet/parser/bin/runsheet.js', join(head, 'node_modules/.bin/runsheet'))
  // Packages npm nested under a workspace (a second major of one dependency) are linked where they were.
  for (const name of ['parser', 'site']) {
    const nested = join(root, 'packages', name, 'node_modules')
    if (!existsSync(nested)) continue
    mkdirSync(join(head, 'packages', name, 'node_modules'), {recursive: true})
    for (const entry of readdirSync(nested)) {
      if (entry.startsWith('.')) continue
      symlinkSync(join(nested, entry), join(head, 'packages', name, 'node_modules', entry))
    }
  }
  // Each package's own build script, as a user's install gets it (the site's bundles its commands).
  for (const name of ['parser', 'site']) execFileSync('npm', ['run', 'build', '--silent'], {cwd: join(head, 'packages', name), stdio: 'inherit'})
  return {bin: join(head, 'node_modules/.bin/runsheet'), commit, source: 'HEAD, extracted and compiled in bench/.head'}
}

/** Bytes of a file, or of a folder and everything in it. */
function sizeOf(path) {
  if (!existsSync(path)) return undefined
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

function countFiles(folder, test) {
  let count = 0
  for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) if (entry.isFile() && test(entry.name)) count++
  return count
}

/** The page a runbook at `path` was built into: `DIR/NAME/index.html` (Starlight may drop the dot of `.ko`). */
function pageOf(out, path) {
  const stem = path.replace(/\.md$/, '')
  for (const candidate of [stem, stem.toLowerCase(), stem.toLowerCase().replace(/\.ko$/, 'ko'), stem.toLowerCase().replaceAll('.', '-')]) {
    const page = join(out, candidate, 'index.html')
    if (existsSync(page)) return page
  }
  return undefined
}

const kb = (bytes) => (bytes === undefined ? undefined : bytes / 1024)

function siteFigures(out, seedPath) {
  const seed = pageOf(out, seedPath)
  return {
    seedPage: seed ? relative(out, seed) : undefined,
    seedPageKB: kb(seed && sizeOf(seed)),
    homePageKB: kb(sizeOf(join(out, 'index.html'))),
    homePageKoKB: kb(sizeOf(join(out, 'ko/index.html'))),
    siteMB: sizeOf(out) / 2 ** 20,
    searchIndexMB: (sizeOf(join(out, 'pagefind')) ?? 0) / 2 ** 20,
    htmlPages: countFiles(out, (name) => name.endsWith('.html'))
  }
}

function memoryFigures(run) {
  const peak = (label) => run.processes.find((process) => process.label === label)?.peakMB
  const pagefind = run.processes.find((process) => process.label === 'pagefind')
  return {peakTreeMB: run.peakTreeMB, peakNodeMB: peak('node'), peakPagefindMB: peak('pagefind'), pagefindProcesses: pagefind?.count ?? 0, processes: run.processes}
}

function warningsOf(output) {
  return Number(/(\d+) warnings?/.exec(output)?.[1] ?? 0)
}

/** How many runbook pages a rebuild rendered, of how many, from its summary line. */
function renderedOf(output) {
  const match = /; (\d+) of (\d+) runbook pages? (?:and \d+ of \d+ list pages? )?rendered/.exec(output)
  return match ? {rendered: Number(match[1]), of: Number(match[2])} : undefined
}

async function runsheetRow(runsheet, sources, size) {
  const set = join(work, `set-${size}`)
  const out = join(work, `out-${size}`)
  // The bench's own cache folder, empty for the cold build: the rebuild finds what the cold build kept.
  const cache = join(work, `cache-${size}`)
  const generated = generateSet(sources, size, set)
  rmSync(out, {recursive: true, force: true})
  rmSync(cache, {recursive: true, force: true})
  const build = ['build', set, '--out', out, '--cache', cache]
  log(`runsheet build: ${size} runbooks (${(generated.bytes / 1e6).toFixed(1)} MB of markdown), cold…`)
  const cold = await measure(process.execPath, [runsheet.bin, ...build], {cwd: work, log})
  if (cold.code !== 0) throw new Error(`runsheet build failed on ${size} runbooks`)
  const figures = siteFigures(out, generated.seed)
  editOne(set, generated.edited)
  log(`runsheet build: ${size} runbooks, again after editing ${generated.edited}…`)
  const again = await measure(process.execPath, [runsheet.bin, ...build], {cwd: work, log})
  if (again.code !== 0) throw new Error(`runsheet rebuild failed on ${size} runbooks`)
  rmSync(cache, {recursive: true, force: true})
  return {
    tool: 'runsheet',
    runbooks: size,
    editions: {ko: generated.ko, en: generated.en},
    markdownMB: generated.bytes / 1e6,
    coldSeconds: cold.seconds,
    rebuildSeconds: again.seconds,
    rebuildRendered: renderedOf(again.output),
    warnings: warningsOf(cold.output),
    ...memoryFigures(cold),
    rebuild: memoryFigures(again),
    ...figures
  }
}

async function starlightRow(sources, size) {
  const starlight = join(bench, 'starlight')
  ensureStarlight(starlight, log)
  // Generated afresh: the set of that size Runsheet built has had one runbook edited since.
  const set = join(work, `starlight-set-${size}`)
  const generated = generateSet(sources, size, set)
  const markdownMB = generated.bytes / 1e6
  // Inside bench/starlight, so that the project resolves Starlight and its Astro from there.
  const project = join(starlight, `.site-${size}`)
  makeStarlightProject(project, set, generated.paths)
  const astro = join(starlight, 'node_modules/astro/bin/astro.mjs')
  log(`Starlight build: ${size} runbooks, cold…`)
  const cold = await measure(process.execPath, [astro, 'build'], {cwd: project, env: {ASTRO_TELEMETRY_DISABLED: '1'}, log})
  if (cold.code !== 0) throw new Error(`Starlight build failed on ${size} runbooks`)
  const out = join(project, 'dist')
  const figures = siteFigures(out, generated.seed)
  editOne(join(project, 'src/content/docs'), 'production-deploy.md')
  log(`Starlight build: ${size} runbooks, again after editing one…`)
  const again = await measure(process.execPath, [astro, 'build'], {cwd: project, env: {ASTRO_TELEMETRY_DISABLED: '1'}, log})
  const row = {
    tool: 'starlight',
    runbooks: size,
    markdownMB,
    coldSeconds: cold.seconds,
    rebuildSeconds: again.code === 0 ? again.seconds : undefined,
    ...memoryFigures(cold),
    rebuild: memoryFigures(again),
    ...figures,
    versions: starlightVersions(starlight)
  }
  if (!values.keep) rmSync(project, {recursive: true, force: true})
  return row
}

const fixed = (value, digits = 1) => (value === undefined ? '–' : value.toFixed(digits))

function table(rows) {
  const head = ['tool', 'runbooks', 'md MB', 'cold s', 'rebuild s', 'pages rendered', 'peak MB (all)', 'node MB', 'pagefind MB', 'pagefind runs', 'home KB', 'home ko KB', 'seed KB', 'site MB', 'index MB']
  const lines = rows.map((row) => [
    row.tool,
    String(row.runbooks),
    fixed(row.markdownMB),
    fixed(row.coldSeconds),
    fixed(row.rebuildSeconds),
    row.rebuildRendered ? `${row.rebuildRendered.rendered}/${row.rebuildRendered.of}` : '–',
    fixed(row.peakTreeMB, 0),
    fixed(row.peakNodeMB, 0),
    fixed(row.peakPagefindMB, 0),
    row.pagefindProcesses === undefined ? '–' : String(row.pagefindProcesses),
    fixed(row.homePageKB),
    fixed(row.homePageKoKB),
    fixed(row.seedPageKB),
    fixed(row.siteMB),
    fixed(row.searchIndexMB)
  ])
  const widths = head.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)))
  const format = (cells) => `| ${cells.map((cell, column) => (column < 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`
  return [format(head), `| ${widths.map((width, column) => (column < 1 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`, ...lines.map(format)].join('\n')
}

// Other work on the machine slows a build: the load before and after the run is recorded with the figures.
const loadBefore = loadavg()
const runsheet = runsheetUnderTest()
mkdirSync(work, {recursive: true})
const sources = loadSources(join(root, 'examples'), resolve(root, '../shared/corpus'))
log(`sources: ${sources.examples.length} example runbooks, ${sources.corpusCount} corpus checklists`)
const rows = []
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGB: totalmem() / 2 ** 30,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: {before: loadBefore, after: loadBefore}
}
const result = {date: new Date().toISOString(), commit: runsheet.commit, measured: runsheet.source, machine, sources: {examples: sources.examples.length, corpus: sources.corpusCount}, rows}
// Written after every row, so that a build that fails or is stopped at 10 000 keeps the rows before it.
const save = () => writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
const add = (row) => {
  rows.push(row)
  save()
  log(`${row.tool} ${row.runbooks}: cold ${fixed(row.coldSeconds)} s, rebuild ${fixed(row.rebuildSeconds)} s, peak ${fixed(row.peakTreeMB, 0)} MB`)
}
try {
  // Starlight last: the Runsheet rows, the point of the run, are measured first on a shared machine.
  for (const size of [...sizes].sort((a, b) => a - b)) add(await runsheetRow(runsheet, sources, size))
  if (starlightSize > 0) add(await starlightRow(sources, starlightSize))
} finally {
  if (!values.keep) {
    rmSync(work, {recursive: true, force: true})
    if (!values.tree) rmSync(join(bench, '.head'), {recursive: true, force: true})
  }
}
machine.loadAverage.after = loadavg()
const load = (figures) => figures.map((figure) => figure.toFixed(1)).join(' ')
console.log(`runsheet ${runsheet.commit.slice(0, 7)} (${runsheet.source}); ${machine.cpus} CPUs, ${machine.memoryGB.toFixed(0)} GB, Node ${machine.node}; load ${load(loadBefore)} before, ${load(machine.loadAverage.after)} after\n`)
console.log(table(rows))
save()
console.log(`\nfigures written to ${relative(process.cwd(), values.json)}`)
