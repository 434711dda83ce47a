import {describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {runbookJsonSchema} from './json-schema.js'
import {runbookSchema} from './runbook.js'

describe('runbookJsonSchema', () => {
  test('draft 2020-12, with a named definition for every node type of the contract', () => {
    const schema = runbookJsonSchema() as {$schema: string; $ref: string; $defs: Record<string, unknown>}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$ref).toBe('#/$defs/Runbook')
    const contract = ['Runbook', 'Section', 'Checklist', 'Item', 'Command', 'Table', 'Field', 'Choice', 'Signature', 'Callout', 'Paragraph', 'Blank', 'Link', 'Text', 'Strong', 'Emphasis', 'InlineCode', 'Delete', 'Break']
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(contract))
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })
})

describe('runbookSchema', () => {
  test('accepts what the parser makes and rejects a wrong node type', () => {
    const {runbook} = parseRunbook('# T\n\n## S\n\n- [ ] a\n')
    expect(runbookSchema.safeParse(runbook).success).toBe(true)
    expect(runbookSchema.safeParse({...runbook, type: 'document'}).success).toBe(false)
    expect(runbookSchema.safeParse({...runbook, lang: 'fr'}).success).toBe(false)
    expect(runbookSchema.safeParse({...runbook, source: {path: null, sha256: 'abc'}}).success).toBe(false)
  })
})
