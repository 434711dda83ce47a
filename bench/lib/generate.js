// Runbook sets of any size, made from the repository's examples and, when present, the shared corpus
// (read where it lies, never copied into the repository).
//
// A set is built from units, each in a folder of its own with a varied name:
// - the examples tree whole (its runbooks in ko and en editions, their scripts), so that the links
//   between them resolve in every copy; the first copy sits at the set's root, unchanged, so that the
//   seed `production-deploy.ko.md` is always built at the same place;
// - a corpus pair: a Korean and an English checklist as the ko and en editions of one runbook.
// Every generated runbook but the root copy ends with a section linking three others of its language
// elsewhere in the set, so that links cross folders as they do in a real runbook repository.
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, posix, relative} from 'node:path'

const teams = ['payments', 'platform', 'search', 'identity', 'data', 'mobile', 'billing', 'infra', 'growth', 'security', 'sre', 'messaging']
const areas = ['deploy', 'incident', 'release', 'audit', 'migration', 'oncall', 'backup', 'rotation']

/** `*.md` paths under `folder`, relative, sorted; `skip` names folders not to enter. */
function markdownUnder(folder, skip = new Set(['node_modules', 'astro-project'])) {
  const found = []
  const walk = (at) => {
    for (const entry of readdirSync(join(folder, at), {withFileTypes: true})) {
      const path = at ? `${at}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(path)
      } else if (entry.name.endsWith('.md')) found.push(path)
    }
  }
  walk('')
  return found.sort()
}

/** The texts a set is made from: the examples tree, and the corpus split by language (from its names). */
export function loadSources(examplesFolder, corpusFolder) {
  const examples = markdownUnder(examplesFolder).map((path) => ({path, text: readFileSync(join(examplesFolder, path), 'utf8')}))
  const corpus = corpusFolder && existsSync(corpusFolder) ? readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).sort() : []
  const read = (name) => ({name: name.replace(/^\d+-(ko-en|ko|en)-/, '').replace(/\.md$/, ''), text: readFileSync(join(corpusFolder, name), 'utf8')})
  return {
    examplesFolder,
    examples,
    corpusKo: corpus.filter((name) => /^\d+-ko-/.test(name)).map(read),
    corpusEn: corpus.filter((name) => /^\d+-en-/.test(name)).map(read),
    corpusCount: corpus.length
  }
}

/** The first `# ` heading with a suffix, so that copies are told apart on the home page and in search. */
function retitle(text, suffix) {
  return text.replace(/^# (.+)$/m, (_, title) => `# ${title} ${suffix}`)
}

function relatedSection(lang, links) {
  const heading = lang === 'ko' ? '## 관련 런북' : '## Related runbooks'
  return `\n\n${heading}\n\n${links.map(({title, href}) => `- [${title}](${href})`).join('\n')}\n`
}

/**
 * Writes a set of exactly `count` runbooks into `out` (emptied first). Returns what was written: every
 * runbook's path, the seed's path, and the path of one runbook the rebuild measurement edits.
 */
export function generateSet(sources, count, out) {
  rmSync(out, {recursive: true, force: true})
  mkdirSync(out, {recursive: true})
  /** @type {{path: string, lang: string, text: string, generated: boolean}[]} */
  const files = []
  const langOf = (path) => (path.endsWith('.ko.md') ? 'ko' : 'en')
  const addExamples = (folder, suffix) => {
    for (const {path, text} of sources.examples) {
      files.push({path: folder ? `${folder}/${path}` : path, lang: langOf(path), text: suffix ? retitle(text, suffix) : text, generated: Boolean(folder)})
    }
    // The scripts the seed links to, so that its links resolve in every copy.
    const scripts = join(sources.examplesFolder, 'scripts')
    if (existsSync(scripts)) cpSync(scripts, join(out, folder, 'scripts'), {recursive: true})
  }
  addExamples('', '')
  let unit = 0
  const pairs = Math.min(sources.corpusKo.length, sources.corpusEn.length)
  while (files.length < count) {
    const team = teams[unit % teams.length]
    const area = areas[Math.floor(unit / teams.length) % areas.length]
    const folder = `${team}/${area}-${unit}`
    // Two corpus pairs for every examples copy, when there is a corpus: the set mixes both kinds.
    if (pairs > 0 && unit % 3 !== 0) {
      const ko = sources.corpusKo[unit % sources.corpusKo.length]
      const en = sources.corpusEn[unit % sources.corpusEn.length]
      const stem = `${en.name}-${unit}`
      files.push({path: `${folder}/${stem}.md`, lang: 'en', text: retitle(en.text, `(${team} ${unit})`), generated: true})
      files.push({path: `${folder}/${stem}.ko.md`, lang: 'ko', text: retitle(ko.text, `(${team} ${unit})`), generated: true})
    } else {
      addExamples(folder, `(${team} ${unit})`)
    }
    unit++
  }
  // Trimmed to the count, dropping whole editions from the end: the last unit may lose its other edition.
  files.length = count
  const byLang = {ko: files.filter((file) => file.lang === 'ko'), en: files.filter((file) => file.lang === 'en')}
  files.forEach((file, index) => {
    let text = file.text
    if (file.generated) {
      const peers = byLang[file.lang]
      const links = [7, 131, 977].map((step) => peers[(index * 31 + step) % peers.length]).filter((peer) => peer !== file)
      const from = posix.dirname(file.path)
      text += relatedSection(file.lang, links.map((peer) => ({title: peer.path.replace(/\.(ko\.)?md$/, ''), href: posix.relative(from, peer.path) || posix.basename(peer.path)})))
    }
    const target = join(out, file.path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, text)
  })
  const edited = files.find((file) => file.generated && file.path.endsWith('/production-deploy.md')) ?? files.find((file) => file.path === 'production-deploy.md')
  return {
    paths: files.map((file) => file.path),
    bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
    ko: byLang.ko.length,
    en: byLang.en.length,
    seed: 'production-deploy.ko.md',
    edited: relative(out, join(out, edited.path))
  }
}

/** Edits one runbook as an author would: one more checklist item at its end. */
export function editOne(out, path) {
  const target = join(out, path)
  writeFileSync(target, `${readFileSync(target, 'utf8')}\n\n## Edited by the benchmark\n\n- [ ] Confirm the rebuild shows this item (${new Date().toISOString()})\n`)
}
