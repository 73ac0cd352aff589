import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { precompress } from '../../../scripts/site/precompress.ts';
import { serveStatic, type StaticServer } from '../../../scripts/site/static-server.ts';

let server: StaticServer | undefined;
afterAll(() => server?.close());

describe('precompressed wasm', () => {
  it('writes a brotli twin at build time and the static server sends it as Content-Encoding: br', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const raw = Buffer.from('\0asm' + 'x'.repeat(50_000));
    writeFileSync(join(dir, 'assets', 'engine.wasm'), raw);
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const written = precompress(dir, 5);
    expect(written.map((w) => w.file)).toEqual([join(dir, 'assets', 'engine.wasm')]);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'engine.wasm.br')))).toEqual(raw);

    server = await serveStatic(dir);
    const br = await fetch(`${server.url}assets/engine.wasm`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('application/wasm');
    expect(Buffer.from(await br.arrayBuffer())).toEqual(raw); // fetch decodes br
    const plain = await fetch(`${server.url}assets/engine.wasm`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(raw.length);
  });
});
