// Bundles the `runsheet` site commands (`dist/cli.js` and what it loads) into `dist/bundle/`, the code the
// `./cli` export points to. A command that loads some 700 modules spends a third of a rebuild of 100
// runbooks finding, reading and linking them; bundled, the parser, zod, YAML, remark and the rest are a
// few chunks. The commands stay loaded on demand (one chunk each), so `build` still loads no browser driver.
//
// The parser is bundled too (its VFile must be the one the site's code makes files with). Its pages and
// parse workers load the parser from `node_modules`: the site depends on the exact version it bundles, so
// that both are the same code, and the bundle knows the digest of the parser it holds, which a build
// compares with the installed one's (`parserFingerprint`, `bundledParserMismatch`).
//
// Left out, loaded from `node_modules` as before: Astro and Vite (one copy shared with the project's own
// config and pages), satteri (native code), Pagefind (a binary it finds beside itself), and what `pdf`,
// `preview` and `dev` alone use.
import {build} from 'esbuild'
import {rmSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {installedParserDigest} from '../dist/lib/model-cache.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const outdir = `${root}dist/bundle`

export const external = ['astro', 'astro/*', '@astrojs/*', 'vite', 'satteri', 'pagefind', 'playwright-core', 'pdf-lib', 'sirv']

/** esbuild's options for the bundle. */
export const options = {
  absWorkingDir: root,
  entryPoints: {cli: 'dist/cli.js'},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external,
  // Bundled CommonJS (none today) would ask for `require`; ES modules have none of their own.
  banner: {js: "import {createRequire as __runsheetRequire} from 'node:module'; const require = __runsheetRequire(import.meta.url);"},
  // Every chunk one level below `dist/`, as `dist/lib/` and `dist/cli/` are, so that the paths the code makes
  // from `import.meta.url` (the package's root, its `src/`) land where they do unbundled.
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning'
}

// Imported (by a test), it only tells what it does.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(outdir, {recursive: true, force: true})
  await build({...options, define: {RUNSHEET_BUNDLED_PARSER: JSON.stringify(installedParserDigest())}})
}
