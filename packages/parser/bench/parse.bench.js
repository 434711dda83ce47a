// Parse speed and memory: the model's cost beside a bare remark parse and a bare satteri parse of the same
// text, in one process; and how the time grows with the size of one file. Run with `npm run bench` (builds
// first). Figures only: no assertion, targets are read by people. The figures are also written as JSON
// to bench/results.json (not committed).
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {loadFrontEnd, parseRunbook, runbookFromMdast, satteriFrontEnd} from '../dist/index.js'
// TypeScript, imported as it is: Node strips the types (the file keeps to syntax that can be stripped).
import * as shapes from '../src/test-util/shapes.ts'

// An optional peer dependency: its columns are left empty where it is not installed.
const satteri = await import('satteri').catch(() => undefined)
const native = satteri && satteriFrontEnd(satteri)
/** What `satteriFrontEnd` asks satteri to read (`src/markdown/satteri.ts`). */
const satteriFeatures = {features: {gfm: true, frontmatter: true}}

const here = dirname(fileURLToPath(import.meta.url))
const shared = resolve(here, '../../../../shared')
const examples = resolve(here, '../../../examples')
const seedPath = join(shared, 'seeds/000_b05671f3170c945e.txt')
const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : readFileSync(join(examples, 'production-deploy.ko.md'), 'utf8')
const corpusFolder = join(shared, 'corpus')
const corpus = existsSync(corpusFolder)
  ? readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(corpusFolder, name), 'utf8'))
  : []

// The bare parse the target is measured against. Front matter is on, as the model needs the `yaml`
// node; it costs remark nothing measurable next to `unified().use(remarkParse).use(remarkGfm)`.
const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/**
 * Median milliseconds of `run`: repeated for about `budget` ms, at least `least` times. The heap is
 * collected first (with `--expose-gc`, as `npm run bench:parse` runs), and before each sample when `apart`:
 * a large parse then pays for its own garbage, not for the previous sample's or another row's (a 30 MB
 * model collected during the next run of 100 copies had made that run up to twice as long).
 */
