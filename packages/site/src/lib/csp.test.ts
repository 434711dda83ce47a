import {parseRunbook} from '@runsheet/parser'
import {expect, test} from 'vitest'
import {cspHashOf, imageSourcesOf, mergedDirectives, siteCsp} from './csp.js'
import {tocScript} from './toc-script.js'

test('a hash is the base64 SHA-256 a browser computes for the element’s text', () => {
  // The example from the CSP specification's hash-source section.
  expect(cspHashOf("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=')
})

test('the site’s policy: its own scripts and the contents script by hash, never inline script', () => {
  const csp = siteCsp({search: true})
  expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"])
  expect(csp.scriptDirective?.hashes).toEqual([cspHashOf(tocScript)])
  expect(csp.directives).toEqual(["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
  expect(JSON.stringify(csp)).not.toContain('unsafe-inline')
  expect(siteCsp({search: false}).scriptDirective?.resources).toEqual(["'self'"])
})

test('a policy the project set keeps its own sources and directives, with what the pages need added, each once', () => {
  const csp = siteCsp(
    {search: true},
    {
      algorithm: 'SHA-384',
      directives: ["img-src 'self' https://cdn.example", "connect-src https://api.example"],
      scriptDirective: {resources: ["'self'", 'https://cdn.example']},
      styleDirective: {resources: ['https://fonts.example']}
    }
  )
  expect(csp.algorithm).toBe('SHA-384')
  expect(csp.directives).toEqual([
    "img-src 'self' https://cdn.example data:",
    "connect-src https://api.example 'self'",
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ])
  expect(csp.scriptDirective?.resources).toEqual(["'self'", 'https://cdn.example', "'wasm-unsafe-eval'"])
  expect(csp.scriptDirective?.hashes).toEqual([cspHashOf(tocScript)])
  expect(csp.styleDirective?.resources).toEqual(['https://fonts.example', "'self'"])
})

test('the project’s own restrictions stand; its default-src is never widened, the pages get directives of their own', () => {
  expect(mergedDirectives(["default-src 'none'", "object-src https://plugins.example", "form-action https://forms.example", "frame-src 'none'"])).toEqual([
    "default-src 'none'",
    'object-src https://plugins.example',
    'form-action https://forms.example',
    "frame-src 'none'",
    "img-src 'self' data:",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self'"
  ])
  // A default that allows the site's origin already covers its fetches and fonts.
  expect(mergedDirectives(["default-src 'self' https://cdn.example"])).toEqual(["default-src 'self' https://cdn.example", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
  // A name in capitals is the same directive, not one to add again.
  // Astro's types say lower case; an astro.config.mjs in JavaScript may not.
  expect(mergedDirectives(["IMG-SRC 'self' data:"] as never[]).filter((directive) => /^img-src/i.test(directive))).toHaveLength(1)
  // A directive allowing nothing that governs what the pages load gets only what they load.
  expect(mergedDirectives(["connect-src 'none'"])).toContain("connect-src 'self'")
  // Already enough: left as the project wrote it.
  expect(mergedDirectives(["img-src data: 'self' https://x.example", "font-src 'self'"])).toContain("img-src data: 'self' https://x.example")
})

test('hashes and resources the project gave as objects are not repeated', () => {
  const hash = cspHashOf(tocScript)
  const csp = siteCsp({search: false}, {algorithm: 'SHA-256', scriptDirective: {resources: [{resource: "'self'", kind: 'default'}], hashes: [hash, {hash, kind: 'element'}]}})
  expect(csp.scriptDirective?.resources).toEqual([{resource: "'self'", kind: 'default'}])
  expect(csp.scriptDirective?.hashes).toEqual([hash, {hash, kind: 'element'}])
})

test('a page allows the origins of the remote images it shows, and nothing for refused ones', () => {
  const markdown = [
    '# Images',
    '',
    '![a](https://a.example/x.png) ![b](https://a.example/y.png "t") ![c](http://b.example:8080/c.png)',
    '![d](javascript:alert(1)) ![e](data:image/png;base64,AAAA) ![f](docs/local.png) ![g](//cdn.example/g.png)',
    '',
    '- [ ] In a step ![h](https://c.example/h.png)',
    '',
    '| cell |',
    '| --- |',
    '| ![i](https://d.example/i.png) |'
  ].join('\n')
  const {runbook} = parseRunbook(markdown, {path: 'images.md'})
  expect(imageSourcesOf(runbook)).toEqual(['http://b.example:8080', 'https://a.example', 'https://c.example', 'https://d.example'])
})
