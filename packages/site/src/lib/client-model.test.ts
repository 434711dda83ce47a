import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {loadFrontEnd, parseRunbook, toMarkdown} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {clientModel} from './client-model.js'

test('the browser model writes the same markdown as the full model', () => {
  for (const name of ['production-deploy.ko.md', 'incident/database-failover.md']) {
    const text = readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8')
    const {runbook} = parseRunbook(text, {path: name})
    const small = clientModel(runbook)
    expect(toMarkdown(small)).toBe(toMarkdown(runbook))
    expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(runbook).length * 0.7)
  }
})

test('kept positions are written in one key order, whichever front end made them; front matter keeps its own `position`', async () => {
  const text = '---\nposition: on call\n---\n# Deploy\n\n## Steps\n\n- [ ] Build\n\n  ```sh\n  make\n  ```\n'
  const remark = parseRunbook(text)
  const satteri = parseRunbook(text, {frontEnd: await loadFrontEnd('satteri')})
  // satteri's points list `offset` first: the full models are not the same text, the browser's are.
  expect(JSON.stringify(satteri.runbook)).not.toBe(JSON.stringify(remark.runbook))
  expect(JSON.stringify(clientModel(satteri.runbook))).toBe(JSON.stringify(clientModel(remark.runbook)))
  expect(JSON.stringify(clientModel(remark.runbook))).toContain('"position":{"start":{"line":')
  expect(clientModel(remark.runbook).frontmatter).toEqual({position: 'on call'})
})
