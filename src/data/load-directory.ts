import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeDatabase } from '../engine/node-database.ts';
import type { Database } from '../engine/database.ts';
import { CONTRACT_FILES, type Manifest } from './contract.ts';
import { DataDirectoryError, loadContractTables } from './load-tables.ts';

export const DEFAULT_MANIFEST: Manifest = { name: 'Okänd källa', sample: false, retrieved: null, source: '', licence: '' };

/** Opens native DuckDB with a contract directory loaded and validated (throws DataDirectoryError). */
export async function loadDirectory(dir: string): Promise<{ db: Database; manifest: Manifest }> {
  if (!existsSync(dir)) throw new DataDirectoryError([{ file: dir, line: null, reason: 'katalogen finns inte' }]);
  const db = await openNodeDatabase({ searchPath: [dir] });
  try {
    await loadContractTables(db, new Set(readdirSync(dir)));
    return { db, manifest: readManifest(dir) };
  } catch (e) {
    await db.close();
    throw e;
  }
}

export function readManifest(dir: string): Manifest {
  const path = join(dir, CONTRACT_FILES.manifest);
  if (!existsSync(path)) return DEFAULT_MANIFEST;
  try {
    return { ...DEFAULT_MANIFEST, ...JSON.parse(readFileSync(path, 'utf8')) };
  } catch (e) {
    throw new DataDirectoryError([{ file: CONTRACT_FILES.manifest, line: null, reason: `ogiltig JSON: ${(e as Error).message}` }]);
  }
}
