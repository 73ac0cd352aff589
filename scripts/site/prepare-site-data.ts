import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import { convertKoladaDirectory, isKoladaDirectory, koladaManifest } from '../../src/data/kolada-directory.ts';
import { loadDirectory } from '../../src/data/load-directory.ts';
import { buildSiteMeta } from '../../src/data/build-site-meta.ts';
import { writeValuePieces } from './write-value-pieces.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import { readCatalogue, readSiteMeta, writeSiteFiles } from '../../src/data/site-artifacts.ts';
import { sqlString, type Database } from '../../src/engine/database.ts';
import { T } from '../../src/data/schema.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';

export const DEFAULT_DATA_DIR = 'data/sample';

export interface SiteData {
  /** directory with the files served under <root>data/ */
  dir: string;
  /** the data directory in the contract (converted when DATA_DIR was a Kolada directory) */
  contractDir: string;
  /** the validated tables as a DuckDB file (values sorted by KPI) for prerendering, opened read-only */
  database: string;
  meta: SiteMeta;
}

/** Saves the loaded contract tables so the prerenderer need not load and validate the CSV again. */
async function writeSiteDatabase(db: Database, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  await db.exec(`ATTACH ${sqlString(tmp)} AS site_out`);
  try {
    for (const table of Object.values(T)) {
      const order = table === T.values ? ' ORDER BY kpi, gender, municipality_id, period' : '';
      await db.exec(`CREATE TABLE site_out.${table} AS SELECT * FROM ${table}${order}`);
    }
  } finally {
    await db.exec('DETACH site_out');
  }
  renameSync(tmp, file);
}

/** Native DuckDB on a prepared site database (read-only): the tables the queries expect, loaded at once. */
export async function openSiteDatabase(site: Pick<SiteData, 'database'>): Promise<Database> {
  const db = await openNodeDatabase();
  await db.exec(`ATTACH ${sqlString(site.database)} AS site (READ_ONLY); USE site`);
  return db;
}

/**
 * Build-time data loader: takes DATA_DIR (a contract directory or a Kolada directory), validates it and
 * writes what the site serves (meta.json, the value pieces and their index pieces.json) into a git-ignored cache keyed by the inputs.
 */
export async function prepareSiteData(
  dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR,
  cacheRoot = '.cache',
  log: (s: string) => void = () => {},
): Promise<SiteData> {
  const t0 = Date.now();
  const step = (what: string) => log(`  data: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const source = resolve(dataDir);
  const key = fingerprint(source, PRODUCER_ENTRY);
  let contractDir = source;
  if (existsSync(source) && isKoladaDirectory(source)) {
    contractDir = resolve(cacheRoot, 'contract', fingerprint(source, CONVERTER_ENTRY));
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
      step('Kolada directory converted');
    }
  }
  const dir = resolve(cacheRoot, 'site-data', key);
  const database = resolve(cacheRoot, 'site-db', `${key}.duckdb`);
  const metaPath = join(dir, 'meta.json');
  // The cache key covers every input file, so a cached directory was validated when it was written.
  if (existsSync(metaPath) && existsSync(database)) return { dir, contractDir, database, meta: readSiteMeta(dir) };
  const { db, manifest } = await loadDirectory(contractDir);
  step('loaded and validated');
  try {
    const meta = await buildSiteMeta(db, manifest, contractDir);
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    const index = await writeValuePieces(db, tmp);
    step(`${Object.keys(index.pieces).length} value pieces written`);
    writeSiteFiles(tmp, meta, await readCatalogue(db, contractDir));
    await writeSiteDatabase(db, database);
    step('site database written');
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return { dir, contractDir, database, meta };
  } finally {
    await db.close();
  }
}

/** The code that shapes the cached output: this module and everything it imports, found by walking the import graph. */
const PRODUCER_ENTRY = fileURLToPath(import.meta.url);
/** The Kolada-directory conversion alone (its cache survives edits to the rest of the producer). */
const CONVERTER_ENTRY = fileURLToPath(new URL('../../src/data/kolada-directory.ts', import.meta.url));

/** Changes whenever a file in the directory, or the code (the module graph of `entry`) that turns it into output, changes. */
function fingerprint(dir: string, entry: string): string {
  const h = createHash('sha256').update(dir).update(codeFingerprint(entry));
  if (existsSync(dir))
    for (const f of readdirSync(dir).sort()) {
      const s = statSync(join(dir, f));
      if (s.isFile()) h.update(`${f}:${s.size}:${s.mtimeMs}`);
    }
  return h.digest('hex').slice(0, 16);
}
