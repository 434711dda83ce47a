import {expect, test} from 'vitest'
import {baseOf, frontEndOf, portOf, urlOf} from './args.js'

test('a URL flag takes an absolute http(s) URL as written, as the integration’s repoUrl does', () => {
  expect(urlOf('--repo-url', 'https://github.com/org/repo/blob/main')).toBe('https://github.com/org/repo/blob/main')
  expect(urlOf('--site', undefined)).toBeUndefined()
  expect(() => urlOf('--repo-url', 'http:a.b')).toThrow("--repo-url takes an absolute http(s) URL, not 'http:a.b'")
  expect(() => urlOf('--site', 'ftp://a.b/')).toThrow("--site takes an absolute http(s) URL, not 'ftp://a.b/'")
})

test('the other flag values are checked as they are read', () => {
  expect(portOf('0', 4321)).toBe(0)
  expect(() => portOf('70000', 4321)).toThrow('--port takes a number from 0 to 65535')
  expect(() => baseOf('https://a.b/')).toThrow('--base takes a path such as /docs/')
  expect(() => frontEndOf('marked')).toThrow('--front-end takes auto, remark, satteri')
})
