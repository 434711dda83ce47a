import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {createSite} from './site.js'
import {groupSummaries, listedSummaries} from './summary.js'

const site = createSite(
  parseFolder({
    'b/deploy.md': '# Deploy\n\n## Rollback\n\n- [ ] Roll back\n\n```sh\nrollback\n```\n',
    'b/deploy.ko.md': '# 배포\n\n## 롤백\n\n- [ ] 롤백 실행\n',
    'top.md': '# Top\n\n**Owner**: ____\n',
    'a/z.ko.md': '# 지\n',
    'a/y.md': '# Y\n'
  })
)

test('the list goes by folder, top level first, then by language, the page\'s own first', () => {
  const paths = (lang: 'ko' | 'en') => listedSummaries(site, lang).map((summary) => summary.entry.path)
  expect(paths('en')).toEqual(['top.md', 'a/y.md', 'a/z.ko.md', 'b/deploy.md', 'b/deploy.ko.md'])
  expect(paths('ko')).toEqual(['top.md', 'a/z.ko.md', 'a/y.md', 'b/deploy.ko.md', 'b/deploy.md'])
  expect(listedSummaries(site, 'en')).toBe(listedSummaries(site, 'en'))
})

test('summaries count steps, blanks and commands, and name the editions', () => {
  const [deploy] = listedSummaries(site, 'en').filter((summary) => summary.entry.path === 'b/deploy.md')
  expect(deploy).toMatchObject({folder: 'b', items: 1, blanks: 0, commands: 1, kinds: ['rollback']})
  expect(deploy!.editions.map((entry) => entry.path)).toEqual(['b/deploy.ko.md'])
  expect(listedSummaries(site, 'en')[0]).toMatchObject({folder: '', blanks: 1})
})

test('a slice of the list groups as the whole list does, a folder or language running on across slices', () => {
  const listed = listedSummaries(site, 'en')
  const shape = (groups: ReturnType<typeof groupSummaries>) => groups.map((group) => [group.folder, group.langs.map((part) => [part.lang, part.runbooks.length])])
  expect(shape(groupSummaries(listed))).toEqual([
    ['', [['en', 1]]],
    ['a', [['en', 1], ['ko', 1]]],
    ['b', [['en', 1], ['ko', 1]]]
  ])
  expect(shape(groupSummaries(listed.slice(2, 4)))).toEqual([
    ['a', [['ko', 1]]],
    ['b', [['en', 1]]]
  ])
})
