import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseRunbook, toMarkdown} from '@runsheet/parser'
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
