import {expect, test} from 'vitest'
import {isAbsoluteHttpUrl, isSafeExternalUrl, isSafeImageUrl, schemeOf} from './safe-url.js'

test('web, mail and phone URLs are allowed', () => {
  for (const url of ['https://a.example/x', 'http://a.example', 'mailto:ops@example.com', 'tel:+82-2-0000', '//cdn.example/x']) {
    expect(isSafeExternalUrl(url), url).toBe(true)
  }
})

test('script, data and disguised schemes are refused', () => {
  for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0000javascript:x', 'data:text/html,<script>', 'vbscript:msgbox', 'file:///etc/passwd']) {
    expect(isSafeExternalUrl(url), JSON.stringify(url)).toBe(false)
  }
})

test('schemeOf reads the scheme as a browser would', () => {
  expect(schemeOf('java\tscript:x')).toBe('javascript:')
  expect(schemeOf('docs/a.md')).toBeNull()
})

test('images load only over http(s)', () => {
  expect(isSafeImageUrl('https://a.example/i.png')).toBe(true)
  expect(isSafeImageUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBe(false)
  expect(isSafeImageUrl('javascript:alert(1)')).toBe(false)
})

test('a setting’s URL is absolute http(s) as written, the CLI’s and the integration’s alike', () => {
  for (const url of ['https://github.com/org/repo/blob/main', 'HTTP://A.B', 'http://localhost:8080/x', 'http://[::1]/']) expect(isAbsoluteHttpUrl(url), url).toBe(true)
  // `new URL` reads the first two as http://a.b/; written so, a path appended to them is no such URL.
  for (const url of ['http:a.b', 'http:/a.b', 'ftp://a.b/', '//a.b/', 'https://', 'not a url', 'http://a b/']) expect(isAbsoluteHttpUrl(url), url).toBe(false)
})
