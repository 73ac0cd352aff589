import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { USER_VALUES } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';

export interface ImportedPeriodsRequest {
  kpi: string;
  /** the kommun and its group's members: every series a panel draws or averages */
  municipalityIds: readonly string[];
  gender: Gender;
}

/** The periods in which these kommuner's values of a KPI come from one imported set (not from the base data). */
export interface ImportedPeriods {
  setId: string;
  periods: string[];
}

/**
 * Which of these kommuners' values for a KPI came from an import ("egna data") rather than the base data,
 * by set: only rows that were applied (a key the base data already had keeps the base value). Empty
 * before anything was imported.
 */
export async function queryImportedPeriods(db: Database, r: ImportedPeriodsRequest): Promise<ImportedPeriods[]> {
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${USER_VALUES}'`);
  if (!Number(n) || !r.municipalityIds.length) return [];
  const ids = inList(r.municipalityIds);
  // Text, not a list: both engines hand a VARCHAR back the same way (periods never hold a comma).
  const rows = await db.query<{ set_id: string; periods: string }>(
    `SELECT set_id, string_agg(DISTINCT period, ',' ORDER BY period) AS periods FROM ${USER_VALUES}
     WHERE applied AND kpi = ? AND gender = ? AND municipality_id IN ${ids.sql} GROUP BY set_id ORDER BY set_id`,
    [r.kpi, r.gender, ...ids.params],
  );
  return rows.map((x) => ({ setId: String(x.set_id), periods: String(x.periods).split(',') }));
}
