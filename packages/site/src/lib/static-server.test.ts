import {mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {serveStatic, type StaticServer} from './static-server.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends `target` as written: no client in between resolves `..` or re-encodes it. */
function send(server: StaticServer, target: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const sent = request(`${server.origin}/`, {method, path: target, headers}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => done({status: response.statusCode ?? 0, headers: response.headers, body}))
    })
    sent.on('error', fail)
    sent.end()
  })
}

const made: string[] = []
/** A built site in a temp folder, beside a secret that must never be served. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'runsheet-serve-'))
  made.push(dir)
  writeFileSync(join(dir, 'secret.txt'), 'secret')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'site', path, '..'), {recursive: true})
    writeFileSync(join(dir, 'site', path), text)
  }
  return join(dir, 'site')
}

const pages = {
  'index.html': '<h1>Home</h1>',
  'guide/index.html': '<h1>Guide</h1>',
  'guide.ko/index.html': '<h1>안내</h1>',
  '배포 절차/index.html': '<h1>배포</h1>',
  'a+b&c/index.html': '<h1>A plus B</h1>',
  '100%/index.html': '<h1>Percent</h1>',
  '_astro/page.css': 'h1{}',
  '_astro/page.js': 'export {}',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/wasm.en.pagefind': 'bytes',
  'pagefind/index/en_1.pf_index': 'bytes',
  '404.html': '<h1>No such page</h1>'
}

describe('a site at the root', () => {
  let dir: string
  let server: StaticServer
  beforeAll(async () => {
    dir = site(pages)
    server = await serveStatic(dir)
  })
  afterAll(async () => {
    await server.close()
  })

  test('listens on 127.0.0.1 by default, on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('files as they are, folders by their index.html, with their types', async () => {
    expect(await send(server, '/')).toMatchObject({status: 200, body: '<h1>Home</h1>'})
    const guide = await send(server, '/guide/')
    expect(guide).toMatchObject({status: 200, body: '<h1>Guide</h1>'})
    expect(guide.headers['content-type']).toBe('text/html;charset=utf-8')
    expect(guide.headers['cache-control']).toBe('no-cache')
    expect((await send(server, '/guide.ko/')).body).toBe('<h1>안내</h1>')
    expect((await send(server, '/_astro/page.css')).headers['content-type']).toBe('text/css')
    expect((await send(server, '/_astro/page.js')).headers['content-type']).toBe('text/javascript')
    expect((await send(server, '/pagefind/wasm.en.pagefind')).headers['content-type']).toBe('application/octet-stream')
    expect((await send(server, '/pagefind/index/en_1.pf_index')).headers['content-type']).toBe('application/octet-stream')
  })

  test('a folder asked for without its slash is served, not redirected', async () => {
    expect(await send(server, '/guide')).toMatchObject({status: 200, body: '<h1>Guide</h1>'})
  })

  test('percent-encoded paths are decoded once, whatever characters the page names hold', async () => {
    expect((await send(server, `/${encodeURIComponent('배포 절차')}/`)).body).toBe('<h1>배포</h1>')
    expect((await send(server, `/${encodeURIComponent('a+b&c')}/`)).body).toBe('<h1>A plus B</h1>')
    expect((await send(server, '/a+b&c/?q=1')).body).toBe('<h1>A plus B</h1>')
    expect((await send(server, '/100%25/')).body).toBe('<h1>Percent</h1>')
    expect((await send(server, '/%E0%A4%A/')).status).toBe(400)
  })

  test("a missing page gets the site's 404 page", async () => {
    const missing = await send(server, '/no/such/page/')
    expect(missing).toMatchObject({status: 404, body: '<h1>No such page</h1>'})
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8')
  })

  test('HEAD gives the headers without the body', async () => {
    const head = await send(server, '/guide/', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe(String('<h1>Guide</h1>'.length))
    expect(head.body).toBe('')
  })

  test('a browser revalidates with the ETag', async () => {
    const first = await send(server, '/guide/')
    const again = await send(server, '/guide/', 'GET', {'if-none-match': String(first.headers.etag)})
    expect(again.status).toBe(304)
  })

  test('pages written after the start are served as they are now', async () => {
    // Replaced whole, as a build replaces a page: a file rewritten in place while it is still being read
    // would be read on past the length already sent.
    const write = (text: string) => {
      writeFileSync(join(dir, 'late.tmp'), text)
      renameSync(join(dir, 'late.tmp'), join(dir, 'late.html'))
    }
    write('first')
    expect((await send(server, '/late.html')).body).toBe('first')
    write('second, longer')
    const second = await send(server, '/late.html')
    expect(second.body).toBe('second, longer')
    expect(second.headers['content-length']).toBe('14')
  })

  test('nothing outside the folder is served, however the path is written', async () => {
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%2Fsecret.txt', '/guide/../../secret.txt', '/..\\secret.txt']) {
      const answer = await send(server, target)
      expect(answer.status, target).toBeGreaterThanOrEqual(400)
      expect(answer.body, target).not.toContain('secret')
    }
  })

  test('a link inside the folder that leads out of it is not followed', async () => {
    symlinkSync(join(dir, '..', 'secret.txt'), join(dir, 'leak.txt'))
    symlinkSync(join(dir, '..'), join(dir, 'up'))
    symlinkSync(join(dir, 'guide'), join(dir, 'alias'))
    for (const target of ['/leak.txt', '/up/secret.txt', '/up/']) {
      const answer = await send(server, target)
      expect(answer.status, target).toBe(404)
      expect(answer.body, target).not.toContain('secret')
    }
    // A link that stays inside the site is served.
    expect((await send(server, '/alias/')).body).toBe('<h1>Guide</h1>')
  })

  test('only GET and HEAD are answered', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send(server, '/guide/', method)
      expect(answer.status, method).toBe(405)
      expect(answer.headers.allow, method).toBe('GET, HEAD')
      expect(answer.body, method).toBe('')
    }
  })

  test('no path redirects to another site', async () => {
    for (const target of ['//evil.example/', '//evil.example', '/%2F%2Fevil.example/', '/\\evil.example/', '/%5Cevil.example']) {
      const answer = await send(server, target)
      expect(answer.headers.location, target).toBeUndefined()
      expect(answer.status, target).toBe(404)
    }
  })
})

describe('a site built under a base path', () => {
  let server: StaticServer
  beforeAll(async () => {
    server = await serveStatic(site(pages), {base: '/ops/runbooks/'})
  })
  afterAll(async () => {
    await server.close()
  })

  test('pages are served under the base, and only there', async () => {
    expect(await send(server, '/ops/runbooks/')).toMatchObject({status: 200, body: '<h1>Home</h1>'})
    expect(await send(server, '/ops/runbooks/guide/')).toMatchObject({status: 200, body: '<h1>Guide</h1>'})
    expect(await send(server, '/guide/')).toMatchObject({status: 404, body: '<h1>No such page</h1>'})
    expect((await send(server, '/ops/runbooks/../runbooks/guide/')).status).toBe(404)
  })

  test('the root and the base without its slash redirect to the base, and nothing else redirects', async () => {
    for (const target of ['/', '/ops/runbooks', '/?next=//evil.example']) {
      const answer = await send(server, target)
      expect(answer.status, target).toBe(301)
      expect(answer.headers.location, target).toBe('/ops/runbooks/')
    }
    for (const target of ['/ops/runbooks//evil.example', '/ops/runbooks/%2F%2Fevil.example/', '/ops/runbooks/guide']) {
      expect((await send(server, target)).headers.location, target).toBeUndefined()
    }
  })
})

test('without a 404 page, a missing page is a line of text', async () => {
  const server = await serveStatic(site({'index.html': 'home'}))
  try {
    expect(await send(server, '/missing/')).toMatchObject({status: 404, body: 'Not found\n'})
  } finally {
    await server.close()
  }
})

test('listens where it is told', async () => {
  const server = await serveStatic(site({'index.html': 'home'}), {host: 'localhost', port: 0})
  try {
    expect(server.origin).toMatch(/^http:\/\/(?:127\.0\.0\.1|\[::1\]):\d+$/)
    expect((await send(server, '/')).body).toBe('home')
  } finally {
    await server.close()
  }
})

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})
