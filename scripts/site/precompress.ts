import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

/** Files worth a brotli twin: the DuckDB wasm (~34 MB, ~5 MB as .br) dwarfs everything else. */
const PRECOMPRESS = /\.wasm$/;

/**
 * Writes `name.br` beside each large static asset so a host can serve it with `Content-Encoding: br`
 * without compressing on the fly (static-server.ts does; see docs/deploy.md for other hosts).
 * Returns the files written with their sizes.
 */
export function precompress(dir: string, quality = 9): { file: string; bytes: number; brBytes: number }[] {
  const out: { file: string; bytes: number; brBytes: number }[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !PRECOMPRESS.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    writeFileSync(file + '.br', br);
    out.push({ file, bytes: statSync(file).size, brBytes: br.length });
  }
  return out;
}
