import { prepareSiteData, type SiteData } from '../../scripts/site/prepare-site-data.ts';
import { loadDirectory } from '../../src/data/load-directory.ts';
import type { Database } from '../../src/engine/database.ts';
import { koladaDir } from './kolada-dir.ts';

/** The real Kolada directory converted and loaded into native DuckDB, as the build does it. */
export async function openRealData(): Promise<{ db: Database; site: SiteData }> {
  const site = await prepareSiteData(koladaDir());
  const { db } = await loadDirectory(site.contractDir);
  return { db, site };
}
