import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultKeywords} from '../keywords/index.js'
import {walkWith} from '../model/walk.js'
import {createContext} from '../parse/context.js'
import {parseRunbook} from '../parse/parse-runbook.js'
import {defineRule} from './rule.js'

describe('defineRule', () => {
  const source = '# T\n\n## S\n\n- [ ] a\n'
  const {runbook} = parseRunbook(source)
  const rule = defineRule('demo-rule', (model, {source: text, report}) => ({
    item(node) {
      report(`${node.text} of ${model.title}, ${text.length} characters`, node.position)
    }
  }))

  test('the rule carries its id', () => {
    expect(rule.id).toBe('demo-rule')
  })

  test('its messages are warnings under that id, from `runsheet`, at the place given', () => {
    const file = new VFile({value: source})
    walkWith(runbook, [rule(runbook, createContext(source, file, {}, defaultKeywords))])
    expect(file.messages.map((message) => [message.ruleId, message.source, message.fatal, message.line, message.column, message.reason])).toEqual([
      ['demo-rule', 'runsheet', false, 5, 1, `a of T, ${source.length} characters`]
    ])
  })
})
