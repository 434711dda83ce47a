import {expect, test} from 'vitest'
import {optionProblemsOf, runsheetOptionsSchema} from './options.js'

test('the options the docs and the CLI give are accepted as they are', () => {
  const options = {
    dir: '..',
    prefix: 'docs/runbooks',
    lang: 'ko',
    title: 'Ops',
    repoUrl: 'http://localhost:8080/org/repo/blob/main',
    search: true,
    csp: false,
    searchPagesPerIndex: 500,
    report: (): void => {},
    frontEnd: 'remark',
    exclude: ['/srv/site'],
    cache: '/tmp/cache',
    workersFrom: Number.POSITIVE_INFINITY,
    indexSearch: false,
    keepRenderer: {keep: (): void => {}}
  } as const
  expect(optionProblemsOf(options)).toBeNull()
  expect(runsheetOptionsSchema.parse(options)).toEqual(options)
  expect(optionProblemsOf({dir: 'runbooks', lang: undefined, report: 'silent'})).toBeNull()
})

test('each bad option is named with what it takes, all in one line', () => {
  const problems = optionProblemsOf({
    dir: '..',
    lang: 'fr',
    frontEnd: 'markdown-it',
    report: 'loud',
    repoUrl: 'not a url',
    prefix: 'a b',
    searchPagesPerIndex: 0
  })
  expect(problems).toBe(
    [
      "prefix takes a path such as 'runbooks', not 'a b'",
      "lang takes ko or en, not 'fr'",
      "repoUrl takes an absolute http(s) URL, not 'not a url'",
      'searchPagesPerIndex takes a whole number of at least 1, not 0',
      "report takes 'log', 'silent' or a function, not 'loud'",
      "frontEnd takes auto, remark, satteri, not 'markdown-it'"
    ].join('; ')
  )
})

test('a URL of another scheme, a prefix leaving the base and a misspelt option are refused', () => {
  expect(optionProblemsOf({dir: '.', repoUrl: 'ftp://files.example/x'})).toBe("repoUrl takes an absolute http(s) URL, not 'ftp://files.example/x'")
  expect(optionProblemsOf({dir: '.', repoUrl: 'http:a.b'})).toBe("repoUrl takes an absolute http(s) URL, not 'http:a.b'")
  expect(optionProblemsOf({dir: '.', prefix: '../up'})).toBe("prefix takes a path such as 'runbooks', not '../up'")
  expect(optionProblemsOf({dir: '.', prefix: 'https://x.example'})).toBe("prefix takes a path such as 'runbooks', not 'https://x.example'")
  expect(optionProblemsOf({dir: '.', lnag: 'ko', serach: false})).toBe("unknown options 'lnag', 'serach'")
  expect(optionProblemsOf({dir: '.', searchPagesPerIndex: 1.5, search: 'yes'})).toBe(
    "search takes true or false, not 'yes'; searchPagesPerIndex takes a whole number of at least 1, not 1.5"
  )
})

test('dir is required, and the options are an object', () => {
  expect(optionProblemsOf({title: 'x'})).toBe('dir is required: the folder of runbooks, relative to the project root')
  expect(optionProblemsOf({dir: ''})).toBe("dir takes the folder of runbooks, relative to the project root, not ''")
  expect(optionProblemsOf(undefined)).toBe("the options must be an object such as {dir: 'runbooks'}, not undefined")
})
