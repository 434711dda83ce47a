import {expect, test} from 'vitest'
import {UsageError} from '@runsheet/parser/cli-kit'
import {chromiumPath, requireChromium} from './chromium.js'

test("Debian's Chromium unless CHROMIUM_PATH names another", () => {
  expect(chromiumPath({})).toBe('/usr/bin/chromium')
  expect(chromiumPath({CHROMIUM_PATH: '/opt/chromium/chrome'})).toBe('/opt/chromium/chrome')
})

test('a missing browser is one line naming the package, exit 1', () => {
  let error: unknown
  try {
    requireChromium({CHROMIUM_PATH: '/nonexistent/chromium'})
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(UsageError)
  expect((error as UsageError).exitCode).toBe(1)
  expect((error as UsageError).message).toBe(
    "no Chromium at /nonexistent/chromium: install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH to a Chromium binary)"
  )
})