function time(run, least, budget = 1500, apart = false) {
  const samples = []
  globalThis.gc?.()
  const started = performance.now()
  while (samples.length < least || (performance.now() - started < budget && samples.length < 200)) {
    if (apart && samples.length > 0) globalThis.gc?.()
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

/**
 * Median milliseconds of a call of each of `runs`, run in turns for about `budget` ms each: a block of calls
 * of one, then a block of the next, and again. The calls a ratio compares are made moments apart, so a
 * slow moment of the machine (other tenants) slows both sides of it alike; and each block, about 30 ms of
 * calls, pays for the garbage its own calls leave (the collections that fall in it), where single calls in
 * turns had each collect the other's: which side paid depended on when a collection fell.
 */
function timeInTurns(runs, budget) {
  const entries = Object.entries(runs).map(([key, run]) => {
    const start = performance.now()
    run()
    return [key, run, Math.max(1, Math.round(30 / Math.max(performance.now() - start, 0.01)))]
  })
  const samples = Object.fromEntries(entries.map(([key]) => [key, []]))
  globalThis.gc?.()
  const started = performance.now()
  while (samples[entries[0][0]].length < 5 || (performance.now() - started < budget * entries.length && samples[entries[0][0]].length < 200)) {
    for (const [key, run, calls] of entries) {
      const start = performance.now()
      for (let call = 0; call < calls; call++) run()
      samples[key].push((performance.now() - start) / calls)
    }
  }
  return Object.fromEntries(entries.map(([key]) => [key, samples[key].sort((a, b) => a - b)[Math.floor(samples[key].length / 2)]]))
}

/**
 * Each of `runs` once per round, one after the other, the heap collected before each call, for `rounds`
 * rounds: the medians, and the median of each round's ratio of the second to the first. For large inputs,
 * whose calls are long enough to be timed one by one: measured in turns, a slow moment of the machine
 * slows both calls of one round, not five samples of one of them.
 */
function timeApartInTurns(runs, rounds) {
  const entries = Object.entries(runs)
  const samples = Object.fromEntries(entries.map(([key]) => [key, []]))
  const ratios = []
  for (let round = 0; round < rounds; round++) {
    for (const [key, run] of entries) {
      globalThis.gc?.()
      const start = performance.now()
      run()
      samples[key].push(performance.now() - start)
    }
    const [first, second] = entries.map(([key]) => samples[key][round])
    ratios.push(second / first)
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return {times: Object.fromEntries(entries.map(([key]) => [key, median(samples[key])])), ratio: median(ratios)}
}

function megabytes(texts) {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6
}

/** Above this, remark's whole parse takes minutes (it grows faster than the text): measured on satteri only. */
const remarkCeiling = 2e6
const unlimited = {maxBytes: Infinity}

function row(name, texts) {
  const size = megabytes(texts)
  const withRemark = size <= remarkCeiling / 1e6
  const trees = withRemark ? texts.map((text) => bare.parse(text)) : []
  const runs = {}
  if (withRemark) {
    runs.remark = () => texts.forEach((text) => bare.parse(text))
    runs.build = () => texts.forEach((text, index) => runbookFromMdast(trees[index], text))
    runs.parse = () => texts.forEach((text) => parseRunbook(text, unlimited))
  }
  if (satteri) {
    // With the features the front end asks for, as the bare remark parse has GFM and front matter.
    runs.satteri = () => texts.forEach((text) => satteri.markdownToMdast(text, satteriFeatures))
    runs.parseSatteri = () => texts.forEach((text) => parseRunbook(text, {...unlimited, frontEnd: native}))
  }
  // Large inputs take seconds per parse on remark: measured once each. On satteri they take a fraction of
  // a second, and one sample of 50 ms is mostly the machine's jitter: fifteen rounds of the bare parse and
  // parseRunbook in turns (`timeApartInTurns`), the median of each and of the rounds' ratios. Small ones: all
  // warmed up first, then measured in turns, block by block (`timeInTurns`), so that none is measured colder
  // than the others. The machine's speed drifts (other tenants), so the added share is each round's own
  // build/remark ratio, and the whole call's each round's parse/remark ratio, the median of 15 rounds: a
  // slow moment slows both halves of one round, not one figure against another's best.
  const large = size > 0.5
  if (!large) for (let round = 0; round < 20; round++) Object.values(runs).forEach((run) => run())
  const best = Object.fromEntries(Object.keys(runs).map((key) => [key, Infinity]))
  const ratios = []
  const wholeRatios = []
  const satteriRatios = []
  // The model build alone, on a parsed tree, is timed apart, beside a remark parse timed apart: run in turns
  // it would run right after a parse and pay for that parse's garbage.
  const {build, ...parses} = runs
  for (let round = 0; round < (large ? 1 : 15); round++) {
    const times = large ? {} : timeInTurns(parses, 300)
    if (large && satteri) {
      const turns = timeApartInTurns({satteri: runs.satteri, parseSatteri: runs.parseSatteri}, 15)
      Object.assign(times, turns.times)
      satteriRatios.push(turns.ratio)
    } else if (satteri) satteriRatios.push(times.parseSatteri / times.satteri)
    for (const [key, run] of Object.entries(runs)) {
      if (large && key !== 'satteri' && key !== 'parseSatteri') times[key] = time(run, 1, 0, true)
      else if (key === 'build') times.build = time(build, 5, 300)
      best[key] = Math.min(best[key], times[key])
    }
    if (withRemark) {
      ratios.push(times.build / (large ? times.remark : time(parses.remark, 5, 300)))
      wholeRatios.push(times.parse / times.remark)
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const added = median(ratios)
  // The whole parseRunbook on the remark path (file, decode, parse, model, hash, lint) against the bare
  // parse of the same round, for the same reason as `added`.
  const whole = median(wholeRatios)
  // parseRunbook over satteri against satteri's bare parse, the same way: each round's ratio, their median.
  const overSatteri = median(satteriRatios)

  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  const kept = texts.map((text) => parseRunbook(text, native ? {...unlimited, frontEnd: native} : unlimited))
  globalThis.gc?.()
  const retained = process.memoryUsage().heapUsed - before

  const ms = (value) => (value === undefined ? '–' : value.toFixed(1))
  const rate = (value) => (value === undefined ? '–' : (size / (value / 1000)).toFixed(2))
  const figures = {
    input: name,
    'size (KB)': (size * 1000).toFixed(1),
    'remark (ms)': ms(best.remark),
    'model build (ms)': ms(best.build),
    'added (%)': added === undefined ? '–' : (added * 100).toFixed(1),
    'parseRunbook (ms)': ms(best.parse),
    'parseRunbook × remark': whole === undefined ? '–' : whole.toFixed(2),
    'MB/s': rate(best.parse),
    'satteri (ms)': ms(best.satteri),
    'parseRunbook satteri (ms)': ms(best.parseSatteri),
    'MB/s satteri': rate(best.parseSatteri),
    'parseRunbook satteri × satteri': overSatteri === undefined ? '–' : overSatteri.toFixed(2),
    'model in memory (MB)': (retained / 1e6).toFixed(1)
  }
  void kept
  console.log(Object.entries(figures).map(([key, value]) => `${key}: ${value}`).join(' | '))
  return figures
}

/** `count` copies of the seed in one file, each under its own heading so ids stay unique. */
function copiesOf(count) {
  return Array.from({length: count}, (_, index) => seed.replace(/^# .*$/m, `# 배포 ${index + 1}`)).join('\n\n')
}

/**
 * Milliseconds of one parse of `count` copies in one file, against `count` parses of one copy, in turns:
 * each round times the `count` single parses one after the other, then the whole file, the heap collected
 * before each; the ratio is the median of the rounds' own. The single parses are timed together, garbage
 * collection included, as the whole file's parse is: a median of single calls had left out the calls that
 * a collection fell in, and the whole file pays for its own.
 */
function growth(count) {
  const text = copiesOf(count)
  const one = copiesOf(1)
  const figures = {copies: count, 'size (KB)': (Buffer.byteLength(text) / 1000).toFixed(1)}
  const fronts = [['remark', unlimited]]
  if (native) fronts.push(['satteri', {...unlimited, frontEnd: native}])
  for (const [name, options] of fronts) {
    for (let warm = 0; warm < 20; warm++) parseRunbook(one, options)
    const turns = timeApartInTurns(
      {
        single: () => {
          for (let index = 0; index < count; index++) parseRunbook(one, options)
        },
        whole: () => parseRunbook(text, options)
      },
      count >= 100 ? 7 : 15
    )
    figures[`${name} (ms)`] = turns.times.whole.toFixed(1)
    figures[`${name} × single`] = turns.ratio.toFixed(2)
  }
  console.log(Object.entries(figures).map(([key, value]) => `${key}: ${value}`).join(' | '))
  return figures
}

// 1 MB and 5 MB runbooks: the seed repeated.
const copiesFor = (bytes) => Math.ceil(bytes / Buffer.byteLength(seed))

// `--shapes`: the shapes table alone (the JSON then holds it alone).
const shapesOnly = process.argv.includes('--shapes')
// The CLI's and the site's default, `auto`: the `parseRunbook satteri` columns where satteri is installed.
console.log(`node ${process.versions.node}; satteri ${satteri ? 'installed' : 'not installed'}; default front end (auto): ${(await loadFrontEnd('auto')).name}`)
const rows = []
const growthRows = []
if (!shapesOnly) {
  console.log('target: building the model adds at most 10% to the bare remark parse ("added")')
  rows.push(row('seed', [seed]))
  if (corpus.length > 0) rows.push(row(`corpus (${corpus.length} files)`, corpus))
  rows.push(row(`1 MB runbook (${copiesFor(1e6)} × seed)`, [copiesOf(copiesFor(1e6))]))
  rows.push(row(`5 MB runbook (${copiesFor(5e6)} × seed)`, [copiesOf(copiesFor(5e6))]))
  console.table(rows)
  console.log('growth: one file of n copies of the seed against n parses of one ("× single": 1.00 is linear)')
  growthRows.push(...[1, 10, 100].map(growth))
  console.table(growthRows)
}

/**
 * Pathological sizes and shapes: one parseRunbook of each against one bare remark parse of the same text
 * (remark-parse + remark-gfm, the `bare` processor), in this process. Target: at most 3× remark, or the
 * file refused by the size limit. Below 100 KB, medians of repeated runs.
 */
function shapeRow({name, text, options = unlimited}) {
  const size = Buffer.byteLength(text)
  const once = size > 1e5
  // Large ones: remark and ours in turns, twice, the best of each: a busy moment of the machine (other
  // tenants) slows one run, not the figure.
  const rounds = once ? 2 : 1
  let remark = size > 8e6 ? undefined : Infinity
  let ours = Infinity
  let messages = []
  for (let round = 0; round < rounds; round++) {
    if (remark !== undefined && typeof remark === 'number') {
      try {
        remark = Math.min(remark, time(() => bare.parse(text), once ? 1 : 5, once ? 0 : 300))
      } catch (error) {
        remark = `throws: ${error.message}`
      }
    }
    ours = Math.min(ours, time(() => ({messages} = parseRunbook(text, options)), once ? 1 : 5, once ? 0 : 300))
    globalThis.gc?.()
  }
  const ratio = typeof remark === 'number' ? ours / remark : undefined
  const notes = [...new Set(messages.filter((message) => message.ruleId === 'too-large' || message.ruleId === 'too-deep').map((message) => `${message.ruleId}${message.fatal ? ' (error)' : ''}`))]
  const figures = {
    shape: name,
    'size (KB)': (size / 1000).toFixed(1),
    'remark (ms)': typeof remark === 'number' ? remark.toFixed(1) : (remark ?? '– (not run)'),
    'parseRunbook (ms)': ours.toFixed(1),
    '× remark': ratio === undefined ? '–' : ratio.toFixed(2),
    'target ≤ 3×': notes.includes('too-large (error)') ? 'refused' : ratio === undefined ? '–' : ratio <= 3 ? 'met' : 'MISSED',
    messages: notes.join(', ')
  }
  console.log(Object.entries(figures).map(([key, value]) => `${key}: ${value}`).join(' | '))
  return figures
}

const shapeInputs = [
  {name: '10 MB file (default maxBytes)', text: shapes.largeFile(10e6), options: {}},
  {name: '100 000 items', text: shapes.manyItems(100_000)},
  {name: '300-deep list', text: shapes.nestedLists(300, '- [ ] ')},
  {name: '1 000 list markers on one line', text: shapes.nestedMarkers(1000)},
  {name: '3 000-deep blockquote', text: shapes.nestedQuotes(3000)},
  {name: '2 000-column table', text: shapes.wideTable(2000)},
  {name: '1 MB line: Korean, blanks, fields, boxes', text: shapes.longKoreanLine(1e6)},
  // remark's own time on dense inline markup grows with the square of the line (200 KB: 6 to 20 s): at
  // 1.9 MB it takes it most of an hour, of which building the model adds a few percent (measured apart).
  {name: '300 KB line of inline markup', text: shapes.longInlineLine(3e5)},
  {name: '200 KB of nested lists with inline markup', text: shapes.nestedListsOfSize(2e5)},
  ...shapes.oddFiles
]
console.log('shapes: one parse against one bare remark parse of the same text (target ≤ 3× remark, or refused by the size limit)')
const shapeRows = shapeInputs.map(shapeRow)
console.table(shapeRows)

const peak = process.memoryUsage().rss / 1e6
console.log(`peak RSS ${peak.toFixed(0)} MB; remark is not run on inputs over ${remarkCeiling / 1e6} MB`)
const output = join(here, 'results.json')
writeFileSync(output, JSON.stringify({node: process.versions.node, satteri: Boolean(satteri), rows, growth: growthRows, shapes: shapeRows, peakRssMb: Math.round(peak)}, null, 2) + '\n')
console.log(`figures written to ${output}`)
