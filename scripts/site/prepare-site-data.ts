import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import { convertKoladaDirectory, isKoladaDirectory, koladaManifest } from '../../src/data/kolada-directory.ts';
import { loadDirectory } from '../../src/data/load-directory.ts';
import { buildSiteMeta } from '../../src/data/build-site-meta.ts';
import { writeValuePieces } from './write-value-pieces.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';

export const DEFAULT_DATA_DIR = 'data/sample';

export interface SiteData {
  /** directory with the files served under <root>data/ */
  dir: string;
  /** the data directory in the contract (converted when DATA_DIR was a Kolada directory) */
  contractDir: string;
  meta: SiteMeta;
}

/**
 * Build-time data loader: takes DATA_DIR (a contract directory or a Kolada directory), validates it and
 * writes what the site serves (meta.json, the value pieces and their index pieces.json) into a git-ignored cache keyed by the inputs.
 */
export async function prepareSiteData(dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR, cacheRoot = '.cache'): Promise<SiteData> {
  const source = resolve(dataDir);
  const key = fingerprint(source);
  let contractDir = source;
  if (existsSync(source) && isKoladaDirectory(source)) {
    contractDir = resolve(cacheRoot, 'contract', key);
    if (!existsSync(join(contractDir, 'values.csv'))) {
      const tmp = `${contractDir}.tmp-${process.pid}`;
      mkdirSync(tmp, { recursive: true });
      const db = await openNodeDatabase({ searchPath: [source] });
      try {
        await convertKoladaDirectory(db, source, tmp);
      } finally {
        await db.close();
      }
      writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(koladaManifest(source), null, 2));
      rmSync(contractDir, { recursive: true, force: true });
      renameSync(tmp, contractDir);
    }
  }
  const dir = resolve(cacheRoot, 'site-data', key);
  const metaPath = join(dir, 'meta.json');
  // The cache key covers every input file, so a cached directory was validated when it was written.
  if (existsSync(metaPath)) return { dir, contractDir, meta: JSON.parse(readFileSync(metaPath, 'utf8')) as SiteMeta };
  const { db, manifest } = await loadDirectory(contractDir);
  try {
    const meta = await buildSiteMeta(db, manifest);
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    await writeValuePieces(db, tmp);
    writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return { dir, contractDir, meta };
  } finally {
    await db.close();
  }
}

/** The code that shapes the cached output; editing it invalidates the cache. */
const PRODUCERS = ['src/data/load-tables.ts', 'src/data/kolada-directory.ts', 'src/data/build-site-meta.ts', 'src/data/site-meta.ts', 'scripts/site/prepare-site-data.ts'];

/** Changes whenever a file in the directory, or the code that converts and summarises it, changes. */
function fingerprint(dir: string): string {
  const h = createHash('sha256').update(dir);
  for (const p of PRODUCERS) h.update(readFileSync(fileURLToPath(new URL(`../../${p}`, import.meta.url))));
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) {
    const s = statSync(join(dir, f));
    if (s.isFile()) h.update(`${f}:${s.size}:${s.mtimeMs}`);
  }
  return h.digest('hex').slice(0, 16);
}
