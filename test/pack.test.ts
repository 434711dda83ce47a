/**
 * What would be published works for the people who install it. Both workspaces are packed, and the tarballs
 * installed into new folders under a temp folder with no node_modules above it, as on a user's machine:
 *
 * - `consumer/`, installed as pnpm would (`--install-strategy=linked`): a strict TypeScript consumer
 *   type-checks the parser README's examples and an Astro project reads the loader's entries as typed;
 * - `cli/`, both packages installed with npm (astro comes as the site's peer): `runsheet parse`, `lint`,
 *   `build` and `pdf` run there and leave nothing behind but what they were asked to write;
 * - `project/examples/astro-project/`: a fresh Astro project set up as docs/en/site.md section 3 says,
 *   which builds and links to no page or anchor it lacks.
 *
 * Every child process runs with a TMPDIR of its own, outside the repository, without `npm run`'s variables.
 */
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {delimiter, dirname, join, posix} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {
  codeBlocks,
  deadLinks,
  freshTmp,
  headingAnchors,
  listTree,
  markdownLinks,
  mustRun,
  nodeModulesAbove,
  pack,
  repo,
  run,
  scratchFolder,
  section,
  unpack,
  userEnv
} from './pack-helpers.js'
import {launchChromium, startDev} from './site-helpers.js'

interface Manifest {
  name: string
  repository?: {type?: string; url?: string; directory?: string}
  homepage?: string
  bugs?: string | {url?: string}
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const manifest = (path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as Manifest
const rootManifest = manifest('package.json')
const parserManifest = manifest('packages/parser/package.json')
const siteManifest = manifest('packages/site/package.json')
const home = 'https://github.com/runsheet/runsheet'
const tsc = join(repo, 'node_modules/typescript/bin/tsc')

let root = ''
const tarballs = {parser: '', site: ''}
/** The tarballs' contents, unpacked: what the registry would serve. */
const packed = {parser: '', site: ''}
const folders = {consumer: '', cli: '', project: ''}

/** The machine's own Node (20 here), not the workspace's pinned one: the parser promises Node ≥ 20. */
function systemNode(): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder.includes('node_modules')) continue
    const candidate = join(folder, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.execPath
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, text)
}

async function install(folder: string, specs: string[], strategy: 'hoisted' | 'linked'): Promise<void> {
  write(join(folder, 'package.json'), `${JSON.stringify({name: 'runsheet-user', private: true, type: 'module'}, null, 2)}\n`)
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...(strategy === 'linked' ? ['--install-strategy=linked'] : []), ...specs]
  await mustRun('npm', args, {cwd: folder, env: userEnv(freshTmp(root))})
}

beforeAll(async () => {
  root = scratchFolder('runsheet-pack-')
  const env = userEnv(freshTmp(root))
  tarballs.parser = await pack('packages/parser', root, env)
  tarballs.site = await pack('packages/site', root, env)
  packed.parser = await unpack(tarballs.parser, join(root, 'packed/parser'))
  packed.site = await unpack(tarballs.site, join(root, 'packed/site'))
  folders.consumer = join(root, 'consumer')
  folders.cli = join(root, 'cli')
  folders.project = join(root, 'project/examples/astro-project')
  const astro = `astro@${siteManifest.peerDependencies?.astro ?? '*'}`
  await Promise.all([
    install(
      folders.consumer,
      [tarballs.parser, tarballs.site, astro, `@types/node@${rootManifest.devDependencies?.['@types/node']}`, `vfile@${parserManifest.dependencies?.vfile}`],
      'linked'
    ),
    install(folders.cli, [tarballs.parser, tarballs.site], 'hoisted'),
    // docs/en/site.md: "Install @runsheet/site (and astro) in the project." The parser tarball stands in for the registry's.
    install(folders.project, [tarballs.site, tarballs.parser, astro], 'hoisted')
  ])
}, 600_000)

afterAll(() => {
  if (root) rmSync(root, {recursive: true, force: true})
})

