import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.ts';

const TYPES = new Map(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.csv': 'text/csv; charset=utf-8',
    '.arrow': 'application/vnd.apache.arrow.stream',
    '.wasm': 'application/wasm',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.txt': 'text/plain; charset=utf-8',
  }),
);
const COMPRESSIBLE = /\.(html|js|css|json|csv|arrow|svg|wasm|txt)$/;

/** The Content-Type a host sends for a file of the site (by extension). */
export function contentType(path: string): string {
  return TYPES.get(extname(path)) ?? 'application/octet-stream';
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

type Resolved = { kind: 'file'; path: string; size: number } | { kind: 'directory' } | { kind: 'missing' } | { kind: 'bad' };

/**
 * Maps a request path (below the prefix, still percent-encoded) to a regular file inside `root`.
 * Anything that cannot be decoded, contains NUL, or lands outside the root – by `..`, an encoded
 * separator or a symlink – is `bad` or `missing`, never read.
 */
export function resolveInRoot(root: string, encodedPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { kind: 'bad' };
  }
  if (decoded.includes('\0')) return { kind: 'bad' };
  const candidate = resolve(root, '.' + sep + decoded);
  if (!inside(root, candidate)) return { kind: 'missing' };
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(candidate);
    stats = statSync(real);
  } catch {
    return { kind: 'missing' };
  }
  if (!inside(root, real)) return { kind: 'missing' };
  if (stats.isDirectory()) return { kind: 'directory' };
  return stats.isFile() ? { kind: 'file', path: real, size: stats.size } : { kind: 'missing' };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Names that change with their content (docs/deploy.md, Caching): build assets and value pieces. */
const CONTENT_NAMED = /^(assets\/.*-[A-Za-z0-9_-]{8}\.[a-z0-9.]+|data\/values\/.*\.[0-9a-f]{12}\.arrow)$/;

/** As docs/deploy.md asks of a host: content-named files are kept for a year, everything else is revalidated. */
export function cacheControl(root: string, path: string): string {
  return CONTENT_NAMED.test(relative(root, path).split(sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * A plain static host for dist/ (as any web host would serve it): GET and HEAD only, directories answer
 * with their index.html, unknown paths with 404.html, security headers on every answer, optional
 * gzip/brotli, and the site may live under a prefix.
 */
export async function serveStatic(
  dir: string,
  options: { port?: number; prefix?: string; compress?: boolean } = {},
): Promise<StaticServer> {
  const root = realpathSync(resolve(dir));
  const prefix = options.prefix ?? '/';
  const cache = new Map<string, { gz: Buffer; br: Buffer }>();

  const send = (req: IncomingMessage, res: ServerResponse, status: number, path: string, size: number) => {
    const type = contentType(path);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': cacheControl(root, path),
    };
    // A brotli twin written at build time (precompress.ts) is served as is, as a host would.
    const twin =
      status === 200 && /\bbr\b/.test(accept)
        ? resolveInRoot(
            root,
            relative(root, path + '.br')
              .split(sep)
              .map(encodeURIComponent)
              .join('/'),
          )
        : null;
    if (twin?.kind === 'file') {
      res.writeHead(status, { ...headers, 'content-encoding': 'br', 'content-length': twin.size, vary: 'Accept-Encoding' });
      if (req.method === 'HEAD') res.end();
      else
        createReadStream(twin.path)
          .on('error', () => res.destroy())
          .pipe(res);
      return;
    }
    if (options.compress && COMPRESSIBLE.test(path) && /gzip|br/.test(accept)) {
      // Keyed by size and mtime as well, so a file changed on disk is compressed again.
      const key = `${path}\0${size}\0${statSync(path).mtimeMs}`;
      let c = cache.get(key);
      if (!c) {
        const raw = readFileSync(path);
        c = { gz: gzipSync(raw, { level: 6 }), br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) };
        cache.set(key, c);
      }
      const body = accept.includes('br') ? c.br : c.gz;
      res.writeHead(status, {
        ...headers,
        'content-encoding': accept.includes('br') ? 'br' : 'gzip',
        'content-length': body.length,
        vary: 'Accept-Encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(status, { ...headers, 'content-length': size });
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
  };

  const plain = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra }).end(text);
  };

  /** 404.html (with the given status) so a visitor still gets the site's page and a way back. */
  const notFound = (req: IncomingMessage, res: ServerResponse, status = 404) => {
    const page = resolveInRoot(root, '404.html');
    if (page.kind === 'file') send(req, res, status, page.path, page.size);
    else plain(res, status, 'not found');
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    const target = req.url ?? '/';
    const q = target.search(/[?#]/);
    const pathname = q < 0 ? target : target.slice(0, q);
    const search = q < 0 ? '' : target.slice(q).replace(/#.*$/, '');
    if (!pathname.startsWith(prefix)) {
      plain(res, 404, 'not found');
      return;
    }
    let found = resolveInRoot(root, pathname.slice(prefix.length));
    if (found.kind === 'bad') {
      notFound(req, res, 400);
      return;
    }
    if (found.kind === 'directory') {
      if (!pathname.endsWith('/')) {
        // Collapse repeated slashes so "//host" can never become a protocol-relative redirect.
        res.writeHead(301, { ...SECURITY_HEADERS, location: `${pathname}/`.replace(/\/{2,}/g, '/') + search }).end();
        return;
      }
      found = resolveInRoot(root, join(pathname.slice(prefix.length), 'index.html'));
    }
    if (found.kind === 'file') send(req, res, 200, found.path, found.size);
    else notFound(req, res);
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
