import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {pageDigests, type PageDigests} from './page-digests.js'
import {runbooksPerPage} from './pages.js'
import {createSite} from './site.js'

/** Runbooks `r000.md`… over three pages of the list, `r001.md` linking to a section of `r100.md`. */
function folder(changes: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < 2 * runbooksPerPage + 10; index++) {
    files[`r${String(index).padStart(3, '0')}.md`] = `# R ${index}\n\n## Checks\n\n- [ ] Look\n`
  }
  files['r001.md'] = '# R 1\n\nSee [the checks](r100.md#checks) and [the folder](.).\n'
  return {...files, ...changes}
}

const digestsOf = (files: Record<string, string>) => pageDigests(createSite(parseFolder(files)), 'code and settings')

/** The pages whose digests differ between two builds. */
function changed(before: PageDigests, after: PageDigests): string[] {
  return Object.keys({...before, ...after})
    .filter((slug) => before[slug] !== after[slug])
    .sort()
}

test('an edit changes its page and the list pages that count its steps, in every language, and no other', () => {
  const before = digestsOf(folder())
  const after = digestsOf(folder({'r100.md': '# R 100\n\n## Checks\n\n- [ ] Look\n- [ ] Look again\n'}))
  expect(changed(before.runbooks, after.runbooks)).toEqual(['r100'])
  // r100 is the 101st runbook listed: the third page.
  expect(changed(before.homes, after.homes)).toEqual(['ko/page/3', 'page/3'])
})

test('a page linking to a section is changed when the section goes, not when the runbook around it changes', () => {
  const before = digestsOf(folder())
  const kept = digestsOf(folder({'r100.md': '# R 100\n\nNew words.\n\n## Checks\n\n- [ ] Look\n'}))
  expect(changed(before.runbooks, kept.runbooks)).toEqual(['r100'])
  const gone = digestsOf(folder({'r100.md': '# R 100\n\n## Steps\n\n- [ ] Look\n'}))
  expect(changed(before.runbooks, gone.runbooks)).toEqual(['r001', 'r100'])
})

test('a new title changes the pages that show it: those it links to (they list it) and its list pages', () => {
  const before = digestsOf(folder())
  const after = digestsOf(folder({'r001.md': '# Renamed\n\nSee [the checks](r100.md#checks) and [the folder](.).\n'}))
  expect(changed(before.runbooks, after.runbooks)).toEqual(['r001', 'r100'])
  expect(changed(before.homes, after.homes)).toEqual(['', 'ko'])
})

test('a new runbook lengthens the list: every list page changes (the count, the pager)', () => {
  const before = digestsOf(folder())
  const after = digestsOf(folder({'z.md': '# Z\n'}))
  expect(changed(before.homes, after.homes)).toEqual(['', 'ko', 'ko/page/2', 'ko/page/3', 'page/2', 'page/3'])
  expect(changed(before.runbooks, after.runbooks)).toEqual(['z'])
})

test('a digest given for a model stands for it: the model is not serialised', () => {
  const site = createSite(parseFolder(folder()))
  const models = new Map(site.entries.map((entry) => [entry.path, 'same']))
  const edited = createSite(parseFolder(folder({'r100.md': '# R 100\n\n## Checks\n\n- [ ] Other\n'})))
  expect(pageDigests(edited, 'code', models)).toEqual(pageDigests(site, 'code', models))
  expect(pageDigests(edited, 'code')).not.toEqual(pageDigests(site, 'code'))
})

test('other code or settings change every page', () => {
  const site = createSite(parseFolder(folder()))
  const one = pageDigests(site, 'one')
  const other = pageDigests(site, 'other')
  expect(changed(one.runbooks, other.runbooks)).toHaveLength(Object.keys(one.runbooks).length)
  expect(changed(one.homes, other.homes)).toHaveLength(Object.keys(one.homes).length)
})
