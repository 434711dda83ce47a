import {expect, test} from 'vitest'
import {isSafeExternalUrl, isSafeImageUrl, schemeOf} from './safe-url.js'

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
