import {createReadStream, existsSync, realpathSync} from 'node:fs'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {dirname, join, resolve, sep} from 'node:path'
import sirv from 'sirv'
import {normaliseBase} from './paths.js'

export interface StaticServerOptions {
  /** `0` (the default) picks a free port. */
  port?: number
  /** `127.0.0.1` unless told otherwise: the site is for this machine. */
  host?: string
  /** The base path the site was built with, such as `/docs/`; `/` by default. */
  base?: string
}

export interface StaticServer {
  server: Server
  /** `http://127.0.0.1:PORT` */
  origin: string
  close(): Promise<void>
}

/**
 * Serves a built site with sirv: files as they are, folders by their `index.html` (with or without the
 * trailing slash), `base` taken off the path, a missing page answered by the site's `404.html`. Nothing
 * outside `dir` is served, not through `..` nor through a link that leads out of it; only GET and HEAD are
 * answered (405 otherwise); the only redirect is from `/` (or the base without its slash) to the base.
 */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(dir)
  const realRoot = realpathSync(root)
  const base = normaliseBase(options.base)
  const notFound = notFoundPage(root)
  const files = filesOf(root, notFound)
  const server = createServer((request, response) => {
    const path = sitePath(request.url ?? '/')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {allow: 'GET, HEAD'}).end()
    } else if (path === undefined) {
      response.writeHead(400).end()
    } else if (!isInside(realPathOf(join(root, path)), realRoot)) {
      notFound(request, response)
    } else if (base !== '/' && (path === '/' || `${path}/` === base)) {
      response.writeHead(301, {location: encodeURI(base)}).end()
    } else if (!path.startsWith(base)) {
      notFound(request, response)
    } else {
      request.url = sirvUrl(path.slice(base.length - 1))
      files(request, response)
    }
  })
  return listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
}

/**
 * sirv in its `dev` mode looks each file up when it is asked for rather than once at the start, so pages
 * written after the server starts (`runsheet pdf` writes its cover so) are served, with their current
 * size; the ETag lets a browser revalidate (`Cache-Control: no-cache`).
 */
function filesOf(root: string, notFound: Handler): Handler {
  return sirv(root, {dev: true, etag: true, onNoMatch: notFound, setHeaders: pagefindType})
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/** Pagefind's index files have extensions no MIME table knows: sent as bytes, not with an empty type. */
function pagefindType(response: ServerResponse, pathname: string): void {
  if (/\.(?:pagefind|pf_meta|pf_index|pf_fragment)$/.test(pathname)) response.setHeader('Content-Type', 'application/octet-stream')
}

/** The site's own `404.html` when it has one (read on each miss, as the site may be rebuilt), else a line of text. */
function notFoundPage(root: string): Handler {
  const page = join(root, '404.html')
  return (_request, response) => {
    if (existsSync(page)) {
      response.writeHead(404, {'Content-Type': 'text/html; charset=utf-8'})
      createReadStream(page).pipe(response)
    } else {
      response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('Not found\n')
    }
  }
}

/** `path` with every link resolved; for a path that does not exist, its nearest existing ancestor's. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : realPathOf(parent)
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

/** The decoded path of a request target (`/a%20b/?q` → `/a b/`), or undefined when it does not decode. */
function sitePath(target: string): string | undefined {
  const path = target.replace(/[?#].*$/s, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return undefined
  }
}

/**
 * A decoded path as sirv reads it: sirv decodes with `decodeURI`, which keeps `%2B` and its kind encoded,
 * so the path is handed over decoded, with only `%` (and the `?` and `#` that would end the path) escaped.
 */
function sirvUrl(path: string): string {
  return path.replace(/[%?#]/g, (character) => encodeURIComponent(character))
}

async function listen(server: Server, port: number, host: string): Promise<StaticServer> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => done())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    server,
    origin: `http://${shownHost}:${address.port}`,
    // Browsers keep connections open for more pages: stopping drops them rather than wait for them to idle out.
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}
