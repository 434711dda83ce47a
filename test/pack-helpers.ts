/**
 * Pieces of the packed-install tests: child processes that run as they would on a user's machine (outside
 * the repository, with a TMPDIR of their own), tarballs, the code and links of markdown documents, and a
 * link check over a built site.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, dirname, join, relative, resolve} from 'node:path'
import GithubSlugger from 'github-slugger'

export const repo = resolve(import.meta.dirname, '..')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** A new folder under the OS temp folder, by its real path (so paths printed by children compare equal). */
export function scratchFolder(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)))
}

/** The `node_modules` folders Node would search from `folder`'s parent up to the root: a user's machine has none. */
export function nodeModulesAbove(folder: string): string[] {
  const found: string[] = []
  for (let parent = dirname(folder); ; parent = dirname(parent)) {
    if (existsSync(join(parent, 'node_modules'))) found.push(join(parent, 'node_modules'))
    if (dirname(parent) === parent) return found
  }
}

/**
 * The environment of a child process run as a user would run it: the workspace's Node first on PATH (the
 * site needs Node ≥ 22.12) but no folder of the repository's packages, none of the variables `npm run` and
 * `npx` set for the repository, and TMPDIR a folder of the test's own.
 */
export function userEnv(tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_(package|lifecycle|command|execpath|node_execpath)|npm_config_local_prefix$|INIT_CWD$|NODE$|NODE_ENV$|NODE_PATH$|NODE_OPTIONS$|VITEST|TEST$)/i.test(key)) continue
    env[key] = value
  }
  const path = (process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '' && !folder.includes('node_modules') && !folder.startsWith(repo))
  env.PATH = [dirname(process.execPath), ...path].join(delimiter)
  env.TMPDIR = env.TMP = env.TEMP = tmp
  env.ASTRO_TELEMETRY_DISABLED = '1'
  return env
}

/** A fresh, empty TMPDIR under `root`. */
export function freshTmp(root: string): string {
  mkdirSync(join(root, 'tmp'), {recursive: true})
  return mkdtempSync(join(root, 'tmp', 'run-'))
}

export function run(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code, signal) => done({code: code ?? (signal ? 128 : 1), stdout, stderr}))
  })
}

/** Runs a command that has to succeed; its output is in the error when it does not. */
export async function mustRun(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}): Promise<string> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` in ${options.cwd} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}

/** Packs a workspace into `destination`; returns the tarball's path. */
export async function pack(workspace: string, destination: string, env: NodeJS.ProcessEnv): Promise<string> {
  const output = await mustRun('npm', ['pack', '--json', '--pack-destination', destination], {cwd: join(repo, workspace), env})
  const [packed] = JSON.parse(output) as Array<{filename: string}>
  return join(destination, packed!.filename)
}

/** Unpacks a tarball into a new folder `into`; returns the package's folder in it (`into/package`). */
export async function unpack(tarball: string, into: string): Promise<string> {
  mkdirSync(into, {recursive: true})
  await mustRun('tar', ['-xzf', tarball, '-C', into], {cwd: into, env: process.env})
  return join(into, 'package')
}

/** Every file and folder under `folder`, as sorted relative POSIX paths (folders end in `/`). */
export function listTree(folder: string): string[] {
  const found: string[] = []
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name)
      const name = relative(folder, path).split('\\').join('/')
      if (entry.isDirectory()) {
        found.push(`${name}/`)
        visit(path)
      } else found.push(name)
    }
  }
  visit(folder)
  return found.sort()
}

export interface CodeBlock {
  lang: string
  code: string
  /** The file the block names: `$ node api-walk.mjs` in the console block right after it, or a `// path` comment in its first lines. */
  file: string | undefined
}

