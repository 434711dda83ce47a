import {VFile} from 'vfile'
import {expect, test} from 'vitest'
import {reportLogger} from './report-logger.js'

/** A file with a warning at 3:11 and, when `error` is given, an error at 1:1. */
function fileWith(path: string, warning: string, error?: string): VFile {
  const file = new VFile({path})
  file.message(warning, {place: {line: 3, column: 11}, ruleId: 'unresolved-link', source: 'runsheet'})
  if (error) file.message(error, {place: {line: 1, column: 1}, ruleId: 'id-conflict', source: 'runsheet'}).fatal = true
  return file
}

test('each file is reported once while its messages stay the same, errors as errors, in line order', () => {
  const logged: string[] = []
  const report = reportLogger({warn: (line: string) => void logged.push(`warn ${line}`), error: (line: string) => void logged.push(`error ${line}`)} as never)
  report([fileWith('rb/a.md', 'Cannot find `x.md`', 'Taken')])
  expect(logged).toEqual(['error rb/a.md:1:1  error  Taken  runsheet:id-conflict', 'warn rb/a.md:3:11  warning  Cannot find `x.md`  runsheet:unresolved-link'])
  logged.length = 0
  report([fileWith('rb/a.md', 'Cannot find `x.md`', 'Taken'), fileWith('rb/b.md', 'Cannot find `y.md`')])
  expect(logged).toEqual(['warn rb/b.md:3:11  warning  Cannot find `y.md`  runsheet:unresolved-link'])
  logged.length = 0
  // Changed: reported whole; gone, then back: reported again.
  report([fileWith('rb/a.md', 'Cannot find `z.md`')])
  expect(logged).toEqual(['warn rb/a.md:3:11  warning  Cannot find `z.md`  runsheet:unresolved-link'])
  report([])
  report([fileWith('rb/b.md', 'Cannot find `y.md`')])
  expect(logged).toHaveLength(2)
  expect(logged[1]).toMatch(/^warn rb\/b\.md:3:11 /)
})
