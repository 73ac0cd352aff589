import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFileSync } from 'node:fs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /\.(html|js|css|json|csv|svg|wasm|txt)$/;

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * A plain static host for dist/ (as any web host would serve it): directories answer with their
 * index.html, unknown paths with 404.html, optional gzip/brotli, and the site may live under a prefix.
 */
export async function serveStatic(dir: string, options: { port?: number; prefix?: string; compress?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = options.prefix ?? '/';
  const cache = new Map<string, { gz: Buffer; br: Buffer }>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    let status = 200;
    if (!existsSync(path)) {
      status = 404;
      path = join(root, '404.html');
      if (!existsSync(path)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const accept = String(req.headers['accept-encoding'] ?? '');
    // A brotli twin written at build time (precompress.ts) is served as is, as a host would.
    if (status === 200 && /\bbr\b/.test(accept) && existsSync(path + '.br')) {
      res.writeHead(status, { 'content-type': type, 'content-encoding': 'br', 'content-length': statSync(path + '.br').size, 'cache-control': 'no-cache', vary: 'accept-encoding' });
      createReadStream(path + '.br').pipe(res);
      return;
    }
    if (options.compress && COMPRESSIBLE.test(path) && /gzip|br/.test(accept)) {
      let c = cache.get(path);
      if (!c) {
        const raw = readFileSync(path);
        c = { gz: gzipSync(raw, { level: 6 }), br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) };
        cache.set(path, c);
      }
      const br = accept.includes('br');
      res.writeHead(status, { 'content-type': type, 'content-encoding': br ? 'br' : 'gzip', 'content-length': (br ? c.br : c.gz).length, 'cache-control': 'no-cache' });
      res.end(br ? c.br : c.gz);
      return;
    }
    res.writeHead(status, { 'content-type': type, 'content-length': statSync(path).size, 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
