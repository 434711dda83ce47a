// npm run fuzz: the parser's property tests (packages/parser/src/property.test.ts), run longer and with a
// fresh seed. FUZZ_RUNS sets the runs per property (default 5000), FUZZ_SEED replays a seed it printed.
import {spawnSync} from 'node:child_process'

const seed = process.env.FUZZ_SEED || String(Math.floor(Math.random() * 0x7fffffff))
const runs = process.env.FUZZ_RUNS || '5000'
const replay = `FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`
console.log(`fuzz: seed ${seed}, ${runs} runs per property (replay: ${replay})`)
const vitest = ['vitest', 'run', 'packages/parser/src/property.test.ts', '--testTimeout=0', ...process.argv.slice(2)]
const result = spawnSync('npx', vitest, {
  stdio: 'inherit',
  env: {...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs},
  shell: process.platform === 'win32'
})
if (result.status !== 0) console.log(`fuzz: failed with seed ${seed} (replay: ${replay})`)
process.exit(result.status ?? 1)
