// Parse speed and memory: the model's cost beside a bare remark parse of the same text, in one process.
// Run with `npm run bench` (builds first). Figures only: no assertion, targets are read by people.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseRunbook, runbookFromMdast} from '../dist/index.js'

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

/** Median milliseconds of `run`: repeated for about `budget` ms, at least `least` times. */
function time(run, least, budget = 1500) {
  const samples = []
  const started = performance.now()
  while (samples.length < least || (performance.now() - started < budget && samples.length < 200)) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

function megabytes(texts) {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6
}

function row(name, texts) {
  const size = megabytes(texts)
  const trees = texts.map((text) => bare.parse(text))
  const runs = {
    remark: () => texts.forEach((text) => bare.parse(text)),
    build: () => texts.forEach((text, index) => runbookFromMdast(trees[index], text)),
    parse: () => texts.forEach((text) => parseRunbook(text))
  }
  // Large inputs take seconds per parse: measured once each. Small ones: all three warmed up first,
  // then measured in turns, so that none is measured colder than the others. The machine's speed
  // drifts (other tenants), so the added share is each round's own build/remark ratio, the median
  // of them: a slow moment slows both halves of one round, not one figure against another's best.
  const large = size > 0.5
  if (!large) for (let round = 0; round < 20; round++) Object.values(runs).forEach((run) => run())
  const best = {remark: Infinity, build: Infinity, parse: Infinity}
  const ratios = []
  for (let round = 0; round < (large ? 1 : 9); round++) {
    const times = {}
    for (const [key, run] of Object.entries(runs)) {
      times[key] = time(run, large ? 1 : 5, large ? 0 : 300)
      best[key] = Math.min(best[key], times[key])
    }
    ratios.push(times.build / times.remark)
  }
  ratios.sort((a, b) => a - b)
  const added = ratios[Math.floor(ratios.length / 2)]

  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  const kept = texts.map((text) => parseRunbook(text))
  globalThis.gc?.()
  const retained = process.memoryUsage().heapUsed - before

  const figures = {
    input: name,
    'size (KB)': (size * 1000).toFixed(1),
    'remark (ms)': best.remark.toFixed(1),
    'model build (ms)': best.build.toFixed(1),
    'added (%)': (added * 100).toFixed(1),
    'parseRunbook (ms)': best.parse.toFixed(1),
    'MB/s': (size / (best.parse / 1000)).toFixed(2),
    'model in memory (MB)': (retained / 1e6).toFixed(1)
  }
  void kept
  console.log(Object.entries(figures).map(([key, value]) => `${key}: ${value}`).join(' | '))
  return figures
}

// A 1 MB runbook: the seed repeated, each copy under its own heading so ids stay unique.
const copies = Math.ceil(1e6 / Buffer.byteLength(seed))
const big = Array.from({length: copies}, (_, index) => seed.replace(/^# .*$/m, `# 배포 ${index + 1}`)).join('\n\n')

console.log(`node ${process.versions.node}; target: building the model adds at most 10% to the bare remark parse ("added")`)
const rows = [row('seed', [seed])]
if (corpus.length > 0) rows.push(row(`corpus (${corpus.length} files)`, corpus))
rows.push(row(`1 MB runbook (${copies} × seed)`, [big]))
console.table(rows)
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
