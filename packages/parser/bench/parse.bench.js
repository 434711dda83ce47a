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

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Median milliseconds of `run`: repeated for about `budget` ms, at least `least` times, after a warm-up. */
function time(run, least, budget = 1500) {
  const samples = []
  const started = performance.now()
  if (least > 1) run()
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
  // Large inputs take seconds per parse: one measured run each, no warm-up.
  const least = size > 0.5 ? 1 : 5
  const remark = time(() => texts.forEach((text) => bare.parse(text)), least)
  const trees = texts.map((text) => bare.parse(text))
  const build = time(() => texts.forEach((text, index) => runbookFromMdast(trees[index], text)), least)
  globalThis.gc?.()
  const heap = process.memoryUsage().heapUsed
  let kept
  const model = time(() => {
    kept = texts.map((text) => parseRunbook(text))
  }, least)
  const retained = process.memoryUsage().heapUsed - heap
  const figures = {
    input: name,
    'size (KB)': (size * 1000).toFixed(1),
    'remark (ms)': remark.toFixed(1),
    'model build (ms)': build.toFixed(1),
    'added (%)': ((build / remark) * 100).toFixed(1),
    'parseRunbook (ms)': model.toFixed(1),
    'MB/s': (size / (model / 1000)).toFixed(2),
    'heap after (MB)': (retained / 1e6).toFixed(1)
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
