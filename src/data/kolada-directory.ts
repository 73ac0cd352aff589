import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../engine/database.ts';
import { sqlString } from '../engine/database.ts';
import type { Manifest } from './contract.ts';
import { formatCsv } from './csv-format.ts';
import { higherIsBetter } from './kpi-directions.ts';
import { CATALOGUE_COLUMNS, CATALOGUE_FILE, catalogueRow, unitFromTitle, type CatalogueEntry } from './kpi-catalogue.ts';
import { familyKind, parseFamilyTitle } from './liknande-families.ts';

export { unitFromTitle };

/** Files that mark a directory laid out like shared/data/kolada (the values may be gzipped). */
export const KOLADA_LAYOUT_FILES = ['values_long.csv', 'municipalities.csv', 'liknande_kommuner_ekonomiskt_bistand.csv'];

/** The long values file of a Kolada directory: values_long.csv, or values_long.csv.gz as in kolada-full. */
export function koladaValuesFile(dir: string): string | null {
  return ['values_long.csv', 'values_long.csv.gz'].find((f) => existsSync(join(dir, f))) ?? null;
}

export function isKoladaDirectory(dir: string): boolean {
  return koladaValuesFile(dir) !== null && KOLADA_LAYOUT_FILES.slice(1).every((f) => existsSync(join(dir, f))) && !existsSync(join(dir, 'values.csv'));
}

/**
 * Converts a Kolada directory into contract CSV files (values by DuckDB's COPY … TO, the rest through
 * formatCsv) into outDir: values, kpis, municipalities, groups (every "Liknande kommuner …" family and
 * SKR) and the catalogue. The database must have `dir` on its search path.
 */
export async function convertKoladaDirectory(db: Database, dir: string, outDir: string): Promise<void> {
  const files = new Set(readdirSync(dir));
  const values = sqlString(koladaValuesFile(dir) ?? 'values_long.csv');
  const out = (f: string) => sqlString(join(outDir, f));
  const csv = (f: string) => `read_csv(${sqlString(f)}, all_varchar = true, header = true)`;

  await db.exec(`COPY (
      SELECT kpi, municipality_id, period, gender, value, NULL::VARCHAR AS status
      FROM read_csv(${values}, header = true, columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'VARCHAR'}, auto_detect = false)
      ORDER BY kpi, municipality_id, period, gender
    ) TO ${out('values.csv')} (HEADER, DELIMITER ',')`);

  const catalogue = await koladaCatalogue(db, files);
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const coverage = files.has('values_coverage.csv')
    ? new Map((await db.query<{ kpi: string; title: string }>(`SELECT kpi, title FROM ${csv('values_coverage.csv')}`)).map((r) => [r.kpi, r.title]))
    : new Map<string, string>();
  const inData = await db.query<{ id: string; genders: number }>(
    `SELECT kpi AS id, count(DISTINCT gender)::INTEGER AS genders FROM read_csv(${values}, all_varchar = true, header = true) GROUP BY kpi ORDER BY kpi`,
  );
  const kpis = inData.map(({ id, genders }) => {
    const c = byId.get(id);
    const title = c?.title || coverage.get(id) || id;
    return [id, title, unitFromTitle(title), genders > 1, c?.description ?? '', 'Kolada (RKA)', higherIsBetter(id), null, null] as const;
  });
  writeFileSync(join(outDir, 'kpis.csv'), formatCsv(['id', 'title', 'unit', 'is_divided_by_gender', 'description', 'source', 'higher_is_better', 'parent', 'breakdown'], kpis));
  writeFileSync(join(outDir, CATALOGUE_FILE), formatCsv(CATALOGUE_COLUMNS, catalogue.map(catalogueRow)));

  await db.exec(`COPY (
      SELECT municipality_id AS id, name, type, county_code, county_name, skr_group_code, skr_group_name
      FROM ${csv('municipalities.csv')} ORDER BY municipality_id
    ) TO ${out('municipalities.csv')} (HEADER, DELIMITER ',')`);

  type GroupRow = [string, string, string, string, string | null, string];
  const groups: GroupRow[] = (await db.query<Record<string, string>>(
    `SELECT group_id, group_title, edition_year, focal_municipality_id, member_id FROM ${csv('liknande_kommuner_ekonomiskt_bistand.csv')}`,
  )).map((r) => [r.group_id, r.group_title, 'liknande_ekonomiskt_bistand', r.edition_year, r.focal_municipality_id, r.member_id]);
  groups.push(...(await koladaFamilyGroups(db, files)));
  if (files.has('skr_kommungrupper.csv')) {
    for (const r of await db.query<Record<string, string>>(`SELECT kolada_group_id, skr_group_name, municipality_id FROM ${csv('skr_kommungrupper.csv')}`)) {
      groups.push([r.kolada_group_id, `${r.skr_group_name} (SKR 2023)`, 'skr_kommungrupp', '2023', null, r.municipality_id]);
    }
  }
  const cmp = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  groups.sort((a, b) => cmp(a[2], b[2]) || cmp(a[0], b[0]) || cmp(a[3], b[3]) || cmp(a[5], b[5]));
  writeFileSync(join(outDir, 'groups.csv'), formatCsv(['group_id', 'title', 'kind', 'edition', 'owner_id', 'member_id'], groups));
}

