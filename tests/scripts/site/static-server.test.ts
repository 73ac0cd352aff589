import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serveStatic, type StaticServer } from '../../../scripts/site/static-server.ts';

/**
 * The preview server (npm run preview, e2e, bench) against hostile requests. The site lives in
 * <tmp>/dist; beside it are files that must never be served: <tmp>/dist.env, <tmp>/dist-secret/,
 * and symlinks inside dist pointing out of it.
 */
const SECRET = 'SECRET-CONTENT-DO-NOT-SERVE';
let base: string;
let dist: string;
let root: StaticServer;
let sub: StaticServer;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it). */
function raw(server: StaticServer, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'jamfor-static-'));
  dist = join(base, 'dist');
  mkdirSync(join(dist, 'kommun', '1286'), { recursive: true });
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>start</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>Sidan finns inte</title>');
  writeFileSync(join(dist, 'kommun', '1286', 'index.html'), '<!doctype html><title>Ystad</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app");'.repeat(100));
  writeFileSync(join(dist, 'assets', 'index-DefDI9PN.js'), 'hashed();');
  mkdirSync(join(dist, 'data', 'values'), { recursive: true });
  writeFileSync(join(dist, 'data', 'values', 'U31462.93a1cc26294d.arrow'), 'piece');
  writeFileSync(join(dist, 'data', 'pieces.json'), '{}');
  writeFileSync(join(dist, 'package.json'), '{"inside": true}');
  writeFileSync(join(base, 'dist.env'), SECRET);
  writeFileSync(join(base, 'package.json'), SECRET);
  mkdirSync(join(base, 'dist-secret'));
  writeFileSync(join(base, 'dist-secret', 'secret.txt'), SECRET);
  symlinkSync(join(base, 'dist.env'), join(dist, 'link-to-file.txt'));
  symlinkSync(join(base, 'dist-secret'), join(dist, 'link-to-dir'));
  symlinkSync(join(dist, 'index.html'), join(dist, 'inner-link.html'));
  root = await serveStatic(dist, { compress: true });
  sub = await serveStatic(dist, { prefix: '/nyckeltal/', compress: true });
});

afterAll(async () => {
  await root?.close();
  await sub?.close();
  rmSync(base, { recursive: true, force: true });
});

const TRAVERSALS = [
  '/..%2fdist.env',
  '/..%2Fdist.env',
  '/%2e%2e%2fdist.env',
  '/%2e%2e/dist.env',
  '/..%5cdist.env',
  '/..%2fdist-secret/secret.txt',
  '/..%2fdist-secret%2fsecret.txt',
  '/kommun/..%2f..%2f..%2fdist.env',
  '/%2e%2e%2f%2e%2e%2fdist.env',
  '/..%252fdist.env',
  '/../dist.env',
  '/../../dist.env',
  '/./../dist.env',
  '/%c0%ae%c0%ae/package.json',
  '/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae/package.json',
  '/..%c0%afdist.env',
  '/..%00/dist.env',
  '/dist.env%00.html',
  '/link-to-file.txt',
  '/link-to-dir/secret.txt',
  '/link-to-dir/',
  '//..%2fdist.env',
  '/..%2f..%2f..%2f..%2fetc/passwd',
];

describe('never serves a file outside the root', () => {
  it.each(TRAVERSALS)('%s', async (path) => {
    for (const server of [root, sub]) {
      const p = server === sub ? '/nyckeltal' + path : path;
      const a = await raw(server, p);
      expect(a.body.toString('latin1')).not.toContain(SECRET);
      expect(a.status, p).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
    }
    // Still alive after every one of them.
    expect((await raw(root, '/')).status).toBe(200);
  });

  it('serves a symlink that stays inside the root', async () => {
    const a = await raw(root, '/inner-link.html');
    expect(a.status).toBe(200);
    expect(gunzipOr(a)).toContain('start');
  });
});

