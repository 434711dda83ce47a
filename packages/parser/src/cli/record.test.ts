import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {emptyRecord} from '../model/record.js'
import {foreignRecord, readRunRecord} from './record.js'

const dir = mkdtempSync(join(tmpdir(), 'runsheet-record-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const record = emptyRecord(parseRunbook('# 배포\n\n- [ ] 빌드\n').runbook)

test('a run record saved with a byte order mark is read as without one', async () => {
  const path = join(dir, 'bom.json')
  writeFileSync(path, `\uFEFF${JSON.stringify(record)}`)
  expect(await readRunRecord(path)).toEqual(record)
})

test('a file that is not JSON is named so, on one printable line', async () => {
  const path = join(dir, 'broken.json')
  writeFileSync(path, '{"format": \u001b[31m')
  const error = await readRunRecord(path).then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(Error)
  expect((error as Error).message).toMatch(/^the run record '.*broken\.json' is not JSON: Unexpected token '\\u001b'/)
})

describe('foreignRecord', () => {
  const api = parseRunbook('# Deploy API\n\n- [ ] 빌드\n- [ ] 배포\n', {path: 'services/api.md'}).runbook
  const web = parseRunbook('# Deploy WEB\n\n- [ ] 빌드\n- [ ] 배포\n', {path: 'services/web.md'}).runbook
  const made = emptyRecord(api)

  test("a record is this runbook's by its edition, by the path it names, or by its title", () => {
    expect(foreignRecord(made, api, 'services/api.md')).toBeUndefined()
    const edited = parseRunbook('# Deploy API\n\n- [ ] 빌드\n- [ ] 배포\n- [ ] 확인\n').runbook
    expect(foreignRecord(made, edited, '/home/ops/repo/services/api.md')).toBeUndefined()
    expect(foreignRecord(made, edited, 'elsewhere/renamed.md')).toBeUndefined()
    const retitled = parseRunbook('# Deploy the API\n\n- [ ] 빌드\n').runbook
    // Named from inside its own folder, as `runsheet format api.md` run in `services/` names it.
    expect(foreignRecord(made, retitled, relative(process.cwd(), '/srv/site/services/api.md'))).toBeUndefined()
    expect(foreignRecord(made, retitled, '/srv/site/api.md')).toMatch(/^the run record is of another runbook/)
  })

  test("another runbook's record is named, with the runbook it is of", () => {
    expect(foreignRecord(made, web, 'services/web.md')).toBe(
      "the run record is of another runbook ('Deploy API', services/api.md), not of services/web.md ('Deploy WEB'): nothing was applied"
    )
    // A path that only ends like the record's is not the record's file.
    expect(foreignRecord(made, web, 'services/not-api.md')).toMatch(/^the run record is of another runbook/)
  })
})
