import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {toMarkdown} from '../markdown/to-markdown.js'
import {recordTargetsOf} from '../model/fingerprint.js'
import {emptyRecord} from '../model/record.js'
import {parseRunbook} from '../parse/parse-runbook.js'
import {nestedQuotes} from '../test-util/shapes.js'
import {main} from './main.js'

const satteriSpecifier = 'satteri'
const satteriInstalled = await import(satteriSpecifier).then(
  () => true,
  () => false
)

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function run(...argv: string[]): Promise<Run> {
  return runWithInput(undefined, ...argv)
}

/** The CLI with `input` on standard input, in chunks as a pipe hands it over. */
async function runWithInput(input: Uint8Array | string | undefined, ...argv: string[]): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const stdin = bytes && (async function* () {
    for (let start = 0; start < bytes.length; start += 7) yield bytes.subarray(start, start + 7)
  })()
  const code = await main(argv, {stdout: (text) => out.push(text), stderr: (text) => err.push(text), ...(stdin ? {stdin} : {})})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

let folder = ''
const at = (...parts: string[]) => join(folder, ...parts)
const clean = '# 배포\n\n## 단계\n\n- [ ] 빌드\n- [x] 푸시\n'
const warned = '# 배포\n\n## 단계\n\n- [ ] 확인\n- [ ] 확인\n'

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'runsheet-cli-'))
  writeFileSync(at('clean.md'), clean)
  writeFileSync(at('warned.md'), warned)
  writeFileSync(at('broken.md'), '---\ntitle: [\n---\n\n# 제목\n')
  writeFileSync(at('links.md'), '# L\n\n[있음](clean.md) [없음](gone.md)\n')
  writeFileSync(at('binary.md'), new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]))
  writeFileSync(at('euc-kr.md'), new Uint8Array([0x23, 0x20, 0xbf, 0xec, 0x0a]))
  mkdirSync(at('docs', 'nested'), {recursive: true})
  writeFileSync(at('docs', 'a.md'), clean)
  writeFileSync(at('docs', 'nested', 'b.md'), warned)
  writeFileSync(at('docs', 'notes.txt'), warned)
  mkdirSync(at('empty', 'drafts'), {recursive: true})
  writeFileSync(at('empty', 'drafts', 'notes.txt'), warned)
  writeFileSync(
    at('record.json'),
    JSON.stringify({
      format: 'runsheet-record/1',
      runbook: {title: '배포', path: null, sha256: parseRunbook(clean).runbook.source.sha256, version: null},
      startedAt: null,
      updatedAt: null,
      items: {'단계--빌드': {value: true, at: '2025-08-21T10:00:00+09:00'}},
      blanks: {},
      choices: {}
    })
  )
  writeFileSync(at('bad-record.json'), JSON.stringify({format: 'nope'}))
})

afterAll(() => {
  rmSync(folder, {recursive: true, force: true})
})

describe('parse', () => {
  test('prints the model as JSON whose root is the runbook node', async () => {
    const result = await run('parse', at('clean.md'))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const json = JSON.parse(result.stdout) as {type: string; title: string; children: unknown[]; position?: unknown}
    expect(json).toMatchObject({type: 'runbook', title: '배포'})
    expect(json.position).toBeDefined()
    expect(result.stdout.split('\n').length).toBeGreaterThan(1)
  })

  test('--compact prints one line; --no-positions leaves positions out', async () => {
    const result = await run('parse', at('clean.md'), '--compact', '--no-positions')
    expect(result.stdout.split('\n')).toHaveLength(1)
    expect(result.stdout).not.toContain('"position"')
    expect(JSON.parse(result.stdout)).toMatchObject({type: 'runbook'})
  })

  test('--lang overrides the detected language; a wrong value is a usage error', async () => {
    expect(JSON.parse((await run('parse', at('clean.md'), '--lang', 'en')).stdout)).toMatchObject({lang: 'en'})
    const wrong = await run('parse', at('clean.md'), '--lang', 'fr')
    expect(wrong).toEqual({code: 2, stdout: '', stderr: "runsheet: --lang takes ko, en or mixed, not 'fr'"})
  })

  test('diagnostics go to stderr; an error makes the exit code 1', async () => {
    const warning = await run('parse', at('warned.md'))
    expect(warning.code).toBe(0)
    expect(JSON.parse(warning.stdout)).toMatchObject({type: 'runbook'})
    expect(warning.stderr).toContain('runsheet:duplicate-id')
    const error = await run('parse', at('broken.md'))
    expect(error.code).toBe(1)
    expect(JSON.parse(error.stdout)).toMatchObject({type: 'runbook', title: '제목'})
    expect(error.stderr).toContain('  error  Front matter is not valid YAML')
  })

  test('a front matter that contains itself is an error at its alias, not a crash; the model has no cycle', async () => {
    const file = at('self-alias.md')
    writeFileSync(file, '---\nx: &x {self: *x}\n---\n\n# T\n\n- [ ] step\n')
    const result = await run('parse', file)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject({type: 'runbook', title: 'T', frontmatter: null})
    expect(result.stderr).toBe(`${file}:2:14  error  Front matter refers to itself: \`*x\` is inside its own anchor \`&x\`  runsheet:frontmatter\n\n1 error, 0 warnings`)
  })
})

