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

/** Median milliseconds of `run` over enough repetitions to last about `budget` ms. */
function time(run, budget = 1500) {
  run()
  const samples = []
  const started = performance.now()
  while (samples.length < 5 || (performance.now() - started < budget && samples.length < 200)) {
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
  const remark = time(() => texts.forEach((text) => bare.parse(text)))
  const model = time(() => texts.forEach((text) => parseRunbook(text)))
  const trees = texts.map((text) => bare.parse(text))
  const build = time(() => texts.forEach((text, index) => runbookFromMdast(trees[index], text)))
  return {
    input: name,
    'size (KB)': (size * 1000).toFixed(1),
    'remark (ms)': remark.toFixed(2),
    'parseRunbook (ms)': model.toFixed(2),
    'model only (ms)': build.toFixed(2),
    'added (%)': ((build / remark) * 100).toFixed(1),
    'throughput (MB/s)': (size / (model / 1000)).toFixed(2)
  }
}

// A 1 MB runbook: the seed repeated, each copy under its own heading so ids stay unique.
const copies = Math.ceil(1e6 / Buffer.byteLength(seed))
const big = Array.from({length: copies}, (_, index) => seed.replace(/^# .*$/m, `# 배포 ${index + 1}`)).join('\n\n')

const rows = [row('seed', [seed])]
if (corpus.length > 0) rows.push(row(`corpus (${corpus.length} files)`, corpus))
rows.push(row(`1 MB runbook (${copies} × seed)`, [big]))
console.table(rows)

globalThis.gc?.()
const before = process.memoryUsage().heapUsed
const kept = parseRunbook(big)
const after = process.memoryUsage().heapUsed
console.log(`model of the 1 MB runbook: ${((after - before) / 1e6).toFixed(1)} MB of heap; peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
console.log('target: building the model adds at most 10% to the bare remark parse (column "added")')
void kept
