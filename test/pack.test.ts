import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

/**
 * What would be published works: the parser is packed, installed from the tarball into a fresh project,
 * imported on the oldest Node it supports, run as a CLI, and type-checked as a consumer would.
 */
const root = resolve(import.meta.dirname, '..')
const parserFolder = join(root, 'packages/parser')
let project: string

/** The machine's own Node (20 here), not the workspace's pinned one: the parser promises Node ≥ 20. */
function systemNode(): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder.includes('node_modules')) continue
    const candidate = join(folder, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.execPath
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

describe('the packed @runsheet/parser', () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'runsheet-pack-'))
    run('npm', ['pack', '--pack-destination', project], parserFolder)
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(project, tarball)], project)
  }, 240_000)

  afterAll(() => {
    if (project) rmSync(project, {recursive: true, force: true})
  })

  test('ships only the built code, its types and the README', () => {
    const files = run('tar', ['-tzf', join(project, readdirSync(project).find((name) => name.endsWith('.tgz'))!)], project)
      .split('\n')
      .filter(Boolean)
    expect(files).toContain('package/dist/index.js')
    expect(files).toContain('package/dist/index.d.ts')
    expect(files).toContain('package/dist/runbook.schema.json')
    expect(files).toContain('package/README.md')
    expect(files.some((file) => file.includes('.test.'))).toBe(false)
    expect(files.some((file) => file.startsWith('package/src/'))).toBe(false)
  })

  test('imports and parses on the system Node', () => {
    const script = `
      import {parseRunbook, toMarkdown, runbookSchema} from '@runsheet/parser'
      const {runbook} = parseRunbook('# 배포\\n\\n## 1단계: 인프라 설정\\n\\n- [ ] 확인 (해당하는 경우)\\n\\n**배포자**: ____ **날짜**: ____\\n')
      console.log(JSON.stringify({version: process.versions.node, ok: runbookSchema.safeParse(runbook).success, kind: runbook.children[0].kind, optional: runbook.children[0].children[0].items[0].optional, md: toMarkdown(runbook).includes('- [ ] 확인')}))
    `
    writeFileSync(join(project, 'check.mjs'), script)
    const result = JSON.parse(run(systemNode(), ['check.mjs'], project)) as Record<string, unknown>
    expect(result).toMatchObject({ok: true, kind: 'procedure', optional: true, md: true})
    expect(Number(String(result.version).split('.')[0])).toBeGreaterThanOrEqual(20)
  })

  test('the runsheet binary parses a file', () => {
    writeFileSync(join(project, 'runbook.md'), '# Deploy\n\n- [x] Done\n')
    const output = run(systemNode(), [join(project, 'node_modules/.bin/runsheet'), 'parse', 'runbook.md'], project)
    expect(JSON.parse(output)).toMatchObject({type: 'runbook', title: 'Deploy'})
  })

  test('its types serve a TypeScript consumer', () => {
    writeFileSync(
      join(project, 'check.ts'),
      `import {parseRunbook, type Runbook, type Item, walk} from '@runsheet/parser'
const runbook: Runbook = parseRunbook('- [ ] a').runbook
const items: Item[] = []
walk(runbook, (node) => { if (node.type === 'item') items.push(node) })
const first: string = items[0]!.id
// @ts-expect-error: the model is typed, not any
const wrong: number = runbook.title
export {first, wrong}
`
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: false, types: []}, files: ['check.ts']})
    )
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)).not.toThrow()
  }, 180_000)
})