test('the installs have no node_modules folder above them', () => {
  for (const folder of [root, folders.consumer, folders.cli, folders.project]) expect(nodeModulesAbove(folder)).toEqual([])
})

describe('the tarballs', () => {
  const files = (folder: string) => listTree(folder).filter((path) => !path.endsWith('/'))
  const published = (folder: string) => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest

  test('hold no tests, no test utilities and no source map to a file they lack', () => {
    const problems: string[] = []
    for (const folder of [packed.parser, packed.site]) {
      const present = new Set(files(folder))
      for (const file of present) {
        if (/\.test\.|(^|\/)test-util\//.test(file)) problems.push(`${published(folder).name} ${file}: a test file`)
        if (!file.endsWith('.map')) continue
        const map = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {sources: string[]; sourceRoot?: string}
        for (const source of map.sources) {
          const path = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source))
          if (!present.has(path)) problems.push(`${published(folder).name} ${file}: points at ${source}, which it does not ship`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(files(packed.parser)).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/runbook.schema.json', 'bin/runsheet.js', 'README.md']))
    expect(files(packed.parser).filter((file) => file.startsWith('src/'))).toEqual([])
    expect(files(packed.site)).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'src/components/Runbook.astro', 'README.md']))
  })

  test('depend on every package their declarations import', () => {
    const missing: string[] = []
    for (const folder of [packed.parser, packed.site]) {
      const {name, dependencies = {}, peerDependencies = {}} = published(folder)
      const declared = new Set([name, ...Object.keys(dependencies), ...Object.keys(peerDependencies)])
      for (const file of files(folder).filter((each) => each.endsWith('.d.ts'))) {
        const text = readFileSync(join(folder, file), 'utf8')
        for (const [, specifier = ''] of text.matchAll(/(?:\bfrom|\bimport\s*\(?|reference types=)\s*['"]([^'"]+)['"]/g)) {
          if (specifier.startsWith('.') || specifier.startsWith('node:')) continue
          const dependency = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
          const types = `@types/${dependency.replace(/^@/, '').replace('/', '__')}`
          if (!declared.has(dependency) && !declared.has(types)) missing.push(`${name} ${file}: '${specifier}'`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  test('astro is a peer of the site only, so a project keeps its own astro', () => {
    const site = published(packed.site)
    expect(site.peerDependencies?.astro).toMatch(/^\^7\./)
    expect(site.dependencies?.astro).toBeUndefined()
  })

  test('name the repository, and their READMEs link to nothing the registry cannot show', () => {
    const problems: string[] = []
    for (const [folder, directory] of [
      [packed.parser, 'packages/parser'],
      [packed.site, 'packages/site']
    ] as const) {
      const manifest = published(folder)
      expect(manifest.repository).toEqual({type: 'git', url: `git+${home}.git`, directory})
      expect(manifest.homepage).toBe(home)
      expect(manifest.bugs).toBe(`${home}/issues`)
      const readme = readFileSync(join(folder, 'README.md'), 'utf8')
      for (const link of markdownLinks(readme)) {
        const [target = '', fragment] = link.split('#') as [string, string | undefined]
        if (target === '') {
          if (!headingAnchors(readme).has(decodeURIComponent(fragment ?? ''))) problems.push(`${directory}/README.md: no heading for ${link}`)
        } else if (target.startsWith(`${home}/blob/main/`)) {
          const path = join(repo, decodeURIComponent(target.slice(`${home}/blob/main/`.length)))
          if (!existsSync(path)) problems.push(`${directory}/README.md: ${link} names no file of the repository`)
          else if (fragment && !headingAnchors(readFileSync(path, 'utf8')).has(decodeURIComponent(fragment))) problems.push(`${directory}/README.md: no heading for ${link}`)
        } else if (!/^[a-z][a-z\d+.-]*:/i.test(target) && !(join(folder, target).startsWith(folder + '/') && existsSync(join(folder, target)))) {
          problems.push(`${directory}/README.md: ${link} is not in the package (link to ${home}/blob/main/… instead)`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe('a strict TypeScript consumer, installed as pnpm would (linked)', () => {
  let diagnostics: string[] = []

  beforeAll(async () => {
    const readme = readFileSync(join(packed.parser, 'README.md'), 'utf8')
    const examples = codeBlocks(readme).filter((block) => block.lang === 'js')
    expect(examples.length).toBeGreaterThan(5)
    for (const [index, example] of examples.entries()) {
      expect(example.file, `the README's example #${index + 1} names no file (\`$ node name.mjs\` after it)`).toBeDefined()
      write(join(folders.consumer, 'readme', example.file!.replace(/\.m?js$/, '.ts')), example.code)
    }
    expect(new Set(examples.map((example) => example.file)).size, 'two README examples name the same file').toBe(examples.length)
    // API › `inSourceOrder(nodes)` shows the call inline: an item's nested blocks back in written order.
    const call = /`(inSourceOrder\(\[[^`]+\]\))`/.exec(readme)?.[1]
    expect(call).toBeDefined()
    write(join(folders.consumer, 'readme/in-source-order.ts'), `import {inSourceOrder, type Item} from '@runsheet/parser'\n\nexport function written(item: Item) {\n  return ${call}\n}\n`)
    write(
      join(folders.consumer, 'types/model.ts'),
      `import {mdastFromMarkdown, parseRunbook, walk, type Item, type Runbook} from '@runsheet/parser'

const runbook: Runbook = parseRunbook('- [ ] a').runbook
const items: Item[] = []
walk(runbook, (node) => { if (node.type === 'item') items.push(node) })
const first: string = items[0]!.id
const root: 'root' = mdastFromMarkdown('# a').type
// @ts-expect-error: the model is typed, not any
const wrong: number = runbook.title
// @ts-expect-error: the tree is mdast's Root, not any
const notATree: number = mdastFromMarkdown('# a')
export {first, root, wrong, notATree}
`
    )
    write(
      join(folders.consumer, 'types/cli-kit.ts'),
      `import {parseArguments} from '@runsheet/parser/cli-kit'

const parsed = parseArguments('sync', ['--out', 'x'], {out: {type: 'string'}, dry: {type: 'boolean'}})
const out: string | undefined = parsed.values.out
const help: boolean | undefined = parsed.values.help
// @ts-expect-error: a string option's value is no number
const wrong: number = parsed.values.out
export {out, help, wrong}
`
    )
    write(
      join(folders.consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          resolveJsonModule: true,
          noEmit: true,
          types: ['node']
        },
        include: ['readme/*.ts', 'types/*.ts']
      })
    )
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {cwd: folders.consumer, env: userEnv(freshTmp(root))})
    // One diagnostic per line that starts at the margin; its explanation lines are indented.
    diagnostics = `${result.stdout}${result.stderr}`.split(/\n(?=\S)/).map((each) => each.trim()).filter(Boolean)
    if (result.code !== 0 && diagnostics.length === 0) diagnostics = [`tsc exited with ${result.code}`]
  }, 180_000)

  test("the parser README's examples type-check (strict, exactOptionalPropertyTypes, skipLibCheck off)", () => {
    expect(diagnostics.filter((each) => !each.startsWith('types/'))).toEqual([])
  })

  test('the model, the mdast tree and the CLI kit\'s arguments are typed, not any, and their declarations check', () => {
    expect(diagnostics.filter((each) => !each.startsWith('readme/'))).toEqual([])
  })

  test('the parser imports and parses on the system Node', async () => {
    write(
      join(folders.consumer, 'check.mjs'),
      `import {parseRunbook, toMarkdown, runbookSchema} from '@runsheet/parser'
const {runbook} = parseRunbook('# 배포\\n\\n## 1단계: 인프라 설정\\n\\n- [ ] 확인 (해당하는 경우)\\n\\n**배포자**: ____ **날짜**: ____\\n')
console.log(JSON.stringify({version: process.versions.node, ok: runbookSchema.safeParse(runbook).success, kind: runbook.children[0].kind, optional: runbook.children[0].children[0].items[0].optional, md: toMarkdown(runbook).includes('- [ ] 확인')}))
`
    )
    const result = JSON.parse(await mustRun(systemNode(), ['check.mjs'], {cwd: folders.consumer, env: userEnv(freshTmp(root))})) as Record<string, unknown>
    expect(result).toMatchObject({ok: true, kind: 'procedure', optional: true, md: true})
    expect(Number(String(result.version).split('.')[0])).toBeGreaterThanOrEqual(20)
  })

  test('the runsheet binary parses a file on the system Node', async () => {
    write(join(folders.consumer, 'runbook.md'), '# Deploy\n\n- [x] Done\n')
    const output = await mustRun(systemNode(), [join(folders.consumer, 'node_modules/.bin/runsheet'), 'parse', 'runbook.md'], {cwd: folders.consumer, env: userEnv(freshTmp(root))})
    expect(JSON.parse(output)).toMatchObject({type: 'runbook', title: 'Deploy'})
  })

  test("the loader's collection entries are typed as the Runbook model in an Astro project", async () => {
    const app = join(folders.consumer, 'app')
    write(join(app, 'astro.config.mjs'), "import {defineConfig} from 'astro/config'\n\nexport default defineConfig({})\n")
    write(join(app, 'runbooks/deploy.md'), '# Deploy\n\n## Steps\n\n- [ ] Build\n')
    write(
      join(app, 'src/content.config.ts'),
      "import {defineCollection} from 'astro:content'\nimport {runsheetLoader} from '@runsheet/site'\n\nexport const collections = {runbooks: defineCollection({loader: runsheetLoader({base: 'runbooks'})})}\n"
    )
    write(
      join(app, 'src/check.ts'),
      `import {getCollection} from 'astro:content'
import type {Runbook} from '@runsheet/parser'

const [entry] = await getCollection('runbooks')
const runbook: Runbook | undefined = entry?.data
const title: string | undefined = entry?.data.title
// @ts-expect-error: data is the model, not any
const wrong: number | undefined = entry?.data.title
export {runbook, title, wrong}
`
    )
    write(join(app, 'tsconfig.json'), JSON.stringify({extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', 'src/**/*'], compilerOptions: {exactOptionalPropertyTypes: true}}))
    const env = userEnv(freshTmp(root))
    await mustRun(join(folders.consumer, 'node_modules/.bin/astro'), ['sync'], {cwd: app, env})
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {cwd: app, env})
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('')
    expect(result.code).toBe(0)
  }, 180_000)
})

describe('the runsheet CLI, run from a folder where both packages are installed with npm', () => {
  interface Outcome {
    code: number
    stdout: string
    stderr: string
    /**
     * Paths of the working folder that the command added or removed (`-path`). The site builds in a scratch
     * folder under its package's `node_modules/.cache/`, the conventional place for a package's caches, and
     * removes it; `node_modules/.cache/runsheet/` itself may stay, with the site's commands' compiled code
     * (`compiled/`, Node's compile cache) for the next command to start faster, the page code of recent
     * builds (`renderers/`) for a rebuild to render with, and the digests of the package's code and the
     * parser's (`digests.json`), remembered by what the file system says of their files.
     */
    changed: string[]
    /** What the command left in its TMPDIR. */
    leftInTmp: string[]
  }

  async function runsheet(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
    const tmp = freshTmp(root)
    const before = listTree(folders.cli)
    const result = await run(join(folders.cli, 'node_modules/.bin/runsheet'), args, {cwd: folders.cli, env: {...userEnv(tmp), ...env}})
    const after = listTree(folders.cli)
    const was = new Set(before)
    const is = new Set(after)
    const cacheFolder = /^node_modules\/@runsheet\/site\/node_modules\/((\.cache\/(runsheet\/((compiled|renderers)\/.*|digests\.json)?)?)?)$/
    const added = after.filter((path) => !was.has(path) && !cacheFolder.test(path))
    const changed = [...added, ...before.filter((path) => !is.has(path)).map((path) => `-${path}`)]
    // Node's own module compile cache may stay in TMPDIR: it is Node's, kept there for any program that turns it on.
    return {...result, changed, leftInTmp: listTree(tmp).filter((path) => !path.startsWith('node-compile-cache/'))}
  }

  /** The outcome without the output, for one readable comparison. */
  const effects = ({code, changed, leftInTmp}: Outcome) => ({code, changed, leftInTmp})

  beforeAll(() => {
    write(join(folders.cli, 'runbooks/deploy.md'), '# Deploy\n\n## Steps\n\n- [ ] Build the image\n- [ ] Ship it; if it fails, [roll back](ops/rollback.md#steps)\n\n**Deployed by**: ____\n')
    write(join(folders.cli, 'runbooks/deploy.ko.md'), '# 배포\n\n## 단계\n\n- [ ] 이미지 빌드\n- [ ] 배포; 실패하면 [롤백](ops/rollback.md)\n\n**배포자**: ____\n')
    write(join(folders.cli, 'runbooks/ops/rollback.md'), '# Rollback\n\n## Steps\n\n- [ ] Deploy the previous image\n')
  })

  test('npm installed astro once, as the peer of @runsheet/site', () => {
    const copies = listTree(folders.cli).filter((path) => /(^|\/)node_modules\/astro\/package\.json$/.test(path))
    expect(copies).toEqual(['node_modules/astro/package.json'])
  })

  test('runsheet parse prints the model', async () => {
    const outcome = await runsheet(['parse', 'runbooks/deploy.md'])
    expect(effects(outcome), outcome.stderr).toEqual({code: 0, changed: [], leftInTmp: []})
    expect(JSON.parse(outcome.stdout)).toMatchObject({type: 'runbook', title: 'Deploy'})
  })

  test('runsheet lint finds nothing wrong in good runbooks', async () => {
    const outcome = await runsheet(['lint', 'runbooks'])
    expect(effects(outcome), `${outcome.stdout}${outcome.stderr}`).toEqual({code: 0, changed: [], leftInTmp: []})
  })

  test('runsheet build writes the site, and only the site and its cache in node_modules/.cache/runsheet/', async () => {
    const outcome = await runsheet(['build', 'runbooks', '--out', 'site'])
    // The parsed runbooks and what the pages were built from, for the next build to reuse.
    expect(outcome.changed).toContain('node_modules/.cache/runsheet/')
    const elsewhere = outcome.changed.filter((path) => !path.startsWith('site/') && !path.startsWith('node_modules/.cache/'))
    expect({...effects(outcome), changed: elsewhere}, `${outcome.stdout}${outcome.stderr}`).toEqual({
      code: 0,
      changed: [],
      leftInTmp: []
    })
    expect(outcome.changed).toEqual(expect.arrayContaining(['site/', 'site/index.html', 'site/deploy/index.html', 'site/ops/rollback/index.html', 'site/pagefind/pagefind.js']))
    expect(deadLinks(join(folders.cli, 'site'))).toEqual([])
  }, 240_000)

  test('runsheet build again after an edit renders with the page code the first build bundled, from this install', async () => {
    const file = join(folders.cli, 'runbooks/ops/rollback.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}- [ ] Tell the team platypusquill\n`)
    const outcome = await runsheet(['build', 'runbooks', '--out', 'site'], {RUNSHEET_DEBUG: '1'})
    expect(outcome.code, outcome.stderr).toBe(0)
    expect(outcome.stderr).toMatch(/^runsheet: rendering with the page code kept in .*\/node_modules\/@runsheet\/site\/node_modules\/\.cache\/runsheet\/renderers\/[0-9a-f]+$/m)
    expect(outcome.stderr).not.toMatch(/building with Astro|bundling the pages with Astro/)
    expect(outcome.stdout).toContain('1 of 3 runbook pages')
    expect(readFileSync(join(folders.cli, 'site/ops/rollback/index.html'), 'utf8')).toContain('platypusquill')
    // Removed or added: the site's files, and the parsed runbooks of the user's cache.
    const elsewhere = outcome.changed.map((path) => path.replace(/^-/, '')).filter((path) => !path.startsWith('site/') && !path.startsWith('node_modules/.cache/'))
    expect(elsewhere).toEqual([])
    expect(deadLinks(join(folders.cli, 'site'))).toEqual([])
    // With the Astro that npm installed for the user: the pages are the ones a cold build writes. (The search
    // index differs: the rebuild adds the edited page in an overlay.)
    const cold = await runsheet(['build', 'runbooks', '--out', 'cold', '--no-cache'])
    expect(cold.code, cold.stderr).toBe(0)
    const pages = (site: string) => listTree(join(folders.cli, site)).filter((path) => !path.startsWith('pagefind/') && path !== '.runsheet-site')
    expect(pages('site')).toEqual(pages('cold'))
    const differing = pages('site').filter((path) => !path.endsWith('/') && !readFileSync(join(folders.cli, 'site', path)).equals(readFileSync(join(folders.cli, 'cold', path))))
    expect(differing).toEqual([])
    rmSync(join(folders.cli, 'cold'), {recursive: true})
  }, 240_000)

  test('runsheet pdf writes the PDF, and only the PDF', async () => {
    const outcome = await runsheet(['pdf', 'runbooks/deploy.md', '--out', 'deploy.pdf'])
    expect(effects(outcome), `${outcome.stdout}${outcome.stderr}`).toEqual({code: 0, changed: ['deploy.pdf'], leftInTmp: []})
    expect(readFileSync(join(folders.cli, 'deploy.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 240_000)

  test('runsheet dev serves pages whose run mode starts, from this install', async () => {
    // Installed, the packages' scripts are no source of the project: Vite pre-bundles only what it is told to.
    const dev = await startDev('runbooks', {bin: join(folders.cli, 'node_modules/.bin/runsheet'), cwd: folders.cli, env: userEnv(freshTmp(root))})
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${dev.origin}/deploy/`)
      await page.locator('[data-runbar]:not([hidden])').waitFor({timeout: 60_000})
      await page.locator('li[data-item] input[data-check]').first().check()
      await page.reload()
      await page.locator('[data-runbar]:not([hidden])').waitFor({timeout: 60_000})
      expect(await page.locator('li[data-item] input[data-check]').first().isChecked()).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await browser.close()
      await dev.stop()
    }
  }, 180_000)
})

describe('a fresh Astro project set up as docs/en/site.md section 3 says', () => {
  const out = () => join(folders.project, 'dist')
  let build = {code: -1, stdout: '', stderr: ''}

  beforeAll(async () => {
    // The docs' project sits in the folder of runbooks (`dir: '..'`, `base: '..'`), as examples/astro-project does.
    cpSync(join(repo, 'examples'), dirname(folders.project), {recursive: true, filter: (source) => !source.startsWith(join(repo, 'examples/astro-project'))})
    const docs = section(readFileSync(join(repo, 'docs/en/site.md'), 'utf8'), '3. Inside an existing Astro')
    const files = codeBlocks(docs).filter((block) => block.file !== undefined && block.lang !== 'console')
    expect(files.map((block) => block.file).sort()).toEqual(['astro.config.mjs', 'src/content.config.ts', 'src/pages/index.astro', 'src/pages/runbooks/[...id].astro'])
    for (const block of files) write(join(folders.project, block.file!), block.code)
    build = await run(join(folders.project, 'node_modules/.bin/astro'), ['build'], {cwd: folders.project, env: userEnv(freshTmp(root))})
  }, 300_000)

  test('builds with astro build: the loader and components pages, the integration site and its search', () => {
    expect(build.code, `${build.stdout}${build.stderr}`).toBe(0)
    for (const page of ['index.html', 'runbooks/production-deploy.ko/index.html', 'runbooks/docs/TROUBLESHOOTING/index.html', 'site/index.html', 'site/ko/index.html', 'pagefind/pagefind.js']) {
      expect(existsSync(join(out(), page)), page).toBe(true)
    }
  })

  test('links to no page and no anchor that its output lacks', () => {
    expect(build.code).toBe(0)
    expect(deadLinks(out())).toEqual([])
  })
})
