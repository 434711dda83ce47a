import {describe, expect, test} from 'vitest'
import {remarkFrontEnd} from '../markdown/front-end.js'
import {loadFrontEnd} from '../markdown/load-front-end.js'
import {positionsInOrder} from '../model/positions-in-order.js'
import {parseRunbook} from './parse-runbook.js'

// satteri is an optional peer dependency: where it is installed, remark must give the model it gives.
const satteri = await loadFrontEnd('satteri').catch(() => undefined)

/** The model and messages as JSON, points in one key order whichever front end made them. */
function outcome(text: string, frontEnd = remarkFrontEnd): string {
  const {runbook, messages} = parseRunbook(text, {frontEnd})
  return JSON.stringify({runbook, messages: messages.map((message) => [message.place, message.ruleId, message.reason])}, positionsInOrder)
}

/** Every node of a model that has a `type` and no `position` (front matter aside). */
function unplaced(model: unknown, out: string[] = []): string[] {
  if (Array.isArray(model)) for (const each of model) unplaced(each, out)
  else if (typeof model === 'object' && model !== null) {
    const node = model as {type?: unknown; position?: unknown}
    if (typeof node.type === 'string' && node.type !== 'runbook' && !node.position) out.push(node.type)
    for (const [key, value] of Object.entries(model)) if (key !== 'frontmatter' && key !== 'target') unplaced(value, out)
  }
  return out
}

// Found by a review: remark-gfm finds a URL after an unmatched `[` in the text after parsing, and makes the
// link and the texts around it with no position; the link was read as `[…](…)` and nothing was placed.
const cases = [
  'a [ http://x.y b\n',
  '- [ ] Fill ____ then see [ http://q.r\n',
  '# T\n\nOwner: ____ [ www.example.com and [ mail@example.com, then ____\n',
  '## Step 1 [ https://a.b/c?d=1&amp;e=2\n\n- [ ] x\n',
  '> quoted [ http://x.y\n> and ____ on the next line\n',
  '| a | b |\n| - | - |\n| [ http://x.y | ____ |\n',
  '- [ ] a &nbsp;[ http://x.y ____\n',
  '> [!NOTE]\n> See [ http://x.y then ____\n',
  '*a [ http://x.y* b\n'
]

describe('links remark-gfm found in text are autolinks, placed in the source', () => {
  test.each(cases)('%j: every node placed, links are autolinks', (text) => {
    const {runbook} = parseRunbook(text, {frontEnd: remarkFrontEnd})
    expect(unplaced(runbook)).toEqual([])
    const json = JSON.stringify(runbook)
    expect(json).toContain('"form":"autolink"')
    expect(json).not.toContain('"form":"inline"')
  })

  test('each node covers its own text', () => {
    const text = 'a [ http://x.y b\n'
    const paragraph = parseRunbook(text, {frontEnd: remarkFrontEnd}).runbook.children[0]
    expect(paragraph?.type).toBe('paragraph')
    const spans = paragraph?.type === 'paragraph' ? paragraph.children.map((node) => text.slice(node.position!.start.offset, node.position!.end.offset)) : []
    expect(spans).toEqual(['a [ ', 'http://x.y', ' b'])
  })

  test('lint places the blank after such a link at its line and column', () => {
    const {messages} = parseRunbook('- [ ] Fill ____ then see [ http://q.r\n', {frontEnd: remarkFrontEnd})
    const blank = messages.find((message) => message.ruleId === 'blank-without-label')
    expect([blank?.line, blank?.column]).toEqual([1, 12])
  })

  test.skipIf(!satteri).each(cases)('%j: the same model and messages from remark and satteri', (text) => {
    expect(outcome(text)).toBe(outcome(text, satteri))
  })

  test('a written link whose text is its URL is still inline', () => {
    const {runbook} = parseRunbook('[http://x.y](http://x.y) and <http://x.y> and http://x.y\n', {frontEnd: remarkFrontEnd})
    expect([...JSON.stringify(runbook).matchAll(/"form":"(\w+)"/g)].map((match) => match[1])).toEqual(['inline', 'autolink', 'autolink'])
  })
})

test('a link with no position at all (a tree made by hand) is an autolink when its text is its URL', async () => {
  const {runbookFromMdast} = await import('./parse-runbook.js')
  const link = (url: string, text: string) => ({type: 'link' as const, url, title: null, children: [{type: 'text' as const, value: text}]})
  const runbook = runbookFromMdast(
    {type: 'root', children: [{type: 'paragraph', children: [link('http://x.y', 'x.y'), link('http://x.y', 'http://x.y'), link('mailto:a@b.c', 'a@b.c'), link('http://x.y', 'here')]}]},
    ''
  )
  expect([...JSON.stringify(runbook).matchAll(/"form":"(\w+)"/g)].map((match) => match[1])).toEqual(['autolink', 'autolink', 'autolink', 'inline'])
})