/** The fenced code blocks of a markdown document, with the file each one names. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm
  for (const match of markdown.matchAll(fence)) {
    const lang = match[1]!
    const code = match[2]!
    const named = /^(?:---\n)?\/\/ ([\w./@[\]-]+\.\w+)$/m.exec(code.split('\n').slice(0, 3).join('\n'))?.[1]
    blocks.push({lang, code, file: named})
  }
  // A console block right after a code block names its file: `$ node api-walk.mjs`.
  for (const [index, block] of blocks.entries()) {
    const next = blocks[index + 1]
    const ran = next && next.lang === 'console' ? /^\$ node (\S+)$/m.exec(next.code)?.[1] : undefined
    if (ran && block.file === undefined) block.file = ran
  }
  return blocks
}

/** The part of a markdown document under the heading that starts with `start`, up to the next heading of its level. */
export function section(markdown: string, start: string): string {
  const lines = markdown.split('\n')
  let fenced = false
  // A line that starts with `#` inside a fenced code block is code, not a heading.
  const headings = lines.map((line) => {
    if (/^```/.test(line)) fenced = !fenced
    return fenced ? 0 : (/^(#{1,6}) /.exec(line)?.[1]?.length ?? 0)
  })
  const from = lines.findIndex((line, index) => headings[index]! > 0 && line.replace(/^#+ /, '').startsWith(start))
  if (from < 0) throw new Error(`no heading starting with ${start}`)
  const to = headings.findIndex((level, index) => index > from && level > 0 && level <= headings[from]!)
  return lines.slice(from, to < 0 ? undefined : to).join('\n')
}

/** The targets of the inline links and definitions of a markdown document, code left out. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '')
  const inline = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!)
  const definitions = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1]!)
  return [...inline, ...definitions]
}

/** The anchors GitHub gives the headings of a markdown document. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const prose = markdown.replace(/^```[\s\S]*?^```[ \t]*$/gm, '')
  return new Set([...prose.matchAll(/^#{1,6} (.+?)#*\s*$/gm)].map((match) => slugger.slug(match[1]!.replace(/`/g, ''))))
}

export interface DeadLink {
  page: string
  link: string
  problem: string
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    return entities[name.toLowerCase()] ?? whole
  })
}

/** The HTML of a page without the contents of its scripts and styles (JSON models, CSS), which hold no links. */
function markup(html: string): string {
  return html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/gi, '$1').replace(/<!--[\s\S]*?-->/g, '')
}

function attributes(html: string, names: string): string[] {
  const pattern = new RegExp(`\\s(?:${names})\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'gi')
  return [...markup(html).matchAll(pattern)].map((match) => decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''))
}

/**
 * Every `href` and `src` of every HTML page under `outDir` that points into the site and finds nothing: no
 * file at its path (a path ending in `/` is its `index.html`; one without the slash may also be a folder
 * with an `index.html`, as static hosts redirect), or no element with its fragment as `id` in the page.
 */
export function deadLinks(outDir: string, base = '/'): DeadLink[] {
  const origin = 'http://site.invalid'
  const pages = listTree(outDir).filter((path) => path.endsWith('.html'))
  const ids = new Map<string, Set<string>>()
  const idsOf = (file: string): Set<string> => {
    let found = ids.get(file)
    if (!found) {
      found = new Set(attributes(readFileSync(join(outDir, file), 'utf8'), 'id|name'))
      ids.set(file, found)
    }
    return found
  }
  const fileOf = (path: string): string | undefined => {
    if (!path.startsWith(base)) return undefined
    const inSite = path.slice(base.length)
    const candidates = path.endsWith('/') ? [`${inSite}index.html`] : [inSite, `${inSite}/index.html`]
    return candidates.find((candidate) => statSync(join(outDir, candidate), {throwIfNoEntry: false})?.isFile())
  }
  const dead: DeadLink[] = []
  for (const page of pages) {
    const url = base + (page.endsWith('index.html') ? page.slice(0, -'index.html'.length) : page)
    const html = readFileSync(join(outDir, page), 'utf8')
    for (const link of new Set(attributes(html, 'href|src'))) {
      if (link === '' || /^[a-z][a-z\d+.-]*:/i.test(link) || link.startsWith('//')) continue
      const target = new URL(link, origin + url)
      let path: string
      let fragment: string
      try {
        path = decodeURI(target.pathname)
        fragment = decodeURIComponent(target.hash.slice(1))
      } catch {
        dead.push({page, link, problem: 'malformed percent-encoding'})
        continue
      }
      const file = target.pathname === new URL(origin + url).pathname ? page : fileOf(path)
      if (file === undefined) dead.push({page, link, problem: `no file for ${path}`})
      else if (fragment !== '' && file.endsWith('.html') && !idsOf(file).has(fragment)) dead.push({page, link, problem: `no id "${fragment}" in ${file}`})
    }
  }
  return dead
}
