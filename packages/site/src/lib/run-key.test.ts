import {expect, test} from 'vitest'
import {runKeyOf} from './run-key.js'

test('runs of one path in two sites of one origin are kept apart; a site at its base keeps the key it had', () => {
  const entry = {path: 'deploy.md'}
  expect(runKeyOf({root: '/docs/site/'}, entry)).not.toBe(runKeyOf({root: '/docs/runbooks/'}, entry))
  expect(runKeyOf({root: '/docs/'}, entry)).toBe('runsheet:run:/docs/deploy.md')
})