describe('lint', () => {
  test('prints `file:line:col  warning  message  runsheet:rule` and exits 0 on warnings', async () => {
    const file = at('warned.md')
    const result = await run('lint', file)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')).toEqual([
      `${file}:6:1  warning  Step \`확인\` repeats one at line 5: its id \`단계--확인-2\` depends on their order  runsheet:duplicate-id`,
      '',
      '0 errors, 1 warning'
    ])
  })

  test('prints nothing and exits 0 on a clean file', async () => {
    expect(await run('lint', at('clean.md'))).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('exits 1 when a message is an error', async () => {
    const result = await run('lint', at('broken.md'), at('clean.md'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/broken\.md:2:9 {2}error {2}Front matter is not valid YAML: .* {2}runsheet:frontmatter\n\n1 error, 0 warnings$/)
  })

  test('walks folders for markdown files, sorted', async () => {
    const result = await run('lint', at('docs'))
    expect(result.code).toBe(0)
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${at('docs', 'nested', 'b.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:1  warning  `))
    expect(result.stderr).not.toContain('notes.txt')
  })

  test('--root resolves links and reports the unresolved ones', async () => {
    const result = await run('lint', at('links.md'), '--root', folder)
    const column = '[있음](clean.md) '.length + 1
    expect(result.stderr.split('\n')[0]).toBe(`${at('links.md')}:3:${column}  warning  Cannot find \`gone.md\` linked as \`gone.md\`  runsheet:unresolved-link`)
  })

  test('--quiet prints errors only', async () => {
    expect(await run('lint', at('warned.md'), '--quiet')).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('--format vfile groups messages per file', async () => {
    const result = await run('lint', at('warned.md'), '--format', 'vfile')
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      at('warned.md'),
      '6:1-6:9 warning Step `확인` repeats one at line 5: its id `단계--확인-2` depends on their order duplicate-id runsheet'
    ])
  })

  test('needs a path', async () => {
    expect(await run('lint')).toEqual({code: 2, stdout: '', stderr: 'runsheet: lint needs at least one file or folder: runsheet lint PATH...'})
  })
})

describe('format', () => {
  test('prints toMarkdown of the parse', async () => {
    const result = await run('format', at('clean.md'))
    expect(result).toEqual({code: 0, stdout: toMarkdown(parseRunbook(clean).runbook).trimEnd(), stderr: ''})
  })

  test.each([
    ['a repeated key', '---\ntitle: Deploy\nkey: 1\nkey: 2\n---\n# Deploy\n', '4:1', 'Front matter is not valid YAML: Map keys must be unique'],
    ['an unclosed list', '---\ntitle: [unclosed\n---\n# Deploy\n', '2:17', 'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a list, not a mapping', '---\n- a\n- b\n---\n# Deploy\n', '1:1', 'Front matter must be a mapping of `key: value` lines'],
    ['a value that contains itself', '---\na: &a [*a]\n---\n# Deploy\n', '2:8', 'Front matter refers to itself: `*a` is inside its own anchor `&a`']
  ])('refuses a file whose front matter cannot be read (%s): the error on stderr, exit 1, nothing written', async (_, text, place, reason) => {
    const file = at('unreadable-front-matter.md')
    writeFileSync(file, text)
    const result = await run('format', file)
    expect(result).toEqual({code: 1, stdout: '', stderr: `${file}:${place}  error  ${reason}  runsheet:frontmatter\n\n1 error, 0 warnings`})
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  test('--record writes a run record in', async () => {
    const result = await run('format', at('clean.md'), '--record', at('record.json'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('- [x] 빌드\n- [x] 푸시')
  })

  test('--record from an older edition: a renamed section keeps its ticks, a lost step is named on stderr', async () => {
    const older = parseRunbook('# 배포\n\n## 준비\n\n- [ ] 빌드\n- [ ] 검사\n- [ ] 확인\n').runbook
    const targets = recordTargetsOf(older).items
    const entry = (index: number) => ({value: true, at: '2025-08-21T10:00:00+09:00', text: targets[index]!.text, key: targets[index]!.key})
    const record = {...emptyRecord(older), items: {[targets[0]!.id]: entry(0), [targets[1]!.id]: entry(1), [targets[2]!.id]: entry(2)}}
    // The section is renamed, 검사 is gone, 확인 now repeats with other neighbours, and 푸시 is new.
    writeFileSync(at('newer.md'), '# 배포\n\n## 단계\n\n- [ ] 빌드\n- [ ] 확인\n- [ ] 푸시\n- [ ] 확인\n')
    writeFileSync(at('older-record.json'), JSON.stringify(record))
    const result = await run('format', at('newer.md'), '--record', at('older-record.json'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('- [x] 빌드\n- [ ] 확인\n- [ ] 푸시\n- [ ] 확인')
    const lines = result.stderr.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^runsheet: warning: .*newer\.md changed since the run: left out the step “검사” \(준비--검사\)/)
    expect(lines[1]).toContain('the step “확인” (준비--확인)')
  })

  test("--record of another runbook is refused: the steps two runbooks share would be ticked by the other's run", async () => {
    const api = parseRunbook('# Deploy API\n\n- [ ] 빌드\n- [ ] 푸시\n', {path: 'api.md'}).runbook
    const targets = recordTargetsOf(api).items
    const items = Object.fromEntries(targets.map((target) => [target.id, {value: true, at: '2025-08-21T10:00:00+09:00', text: target.text, key: target.key}]))
    writeFileSync(at('api-record.json'), JSON.stringify({...emptyRecord(api), items}))
    writeFileSync(at('web.md'), '# Deploy WEB\n\n- [ ] 빌드\n- [ ] 푸시\n')
    const result = await run('format', at('web.md'), '--record', at('api-record.json'))
    expect(result).toEqual({code: 2, stdout: '', stderr: `runsheet: the run record is of another runbook ('Deploy API', api.md), not of ${at('web.md')} ('Deploy WEB'): nothing was applied`})
  })

  test('a dropped entry\'s text is printed on one line, control characters escaped', async () => {
    const record = {
      ...emptyRecord(parseRunbook(clean).runbook),
      runbook: {title: '배포', path: null, sha256: '1'.repeat(64), version: null},
      items: {gone: {value: true, at: '2025-08-21T10:00:00+09:00', text: 'evil\n\u001b[2Jline', key: 'uzz.zz'}}
    }
    writeFileSync(at('evil-record.json'), JSON.stringify(record))
    const result = await run('format', at('clean.md'), '--record', at('evil-record.json'))
    expect(result.stderr).toContain('“evil\\u000a\\u001b[2Jline” (gone)')
    expect(result.stderr.split('\n')).toHaveLength(1)
  })

  test('--record: steps named __proto__ and constructor take their own entries', async () => {
    const source = '# 배포\n\n- [ ] `__proto__`\n- [ ] constructor\n- [ ] 끝\n'
    writeFileSync(at('proto.md'), source)
    const {runbook} = parseRunbook(source)
    const ids = recordTargetsOf(runbook).items.map((each) => each.id)
    const entry = '{"value":true,"at":"2025-08-21T10:00:00+09:00"}'
    // Written as text: an object literal's `__proto__` would set the prototype, not an entry.
    const items = `{${JSON.stringify(ids[0])}:${entry},${JSON.stringify(ids[1])}:${entry}}`
    const head = JSON.stringify({...emptyRecord(runbook), items: {}}).replace('"items":{}', `"items":${items}`)
    writeFileSync(at('proto-record.json'), head)
    const result = await run('format', at('proto.md'), '--record', at('proto-record.json'))
    expect(ids.slice(0, 2)).toEqual(['__proto__', 'constructor'])
    expect(result).toMatchObject({code: 0, stderr: ''})
    expect(result.stdout).toContain('- [x] `__proto__`\n- [x] constructor\n- [ ] 끝')
  })

  test('a record that is not a run record is one line on stderr', async () => {
    const result = await run('format', at('clean.md'), '--record', at('bad-record.json'))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^runsheet: '.*bad-record\.json' is not a run record \(runsheet-record\/1\): format: /)
    expect(result.stderr).not.toContain('\n')
  })

  test('a record with several problems names every one of them, each with where it is', async () => {
    const result = await run('format', at('clean.md'), '--record', at('bad-record.json'))
    const issues = result.stderr.replace(/^.*\(runsheet-record\/1\): /, '').split('; ')
    expect(issues.length).toBeGreaterThan(1)
    for (const issue of issues) expect(issue).toMatch(/^[\w.]+: \S/)
  })

  test('takes one file', async () => {
    expect(await run('format', at('clean.md'), at('warned.md'))).toEqual({code: 2, stdout: '', stderr: 'runsheet: format takes one file: runsheet format FILE'})
  })
})

describe('schema', () => {
  test('prints the JSON Schema of the runbook model', async () => {
    const result = await run('schema')
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout) as {$schema: string; $ref: string; $defs: Record<string, unknown>}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$ref).toBe('#/$defs/Runbook')
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['Runbook', 'Section', 'Item', 'Blank', 'Choice', 'Signature', 'Callout', 'Link']))
    expect((await run('schema', 'runbook')).stdout).toBe(result.stdout)
  })

  test('`schema record` prints the JSON Schema of a run record', async () => {
    const result = await run('schema', 'record')
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout) as {$defs: Record<string, unknown>}
    expect(Object.keys(schema.$defs)).toContain('RunRecord')
  })

  test('anything else is a usage error', async () => {
    expect(await run('schema', 'other')).toEqual({code: 2, stdout: '', stderr: "runsheet: schema takes runbook or record, not 'other'"})
    expect(await run('schema', 'record', 'extra')).toEqual({code: 2, stdout: '', stderr: 'runsheet: schema takes one name, runbook or record: runsheet schema [runbook|record]'})
  })
})

describe('standard input and the paths given', () => {
  test('`-` reads standard input: parse prints the model of the file piped in, without a path', async () => {
    const piped = await runWithInput(readFileSync(at('links.md')), 'parse', '-', '--root', folder)
    const fromFile = await run('parse', at('links.md'), '--root', folder)
    expect(piped.code).toBe(0)
    const model = JSON.parse(piped.stdout)
    expect(model.source.path).toBeNull()
    expect(model).toEqual({...JSON.parse(fromFile.stdout), source: {...JSON.parse(fromFile.stdout).source, path: null}})
    // Its links are those of a file in --root, and its messages name it <stdin>.
    expect(piped.stderr.split('\n')[0]).toMatch(/^<stdin>:3:\d+  warning  Cannot find `gone\.md`/)
  })

  test('lint - and format - read standard input as well; bad bytes are refused by the name <stdin>', async () => {
    expect(await runWithInput(warned, 'lint', '-')).toMatchObject({code: 0, stderr: expect.stringMatching(/^<stdin>:6:1  warning  .*duplicate-id/)})
    expect(await runWithInput(clean, 'format', '-')).toEqual(await run('format', at('clean.md')))
    expect(await runWithInput(new Uint8Array([0x23, 0x20, 0xbf, 0xec, 0x0a]), 'parse', '-')).toMatchObject({code: 2, stderr: expect.stringContaining("'<stdin>' is not UTF-8 text")})
  })

  test('standard input over --max-size is refused as a file is, without being held', async () => {
    const result = await runWithInput(`# 큰 파일\n\n${'- [ ] 단계\n'.repeat(200)}`, 'lint', '-', '--max-size', '1KB')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^<stdin>:1:1  error  .*runsheet:too-large/)
  })

  test('a file named twice is read once', async () => {
    const twice = await run('lint', at('warned.md'), `${folder}/./warned.md`, at('docs'), `${folder}/docs/nested/../nested/b.md`)
    expect(twice.stderr.match(/warned\.md:6:1/g)).toHaveLength(1)
    expect(twice.stderr.match(/b\.md:6:1/g)).toHaveLength(1)
    expect(twice.stderr).toContain('0 errors, 2 warnings')
  })

  test('--root must be a folder', async () => {
    for (const command of ['parse', 'lint']) {
      expect(await run(command, at('clean.md'), '--root', at('nope'))).toEqual({code: 2, stdout: '', stderr: `runsheet: --root takes a folder: no folder at '${at('nope')}'`})
      expect((await run(command, at('clean.md'), '--root', at('clean.md'))).code).toBe(2)
    }
  })

  test('after `--`, -h is a file, not a request for help', async () => {
    expect(await run('parse', '--', '-h')).toEqual({code: 2, stdout: '', stderr: "runsheet: cannot read '-h': no such file"})
  })
})

describe('help', () => {
  test.each([['--help'], ['-h'], ['help']])('`runsheet %s` prints the commands', async (flag) => {
    const result = await run(flag)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: runsheet <command> \[options\]/)
    for (const command of ['parse', 'lint', 'format', 'schema']) expect(result.stdout).toContain(`  ${command} `)
  })

  test('no command prints the help and exits 2', async () => {
    const result = await run()
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(/^Usage: runsheet <command>/)
  })

  test.each([['parse'], ['lint'], ['format'], ['schema']])('`runsheet %s --help` prints its usage', async (command) => {
    for (const flag of ['--help', '-h']) {
      const result = await run(command, flag)
      expect(result).toMatchObject({code: 0, stderr: ''})
      expect(result.stdout).toMatch(new RegExp(`^Usage: runsheet ${command}\\b`))
    }
  })

  test('every command of commands.ts is one that main runs', async () => {
    const {commands} = await import('./commands.js')
    for (const command of Object.keys(commands)) expect((await run(command, '--help')).code, command).toBe(0)
  })

  test('--version prints the package version', async () => {
    const result = await run('--version')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('problems are one line on stderr, a non-zero exit, no stack trace', () => {
  test.each([
    ['a missing file', () => ['parse', at('missing.md')], /^runsheet: cannot read '.*missing\.md': no such file$/],
    ['a folder', () => ['parse', folder], /^runsheet: '.*' is a folder: give a markdown file$/],
    ['a binary file', () => ['parse', at('binary.md')], /^runsheet: '.*binary\.md' is a binary file, not markdown$/],
    ['a non-UTF-8 file', () => ['parse', at('euc-kr.md')], /^runsheet: '.*euc-kr\.md' is not UTF-8 text: convert it first/],
    ['a missing file to lint', () => ['lint', at('missing.md')], /^runsheet: cannot read '.*missing\.md': no such file or folder$/],
    ['a missing file to format', () => ['format', at('missing.md')], /^runsheet: cannot read '.*missing\.md': no such file$/],
    ['an unknown flag', () => ['parse', at('clean.md'), '--bogus'], /^runsheet: unknown option '--bogus' for 'parse': see 'runsheet parse --help'$/],
    ['an unknown flag to lint', () => ['lint', '--nope', at('clean.md')], /^runsheet: unknown option '--nope' for 'lint': see 'runsheet lint --help'$/],
    ['an unknown command', () => ['bogus'], /^runsheet: unknown command 'bogus': see 'runsheet --help'$/],
    ['a name that objects inherit', () => ['constructor'], /^runsheet: unknown command 'constructor': see 'runsheet --help'$/],
    ['two files to parse', () => ['parse', at('clean.md'), at('warned.md')], /^runsheet: parse takes one file/],
    ['a missing record', () => ['format', at('clean.md'), '--record', at('nope.json')], /^runsheet: cannot read the run record '.*nope\.json': no such file$/],
    ['a folder for a record', () => ['format', at('clean.md'), '--record', at('docs')], /^runsheet: cannot read the run record '.*': it is a folder: give the JSON file run mode exported$/],
    ['a folder with no markdown to lint', () => ['lint', at('empty')], /^runsheet: no markdown files \(\*\.md\) in '.*'$/]
  ])('%s', async (_, argv, message) => {
    const result = await run(...argv())
    expect(result.code).toBeGreaterThan(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toContain('\n')
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/)
  })
})

describe('lint over unreadable files', () => {
  test('reports an unreadable file as an error of that file and still checks the others', async () => {
    const result = await run('lint', at('euc-kr.md'), at('warned.md'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/euc-kr\.md:1:1 {2}error {2}is not UTF-8 text: convert it first.* {2}runsheet:read/)
    expect(result.stderr).toMatch(/warned\.md:\d+:\d+ {2}warning/)
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+\)/)
  })
})

describe('--max-size and --front-end', () => {
  const size = Buffer.byteLength(clean)

  test('a file over --max-size is `file:1:1  error  … runsheet:too-large` and exit 1, for parse, lint and format', async () => {
    const line = `${at('clean.md')}:1:1  error  The file is ${size} bytes, more than the 10 allowed (maxBytes, --max-size): not read  runsheet:too-large`
    const parse = await run('parse', at('clean.md'), '--max-size', '10')
    expect(parse.code).toBe(1)
    expect(JSON.parse(parse.stdout)).toMatchObject({type: 'runbook', children: []})
    expect(parse.stderr.split('\n')).toEqual([line, '', '1 error, 0 warnings'])
    const lint = await run('lint', at('clean.md'), '--max-size', '10B')
    expect(lint).toEqual({code: 1, stdout: '', stderr: [line, '', '1 error, 0 warnings'].join('\n')})
    const format = await run('format', at('clean.md'), '--max-size', '0.01KB')
    expect(format).toEqual({code: 1, stdout: '', stderr: [line, '', '1 error, 0 warnings'].join('\n')})
  })

  test('a file at --max-size is read; units are decimal; a wrong size is a usage error', async () => {
    expect((await run('lint', at('clean.md'), '--max-size', String(size))).code).toBe(0)
    expect((await run('lint', at('clean.md'), '--max-size', '1MB')).code).toBe(0)
    expect(await run('lint', at('clean.md'), '--max-size', 'big')).toEqual({
      code: 2,
      stdout: '',
      stderr: "runsheet: --max-size takes a size in bytes (5000000) or with a unit (500KB, 5MB), not 'big'"
    })
  })

  test('--front-end auto (the default), remark and satteri print the same model; anything else is a usage error', async () => {
    const remark = await run('parse', at('warned.md'), '--front-end', 'remark')
    expect(remark).toEqual(await run('parse', at('warned.md')))
    const satteri = await run('parse', at('warned.md'), '--front-end', 'satteri')
    expect(satteri).toEqual(remark)
    expect(await run('parse', at('warned.md'), '--front-end', 'auto')).toEqual(remark)
    expect(await run('lint', at('docs'), '--front-end', 'satteri')).toEqual(await run('lint', at('docs'), '--front-end', 'remark'))
    expect(await run('parse', at('clean.md'), '--front-end', 'micromark')).toEqual({
      code: 2,
      stdout: '',
      stderr: "runsheet: --front-end takes auto, remark, satteri, not 'micromark'"
    })
  })
})

describe('pathological files', () => {
  // Quotes 3 000 and 10 000 deep are cut where the model stops nesting, by either front end.
  const deep = () => at('deep')
  beforeAll(() => {
    mkdirSync(deep())
    writeFileSync(join(deep(), 'a.md'), warned)
    writeFileSync(join(deep(), 'b-deep.md'), nestedQuotes(3000))
    writeFileSync(join(deep(), 'c-deeper.md'), nestedQuotes(10_000))
    writeFileSync(join(deep(), 'd.md'), warned)
  })

  const frontEnds = satteriInstalled ? ['remark', 'satteri'] : ['remark']
  test.each(frontEnds)('lint over a folder reports every file, the pathological ones with why (%s)', async (frontEnd) => {
    const result = await run('lint', deep(), '--front-end', frontEnd)
    expect(result.code).toBe(0)
    const lines = result.stderr.split('\n')
    const of = (name: string) => lines.filter((line) => line.startsWith(join(deep(), name)))
    expect(of('a.md')).toEqual([expect.stringMatching(/:6:1 {2}warning .* runsheet:duplicate-id$/)])
    for (const name of ['b-deep.md', 'c-deeper.md']) {
      expect(of(name)).toEqual([expect.stringMatching(/:1:\d+ {2}warning {2}Nested more than \d+ levels deep: kept as its source text {2}runsheet:too-deep$/)])
    }
    expect(of('d.md')).toHaveLength(1)
    expect(lines.at(-1)).toBe('0 errors, 4 warnings')
  }, 60_000)

  test('parse prints the model; format refuses to write back what it did not read as markdown', async () => {
    const parse = await run('parse', join(deep(), 'b-deep.md'), '--compact')
    expect(parse.code).toBe(0)
    expect(parse.stdout).toContain('deepest quote line')
    const format = await run('format', join(deep(), 'b-deep.md'))
    expect(format.code).toBe(1)
    expect(format.stdout).toBe('')
    expect(format.stderr).toMatch(/b-deep\.md:1:\d+ {2}warning {2}Nested more than \d+ levels deep.* {2}runsheet:too-deep\n\n0 errors, 1 warning$/)
  }, 60_000)
})

// Found in review: `runsheet format` run on its own output must write the same text, and that text must
// read as the runbook it was formatted from.
describe('format, run again on what it wrote', () => {
  /** `runsheet format` of a file holding `text`, then of a file holding that output. */
  async function formattedTwice(name: string, text: string) {
    writeFileSync(at(name), text)
    const once = await run('format', at(name))
    writeFileSync(at(`again-${name}`), once.stdout)
    const twice = await run('format', at(`again-${name}`))
    return {once, twice}
  }

  test('keeps fill-in blanks before a hard break as blanks: a backslash after `____` made them bold', async () => {
    const {once, twice} = await formattedTwice('sig.md', '# 배포 승인\n\n## 서명\n\n배포자: ____  \n날짜:____\n')
    expect(once).toEqual({code: 0, stdout: '# 배포 승인\n\n## 서명\n\n배포자: ____  \n날짜:____', stderr: ''})
    expect(twice).toEqual(once)
  })

  test('keeps a plain list whose entries start with a box as a list: `- [x] Docs` would read as a task', async () => {
    const {once, twice} = await formattedTwice('box.md', '# Release\n\n## Notes\n\n- [x]Changelog reviewed\n- [ ]Docs\n')
    expect(once).toEqual({code: 0, stdout: '# Release\n\n## Notes\n\n- \\[x] Changelog reviewed\n- \\[ ] Docs', stderr: ''})
    expect(twice).toEqual(once)
    const parse = await run('parse', at('again-box.md'), '--compact')
    expect(JSON.parse(parse.stdout).children).toMatchObject([{type: 'list', items: [{children: [{type: 'choice'}]}, {children: [{type: 'choice'}]}]}])
  })

  test('writes a CRLF file with CRLF throughout: code and HTML kept theirs, the other lines ended with LF', async () => {
    const text = '# T\r\n\r\n```sh\r\na\r\nb\r\n```\r\n\r\n<div>\r\nx\r\n</div>\r\n'
    const {once, twice} = await formattedTwice('crlf.md', text)
    // Without its last `\n`, which io.stdout writes: the last line ends in `\r\n` too.
    expect(once).toEqual({code: 0, stdout: text.slice(0, -1), stderr: ''})
    expect(twice).toEqual(once)
  })

  test('writes the front matter back as written: its comments were dropped and its flow list made a block list', async () => {
    const text = '---\n# Owner: SRE team — do not remove\ntitle: DB failover   # shown in the header\nreviewers: [kim, lee]\n---\n\n# DB failover\n\n- [ ] a\n'
    const {once, twice} = await formattedTwice('commented.md', text)
    expect(once).toEqual({code: 0, stdout: text.trimEnd(), stderr: ''})
    expect(twice).toEqual(once)
  })
})
