import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {z} from 'zod'
import {parseRunbook} from '../parse/parse-runbook.js'
import {itemsOf} from '../model/walk.js'
import {examplesFolder, read} from '../test-util/files.js'
import {isPosition} from './position-check.js'
import {positionSchema} from './position.js'
import {runbookSchema} from './runbook.js'
import {validatorOf} from './validator.js'

// As the parser makes it: positions checked by their hand-written shortcut.
const conforms = validatorOf(runbookSchema, new Map([[positionSchema, isPosition]]))
const compiledOnly = validatorOf(runbookSchema)
const model = parseRunbook(read(join(examplesFolder, 'production-deploy.ko.md'))).runbook

const item = (m: any): any => itemsOf(m)[0]
const section = (m: any): any => m.children.find((block: any) => block.type === 'section')

/** Every object or array in the model, with each of its keys: the places a mutation can go. */
function placesOf(value: unknown, out: Array<[holder: Record<string, unknown>, key: string]> = []) {
  if (typeof value !== 'object' || value === null) return out
  for (const key of Object.keys(value)) {
    out.push([value as Record<string, unknown>, key])
    placesOf((value as Record<string, unknown>)[key], out)
  }
  return out
}

describe('validatorOf', () => {
  test('a parsed model conforms', () => {
    expect(conforms(model)).toBe(true)
  })

  test.each([
    ['a tick that is not a boolean', (m: any) => (item(m).checked = 'yes')],
    ['a line number below 1, deep in a position', (m: any) => (item(m).content[0].position.start.line = 0)],
    ['a node type no union knows', (m: any) => (item(m).content[0].type = 'sparkle')],
    ['a missing required field', (m: any) => delete section(m).titleText],
    ['a section kind outside the enum', (m: any) => (section(m).kind = 'misc')],
    ['a children list that is not an array', (m: any) => (section(m).children = {})],
    ['a malformed hash', (m: any) => (m.source.sha256 = 'abc')],
    ['a date that is not ISO', (m: any) => (m.updated = '21.08.2025')]
  ])('rejects %s, as zod does', (_, mutate) => {
    const broken = structuredClone(model)
    mutate(broken)
    expect(runbookSchema.safeParse(broken).success).toBe(false)
    expect(conforms(broken)).toBe(false)
    expect(compiledOnly(broken)).toBe(false)
  })

  test('accepts keys the schema does not know, as zod does (they are stripped there)', () => {
    const extended = structuredClone(model) as any
    section(extended).note = 'mine'
    expect(runbookSchema.safeParse(extended).success).toBe(true)
    expect(conforms(extended)).toBe(true)
  })

  test('agrees with zod on any value put anywhere in the model', () => {
    const count = placesOf(model).length
    fc.assert(
      fc.property(fc.nat({max: count - 1}), fc.anything(), (index, value) => {
        const copy = structuredClone(model)
        const [holder, key] = placesOf(copy)[index]!
        holder[key] = value
        const expected = runbookSchema.safeParse(copy).success
        expect(conforms(copy)).toBe(expected)
        expect(compiledOnly(copy)).toBe(expected)
      }),
      {numRuns: 300}
    )
  })

  test('works on any zod schema: recursion through getters, optional and nullable edges', () => {
    interface Tree {
      name: string
      kids: Tree[]
      next?: Tree | null
    }
    const tree: z.ZodType<Tree> = z.object({
      name: z.string().min(1),
      get kids() {
        return z.array(tree)
      },
      get next() {
        return tree.nullable().optional()
      }
    })
    const check = validatorOf(tree)
    const valid: Tree = {name: 'a', kids: [{name: 'b', kids: []}], next: {name: 'c', kids: [], next: null}}
    expect(check(valid)).toBe(true)
    expect(check({...valid, kids: [{name: '', kids: []}]})).toBe(false)
    expect(check({...valid, next: {name: 'c', kids: 'none'}})).toBe(false)
    expect(check('tree')).toBe(false)
  })
})
