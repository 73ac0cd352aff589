import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../engine/database.ts';
import { sqlString } from '../engine/database.ts';
import type { Manifest } from './contract.ts';

/** Files that mark a directory laid out like shared/data/kolada (the values may be gzipped). */
export const KOLADA_LAYOUT_FILES = ['values_long.csv', 'municipalities.csv', 'liknande_kommuner_ekonomiskt_bistand.csv'];

/** The long values file of a Kolada directory: values_long.csv, or values_long.csv.gz as in kolada-full. */
export function koladaValuesFile(dir: string): string | null {
  return ['values_long.csv', 'values_long.csv.gz'].find((f) => existsSync(join(dir, f))) ?? null;
}

export function isKoladaDirectory(dir: string): boolean {
  return koladaValuesFile(dir) !== null && KOLADA_LAYOUT_FILES.slice(1).every((f) => existsSync(join(dir, f))) && !existsSync(join(dir, 'values.csv'));
}

/** Direction of "better" for the KPIs where it is certain; everything else stays unknown. */
export const HIGHER_IS_BETTER: Record<string, boolean> = { U31462: true, U40455: true, N00090: false };

/** The unit, read from a Kolada title such as "…, andel (%)" or "…, kr/inv". */
export function unitFromTitle(title: string): string {
  if (/\(%\)|andel|procent/i.test(title)) return '%';
  if (/kr\/inv/i.test(title)) return 'kr/inv';
  const m = /,\s*(kr\/[\wåäö]+|kr|antal|dagar|år|timmar|poäng|index)\s*(\(.*\))?$/i.exec(title);
  return m ? m[1] : '';
}

/**
 * Converts a Kolada directory into contract CSV files written by DuckDB (COPY … TO) into outDir.
 * The database must have `dir` on its search path.
 */
export async function convertKoladaDirectory(db: Database, dir: string, outDir: string): Promise<void> {
  const files = new Set(readdirSync(dir));
  const values = sqlString(koladaValuesFile(dir) ?? 'values_long.csv');
  const catalogue = [...files].filter((f) => /^kpi_metadata_.*\.csv$/.test(f)).sort().at(-1);
  const out = (f: string) => sqlString(join(outDir, f));
  const csv = (f: string) => `read_csv(${sqlString(f)}, all_varchar = true, header = true)`;

  await db.exec(`COPY (
      SELECT kpi, municipality_id, period, gender, value, NULL::VARCHAR AS status
      FROM read_csv(${values}, header = true, columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'VARCHAR'}, auto_detect = false)
      ORDER BY kpi, municipality_id, period, gender
    ) TO ${out('values.csv')} (HEADER, DELIMITER ',')`);

  const coverage = files.has('values_coverage.csv');
  const kpiRows = await db.query<{ id: string; title: string; gender: string; description: string }>(
    `SELECT k.kpi AS id,
        coalesce(${catalogue ? 'c.title' : 'NULL'}, ${coverage ? 'cov.title' : 'NULL'}, k.kpi) AS title,
        ${catalogue ? `coalesce(c.description, '')` : `''`} AS description,
        CASE WHEN k.genders > 1 THEN 'true' ELSE 'false' END AS gender
     FROM (SELECT kpi, count(DISTINCT gender) AS genders FROM read_csv(${values}, all_varchar = true, header = true) GROUP BY kpi) k
     ${catalogue ? `LEFT JOIN ${csv(catalogue)} c ON c.id = k.kpi` : ''}
     ${coverage ? `LEFT JOIN ${csv('values_coverage.csv')} cov ON cov.kpi = k.kpi` : ''}
     ORDER BY k.kpi`,
  );
  await db.exec(`CREATE OR REPLACE TEMP TABLE kolada_kpis (id VARCHAR, title VARCHAR, unit VARCHAR, is_divided_by_gender VARCHAR, description VARCHAR, source VARCHAR, higher_is_better VARCHAR, parent VARCHAR, breakdown VARCHAR)`);
  for (const k of kpiRows) {
    const hib = HIGHER_IS_BETTER[k.id];
    await db.query(`INSERT INTO kolada_kpis VALUES (?, ?, ?, ?, ?, 'Kolada (RKA)', ?, NULL, NULL)`, [
      k.id, k.title, unitFromTitle(k.title), k.gender, k.description, hib === undefined ? null : String(hib),
    ]);
  }
  await db.exec(`COPY kolada_kpis TO ${out('kpis.csv')} (HEADER, DELIMITER ',')`);

  await db.exec(`COPY (
      SELECT municipality_id AS id, name, type, county_code, county_name, skr_group_code, skr_group_name
      FROM ${csv('municipalities.csv')} ORDER BY municipality_id
    ) TO ${out('municipalities.csv')} (HEADER, DELIMITER ',')`);

  await db.exec(`COPY (
      SELECT group_id, group_title AS title, 'liknande_ekonomiskt_bistand' AS kind, edition_year AS edition,
             focal_municipality_id AS owner_id, member_id
      FROM ${csv('liknande_kommuner_ekonomiskt_bistand.csv')}
      ${files.has('skr_kommungrupper.csv') ? `UNION ALL
      SELECT kolada_group_id, skr_group_name || ' (SKR 2023)', 'skr_kommungrupp', '2023', NULL, municipality_id
      FROM ${csv('skr_kommungrupper.csv')}` : ''}
      ORDER BY kind, group_id, edition, member_id
    ) TO ${out('groups.csv')} (HEADER, DELIMITER ',')`);
}

export function koladaManifest(dir: string): Manifest {
  const sources = existsSync(join(dir, 'SOURCES.md')) ? readFileSync(join(dir, 'SOURCES.md'), 'utf8') : '';
  const retrieved = /datapoints raw (\d{4}-\d{2}-\d{2})/.exec(sources)?.[1] ?? null;
  return { name: 'Kolada', sample: false, retrieved, source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
}