/**
 * Every KPI of the newest `kpi_metadata_*.csv`, plus those only in a `kpi_results_*.csv` (KPIs of the
 * dump that Kolada has since discontinued), with the direction of the table `kpi-directions.csv`.
 */
export async function koladaCatalogue(db: Database, files: ReadonlySet<string>): Promise<Omit<CatalogueEntry, 'has_data'>[]> {
  const csv = (f: string) => `read_csv(${sqlString(f)}, all_varchar = true, header = true)`;
  const metadata = [...files].filter((f) => /^kpi_metadata_.*\.csv$/.test(f)).sort().at(-1);
  const results = [...files].filter((f) => /^kpi_results_.*\.csv$/.test(f)).sort().at(-1);
  const parts = [
    metadata && `SELECT id, title, coalesce(description, '') AS description, coalesce(operating_area, '') AS area,
        lower(is_divided_by_gender) IN ('true', '1') AS gender, coalesce(publ_period, '') AS publ_period FROM ${csv(metadata)}`,
    results && `SELECT upper(concept) AS id, name AS title, coalesce(description, '') AS description, coalesce(operating_area, '') AS area,
        lower(is_divided_by_gender) IN ('true', '1') AS gender, '' AS publ_period FROM ${csv(results)}
        ${metadata ? `WHERE upper(concept) NOT IN (SELECT id FROM ${csv(metadata)})` : ''}`,
  ].filter(Boolean);
  if (!parts.length) return [];
  const rows = await db.query<{ id: string; title: string; description: string; area: string; gender: boolean; publ_period: string }>(
    `SELECT * FROM (${parts.join(' UNION ALL ')}) WHERE coalesce(id, '') <> '' ORDER BY id`,
  );
  return rows.map((r) => ({
    id: r.id, title: r.title ?? r.id, description: r.description, area: r.area, unit: unitFromTitle(r.title ?? ''),
    is_divided_by_gender: r.gender, publ_period: r.publ_period, higher_is_better: higherIsBetter(r.id),
  }));
}

/**
 * Kolada's "Liknande kommuner …" families other than ekonomiskt bistånd (which has its own file with
 * both editions) from the newest `municipality_groups_*.csv`, as contract group rows. The owner is
 * the kommun named in the title; a group whose name matches no kommun is left out.
 */
export async function koladaFamilyGroups(db: Database, files: ReadonlySet<string>): Promise<[string, string, string, string, string | null, string][]> {
  const source = [...files].filter((f) => /^municipality_groups_.*\.csv$/.test(f)).sort().at(-1);
  if (!source) return [];
  const csv = (f: string) => `read_csv(${sqlString(f)}, all_varchar = true, header = true)`;
  const kommunByName = new Map(
    (await db.query<{ id: string; name: string }>(`SELECT municipality_id AS id, name FROM ${csv('municipalities.csv')} WHERE type = 'K' AND municipality_id NOT LIKE '00%'`)).map((r) => [r.name, r.id]),
  );
  const rows = await db.query<{ group_id: string; title: string; member_id: string }>(
    `SELECT group_id, group_title AS title, member_id FROM ${csv(source)} WHERE group_title LIKE 'Liknande kommuner%' ORDER BY group_id, member_id`,
  );
  const out: [string, string, string, string, string | null, string][] = [];
  for (const r of rows) {
    const parsed = parseFamilyTitle(r.title);
    if (!parsed || parsed.family === 'ekonomiskt_bistand') continue;
    const owner = kommunByName.get(parsed.owner);
    if (!owner || owner === r.member_id || !/^[0-9]{4}$/.test(r.member_id)) continue;
    out.push([r.group_id, r.title, familyKind(parsed.family), String(parsed.edition), owner, r.member_id]);
  }
  return out;
}

export function koladaManifest(dir: string): Manifest {
  const sources = existsSync(join(dir, 'SOURCES.md')) ? readFileSync(join(dir, 'SOURCES.md'), 'utf8') : '';
  const retrieved = /datapoints raw (\d{4}-\d{2}-\d{2})/.exec(sources)?.[1] ?? null;
  return { name: 'Kolada', sample: false, retrieved, source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
}
