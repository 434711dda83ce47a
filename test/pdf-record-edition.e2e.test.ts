/**
 * `runsheet pdf --record` with a record made on an older edition of the runbook: the page matches it by the
 * parser's rule, as `format --record` does, so the renamed section's steps are printed ticked, the lost
 * step is named on stderr, and no tick lands on another step.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {emptyRecord, parseRunbook, recordTargetsOf} from '@runsheet/parser'
import {afterAll, expect, test} from 'vitest'
import {pageTexts} from './print-helpers.js'
import {runsheet, tempDir} from './site-helpers.js'

const dir = tempDir('runsheet-pdf-edition-')

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

test('an older edition’s record: kept where sure, the rest named on stderr, nothing on another step', async () => {
  const older = parseRunbook('# Ops\n\n## Web\n\n- [ ] Drain traffic\n- [ ] Check logs\n- [ ] Restart\n- [ ] Verify\n', {path: 'ops.md'}).runbook
  const record = emptyRecord(older)
  const ticks = {'Drain traffic': '14:10', 'Check logs': '14:11', Restart: '14:12'} as Record<string, string>
  for (const target of recordTargetsOf(older).items) {
    const time = ticks[target.text]
    if (time) record.items[target.id] = {value: true, at: `2025-08-21T${time}:00+09:00`, text: target.text, key: target.key}
  }
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record))
  // The section renamed, Check logs gone, a second Restart inserted where Check logs was.
  mkdirSync(join(dir, 'in'))
  writeFileSync(join(dir, 'in', 'ops.md'), '# Ops\n\n## Web servers\n\n- [ ] Drain traffic\n- [ ] Restart\n- [ ] Restart\n- [ ] Verify\n')
  const result = await runsheet(['pdf', join(dir, 'in', 'ops.md'), '--out', join(dir, 'run.pdf'), '--record', join(dir, 'run.json')])
  expect(result.code, result.stderr).toBe(0)
  const warnings = result.stderr.trim().split('\n')
  expect(warnings[0]).toMatch(/^runsheet: warning: the record was made against another edition of ops\.md/)
  // Restart repeats now, and neither copy sits between Check logs and Verify: both are left out with Check logs.
  expect(warnings.slice(1).map((line) => /left out the step “([^”]*)”/.exec(line)?.[1])).toEqual(['Check logs', 'Restart'])
  const text = pageTexts(join(dir, 'run.pdf')).join('\n')
  expect(text.match(/Ticked 21 Aug, \d\d:\d\d/g)).toEqual(['Ticked 21 Aug, 14:10'])
}, 180_000)
