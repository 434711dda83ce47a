import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, normalize, resolve, sep} from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream'
}

export interface StaticServer {
  server: Server
  /** `http://127.0.0.1:PORT` */
  origin: string
  close(): Promise<void>
}

/**
 * Serves a built site: files as they are, folders by their `index.html`, `base` stripped from the path.
 * Never serves anything outside `dir`.
 */
export async function serveStatic(dir: string, options: {port?: number; host?: string; base?: string} = {}): Promise<StaticServer> {
  const root = resolve(dir)
  const base = options.base ?? '/'
  const server = createServer(async (request, response) => {
    try {
      let pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      if (!pathname.startsWith(base)) {
        if (pathname === '/' && base !== '/') return redirect(response, base)
        return notFound(response, root)
      }
      pathname = `/${pathname.slice(base.length)}`
      const file = normalize(join(root, pathname))
      if (file !== root && !file.startsWith(root + sep)) return notFound(response, root)
      let info = await stat(file).catch(() => undefined)
      let path = file
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) return redirect(response, `${base}${pathname.slice(1)}/`)
        path = join(file, 'index.html')
        info = await stat(path).catch(() => undefined)
      }
      if (!info?.isFile()) return notFound(response, root)
      response.writeHead(200, {
        'content-type': types[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache'
      })
      if (request.method === 'HEAD') return response.end()
      createReadStream(path).pipe(response)
    } catch {
      response.writeHead(400).end()
    }
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    server,
    origin: `http://${host}:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done()))
  }
}

function redirect(response: import('node:http').ServerResponse, location: string): void {
  response.writeHead(301, {location: encodeURI(location)}).end()
}

async function notFound(response: import('node:http').ServerResponse, root: string): Promise<void> {
  const page = join(root, '404.html')
  const info = await stat(page).catch(() => undefined)
  if (info?.isFile()) {
    response.writeHead(404, {'content-type': types['.html']!})
    createReadStream(page).pipe(response)
    return
  }
  response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found\n')
}
