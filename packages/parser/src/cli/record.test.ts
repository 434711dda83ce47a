import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, expect, test} from 'vitest'
import {parseRunbook} from '../parse/parse-runbook.js'
import {emptyRecord} from '../model/record.js'
import {readRunRecord} from './record.js'

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
