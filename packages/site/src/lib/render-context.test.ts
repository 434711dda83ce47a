import {walk, type Item, type Runbook} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {parseFolder} from '../test-util/runbooks.js'
import {renderContext} from './render-context.js'
import {createSite} from './site.js'

const items = (runbook: Runbook) => {
  const found: Item[] = []
  walk(runbook, (node) => {
    if (node.type === 'item') found.push(node)
  })
  return found
}

test('step refs are short, and unique in a page that shows several runbooks', () => {
  const runbooks = parseFolder({
    'a.md': '# A\n\n## Steps\n\n- [ ] One\n- [ ] Two\n  - [ ] Two and a half\n',
    'b.md': '# B\n\n## Steps\n\n- [ ] One\n- [ ] Two\n'
  })
  const site = createSite(runbooks)
  const refs = runbooks.flatMap((runbook) => {
    const ctx = renderContext(runbook, {site})
    return items(runbook).map((item) => ctx.stepRef(item))
  })
  expect(refs.length).toBe(5)
  expect(new Set(refs).size).toBe(5)
  for (const ref of refs) expect(ref).toMatch(/^rs:[0-9a-f]{4}\.\d+$/)
})

test('the page\'s counts and ids come with the context', () => {
  const [runbook] = parseFolder({'a.md': '# A\n\n## Steps\n\n- [x] One\n- [ ] Two\n'})
  const ctx = renderContext(runbook!)
  expect(ctx.sections.get('steps')).toMatchObject({total: 2, checked: 1})
  expect(ctx.ids.has('steps')).toBe(true)
  expect(ctx.entry.path).toBe('a.md')
  expect(ctx.lang).toBe('en')
})