describe('bad escapes answer 400 with 404.html and the server keeps running', () => {
  it.each(['/%', '/%c0%ae%c0%ae/package.json', '/%E0%A4%A', '/kommun/%E0%A4%A/', '/%ZZ', '/%%', '/%ff', '/%ed%a0%80', '/a%'])(
    '%s',
    async (path) => {
      const a = await raw(root, path);
      expect(a.status).toBe(400);
      expect(a.body.toString('latin1')).not.toContain(SECRET);
      expect(a.body.toString()).toContain('Sidan finns inte');
      expect((await raw(root, '/kommun/1286/')).status).toBe(200);
      expect((await raw(sub, '/nyckeltal' + path)).status).toBeGreaterThanOrEqual(400);
      expect((await raw(sub, '/nyckeltal/')).status).toBe(200);
    },
  );
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'])('%s is refused with 405', async (method) => {
    const a = await raw(root, '/index.html', method);
    expect(a.status).toBe(405);
    expect(a.headers.allow).toBe('GET, HEAD');
    expect(a.body.toString()).not.toContain('start');
  });

  it('HEAD answers the headers of GET without a body', async () => {
    const get = await raw(root, '/kommun/1286/', 'GET');
    const head = await raw(root, '/kommun/1286/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.body.length).toBe(0);
  });
});

describe('headers', () => {
  const meta = readFileSync('index.html', 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];

  it.each(['/', '/kommun/1286/', '/assets/app.js', '/finns-inte/', '/%', '/..%2fdist.env'])(
    "%s carries CSP (the pages' policy + frame-ancestors), nosniff and a referrer policy",
    async (path) => {
      const a = await raw(root, path, 'GET', { 'accept-encoding': 'gzip' });
      const csp = String(a.headers['content-security-policy']);
      expect(csp.startsWith(meta)).toBe(true);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
    },
  );
});

describe('keeps what the e2e setup and the bench rely on', () => {
  it('compresses, redirects directories to a slash, answers unknown paths with 404.html', async () => {
    const gz = await raw(root, '/assets/app.js', 'GET', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('console.log');
    expect((await raw(root, '/assets/app.js', 'GET', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
    const plain = await raw(root, '/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const dir = await raw(root, '/kommun/1286?x=1');
    expect(dir.status).toBe(301);
    expect(dir.headers.location).toBe('/kommun/1286/?x=1');
    const missing = await raw(root, '/kommun/9999/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Sidan finns inte');
  });

  it('compresses a file again once it changed on disk (a restored file is not served from the old cache)', async () => {
    const file = join(dist, 'assets', 'changing.js');
    writeFileSync(file, 'first();'.repeat(50));
    const a = await raw(root, '/assets/changing.js', 'GET', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(a.body).toString()).toContain('first()');
    writeFileSync(file, 'second();'.repeat(60));
    const b = await raw(root, '/assets/changing.js', 'GET', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(b.body).toString()).toBe('second();'.repeat(60));
  });

  it('keeps content-named files for a year and has everything else revalidated, as docs/deploy.md asks of a host', async () => {
    const cacheOf = async (path: string) => (await raw(root, path, 'GET', { 'accept-encoding': 'gzip' })).headers['cache-control'];
    const year = 'public, max-age=31536000, immutable';
    expect(await cacheOf('/assets/index-DefDI9PN.js')).toBe(year);
    expect(await cacheOf('/data/values/U31462.93a1cc26294d.arrow')).toBe(year);
    for (const path of ['/assets/app.js', '/data/pieces.json', '/kommun/1286/', '/', '/finns-inte/'])
      expect(await cacheOf(path), path).toBe('no-cache');
  });

  it('never redirects to another host (//host)', async () => {
    const a = await raw(root, '//kommun');
    if (a.status === 301) expect(String(a.headers.location).startsWith('//')).toBe(false);
  });

  it('serves under a prefix and nothing outside it', async () => {
    expect((await raw(sub, '/nyckeltal/kommun/1286/')).body.toString()).toContain('Ystad');
    expect((await raw(sub, '/kommun/1286/')).status).toBe(404);
    expect((await raw(sub, '/nyckeltal/x/')).body.toString()).toContain('Sidan finns inte');
  });
});

function gunzipOr(a: Answer): string {
  return a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body).toString() : a.body.toString();
}
