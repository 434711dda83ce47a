import {expect, test} from 'vitest'
import {scriptJson} from './json.js'

test('embedded JSON cannot close its script element or open a comment', () => {
  const value = {text: '</script><script>alert(1)</script><!-- & \u2028\u2029'}
  const json = scriptJson(value)
  expect(json).not.toMatch(/[<>&\u2028\u2029]/)
  expect(JSON.parse(json)).toEqual(value)
})
