// The same runbooks as a plain Starlight site, default settings: the yardstick for a docs site of that size.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

// Starlight and its own Astro are installed in bench/starlight/node_modules, not bench/node_modules: the
// measured Runsheet (extracted in bench/.head) must resolve the repository's Astro, not this one.

/** Installs Starlight into `folder`/node_modules (bench/starlight) when missing. */
export function ensureStarlight(folder, log) {
  if (existsSync(join(folder, 'node_modules/@astrojs/starlight/package.json'))) return
  log('installing Starlight into bench/starlight/node_modules (npm install --prefix bench/starlight)…')
  execFileSync('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund'], {stdio: 'inherit'})
}

export function starlightVersions(folder) {
  const version = (name) => JSON.parse(readFileSync(join(folder, 'node_modules', name, 'package.json'), 'utf8')).version
  return {starlight: version('@astrojs/starlight'), astro: version('astro')}
}

/** The title Starlight needs: the runbook's first `# ` heading, else its file name. */
function titleOf(text, path) {
  return /^# (.+)$/m.exec(text)?.[1]?.trim() ?? path.replace(/^.*\//, '').replace(/\.md$/, '')
}

/**
 * A Starlight project in `project` (emptied first) whose docs are the runbooks `paths` under `setFolder`,
 * each with front matter holding only `title` (a runbook's own front matter is replaced: Starlight's schema
 * knows none of its keys).
 */
export function makeStarlightProject(project, setFolder, paths) {
  rmSync(project, {recursive: true, force: true})
  const docs = join(project, 'src/content/docs')
  mkdirSync(docs, {recursive: true})
  writeFileSync(
    join(project, 'astro.config.mjs'),
    `import {defineConfig} from 'astro/config'\nimport starlight from '@astrojs/starlight'\n\nexport default defineConfig({\n  integrations: [starlight({title: 'Runbooks'})]\n})\n`
  )
  writeFileSync(
    join(project, 'src/content.config.ts'),
    `import {defineCollection} from 'astro:content'\nimport {docsLoader} from '@astrojs/starlight/loaders'\nimport {docsSchema} from '@astrojs/starlight/schema'\n\nexport const collections = {\n  docs: defineCollection({loader: docsLoader(), schema: docsSchema()})\n}\n`
  )
  // Astro bundles the packages a project depends on that depend on Astro (Starlight's `astro:` imports
  // need it): found from this file's dependencies, so they are listed as `create astro` would.
  const {devDependencies} = JSON.parse(readFileSync(join(project, '..', 'package.json'), 'utf8'))
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'starlight-bench-site', private: true, type: 'module', dependencies: devDependencies}, null, 2))
  for (const path of paths) {
    const body = readFileSync(join(setFolder, path), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
    const target = join(docs, path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, `---\ntitle: ${JSON.stringify(titleOf(body, path))}\n---\n\n${body}`)
  }
  writeFileSync(join(docs, 'index.md'), `---\ntitle: Runbooks\n---\n\nThe benchmark's runbooks.\n`)
}
