import {join} from 'node:path'
import {expect, test} from 'vitest'
import {shownPath} from './shown-path.js'

test('a path inside the working folder is shown from it, one outside it whole', () => {
  expect(shownPath(process.cwd())).toBe('.')
  expect(shownPath(join(process.cwd(), 'ops', 'deploy.md'))).toBe('ops/deploy.md')
  expect(shownPath('/elsewhere/deploy.md')).toBe('/elsewhere/deploy.md')
})
