import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, parse, relative} from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {builtIdOf, builtMarker, planOut, replaceWithSite} from './out-folder.js'

const made: string[] = []
function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-out-'))
  made.push(dir)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

test('the runbook folder, a folder above it and a file-system root are refused', () => {
  const dir = folder({'src/guide.md': '# Guide\n'})
  const src = join(dir, 'src')
  expect(() => planOut(src, src, true)).toThrow(/is the runbook folder: building would replace the runbooks/)
  expect(() => planOut(dir, src, true)).toThrow(/holds the runbook folder/)
  expect(() => planOut(parse(dir).root, src, true)).toThrow(/is the root of a file system/)
  expect(() => planOut('/', src, true)).toThrow(/is the root of a file system/)
})

test('paths are compared after resolving links: a link to the runbook folder is the runbook folder', () => {
  const dir = folder({'src/guide.md': '# Guide\n'})
  symlinkSync(join(dir, 'src'), join(dir, 'alias'))
  expect(() => planOut(join(dir, 'alias'), join(dir, 'src'), true)).toThrow(/is the runbook folder/)
  expect(() => planOut(join(dir, 'src'), join(dir, 'alias'), true)).toThrow(/is the runbook folder/)
  symlinkSync(dir, join(dir, 'src', 'up'))
  expect(() => planOut(join(dir, 'src', 'up'), join(dir, 'src'), true)).toThrow(/holds the runbook folder/)
})

test('a folder of files the build did not make is refused unless forced', () => {
  const dir = folder({'src/a.md': '# A\n', 'docs/guide.md': '# Guide\n', 'docs/notes.txt': ''})
  expect(() => planOut(join(dir, 'docs'), join(dir, 'src'), false)).toThrow(
    /--out '.*docs' holds files that runsheet build did not make \(guide\.md, notes\.txt\): choose an empty folder, or add --force/
  )
  expect(planOut(join(dir, 'docs'), join(dir, 'src'), true).out).toBe(join(dir, 'docs'))
  writeFileSync(join(dir, 'file'), '')
  expect(() => planOut(join(dir, 'file'), join(dir, 'src'), true)).toThrow(/is a file, not a folder/)
})

test('an empty folder, a new one, or one an earlier build made is taken', () => {
  const dir = folder({'src/a.md': '# A\n', [`built/${builtMarker}`]: '', 'built/index.html': '', 'empty/.git/HEAD': ''})
  expect(planOut(join(dir, 'new/deep'), join(dir, 'src'), false)).toEqual({out: join(dir, 'new/deep')})
  expect(planOut(join(dir, 'built'), join(dir, 'src'), false)).toEqual({out: join(dir, 'built')})
  expect(planOut(join(dir, 'empty'), join(dir, 'src'), false)).toEqual({out: join(dir, 'empty')})
})

test('an output folder inside the runbook folder is left out of the sources', () => {
  const dir = folder({'a.md': '# A\n'})
  expect(planOut(join(dir, 'dist'), dir, false)).toEqual({out: join(dir, 'dist'), exclude: join(dir, 'dist')})
  symlinkSync(dir, join(dir, '..', `${parse(dir).base}-link`))
  made.push(join(dir, '..', `${parse(dir).base}-link`))
  const viaLink = join(dir, '..', `${parse(dir).base}-link`)
  expect(planOut(join(dir, 'site'), viaLink, false).exclude).toBe(join(viaLink, 'site'))
})

test('the site replaces the folder whole, keeps .git, and is marked as built', () => {
  const dir = folder({'out/old.html': '', 'out/.git/HEAD': 'ref', 'site/index.html': '<h1>new</h1>', 'site/_astro/a.css': ''})
  replaceWithSite(join(dir, 'out'), join(dir, 'site'))
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.git', builtMarker, '_astro', 'index.html'])
  expect(readFileSync(join(dir, 'out/.git/HEAD'), 'utf8')).toBe('ref')
  expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toBe('<h1>new</h1>')
  expect(existsSync(join(dir, 'site/index.html'))).toBe(false)
})

test('a rebuild leaves the files it keeps, moves the built ones over the old, and removes every other file and emptied folder', () => {
  const dir = folder({
    'out/kept/index.html': 'kept',
    'out/edited/index.html': 'old',
    'out/removed/index.html': 'gone',
    'out/removed/runbook.json': '{}',
    'out/was-file': 'a file before',
    'out/was-folder/index.html': 'a folder before',
    'out/_astro/old.css': 'old',
    'out/.git/HEAD': 'ref',
    [`out/${builtMarker}`]: 'build old\n',
    'site/edited/index.html': 'new',
    'site/added/deep/index.html': 'added',
    'site/was-file/index.html': 'now a folder',
    'site/was-folder': 'now a file',
    'site/_astro/new.css': 'new'
  })
  const out = join(dir, 'out')
  const keptInode = statSync(join(out, 'kept/index.html')).ino
  replaceWithSite(out, join(dir, 'site'), {keep: (file) => file === 'kept/index.html' || file === 'removed/runbook.json/not-this', id: 'b2'})
  expect(filesUnder(out)).toEqual(['.git/HEAD', builtMarker, '_astro/new.css', 'added/deep/index.html', 'edited/index.html', 'kept/index.html', 'was-file/index.html', 'was-folder'])
  expect(existsSync(join(out, 'removed'))).toBe(false)
  expect(statSync(join(out, 'kept/index.html')).ino).toBe(keptInode)
  expect(readFileSync(join(out, 'edited/index.html'), 'utf8')).toBe('new')
  expect(readFileSync(join(out, 'was-folder'), 'utf8')).toBe('now a file')
  expect(readFileSync(join(out, 'was-file/index.html'), 'utf8')).toBe('now a folder')
  expect(builtIdOf(out)).toBe('b2')
})

/** Every file under a folder, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

test('a replacement cut short leaves the folder marked as built, but as no build that pages can be taken from', () => {
  const dir = folder({'out/a/index.html': 'a', 'out/b/index.html': 'b', [`out/${builtMarker}`]: 'build before\n', 'site/c/index.html': 'c'})
  const out = join(dir, 'out')
  const cut = (file: string) => {
    if (file === 'b/index.html') throw new Error('cut short')
    return false
  }
  expect(() => replaceWithSite(out, join(dir, 'site'), {keep: cut, id: 'after'})).toThrow('cut short')
  expect(existsSync(join(out, builtMarker))).toBe(true)
  expect(builtIdOf(out)).toBeUndefined()
  expect(planOut(out, join(dir, 'site'), false).out).toBe(out)
})

test('a marker that is a link is replaced, not written through', () => {
  const dir = folder({'elsewhere.txt': 'keep me', 'site/index.html': 'new'})
  mkdirSync(join(dir, 'out'))
  symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'out', builtMarker))
  replaceWithSite(join(dir, 'out'), join(dir, 'site'), {id: 'b3'})
  expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('keep me')
  expect(lstatSync(join(dir, 'out', builtMarker)).isSymbolicLink()).toBe(false)
  expect(builtIdOf(join(dir, 'out'))).toBe('b3')
})
