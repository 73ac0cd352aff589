import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlString, type Database } from '../engine/database.ts';
import { CATALOGUE_COLUMNS, CATALOGUE_FILE, CATALOGUE_JSON, type CatalogueEntry } from './kpi-catalogue.ts';
import { DataDirectoryError, type Problem } from './load-tables.ts';
import { ALL_KOMMUN_GROUPS_FILE, kommunGroupsFile, type GroupDef, type SiteMeta } from './site-meta.ts';
import { familyOfKind } from './liknande-families.ts';

const GROUPS_FILE = /^groups-([0-9]{4})\.json$/;

type CatalogueRow = Omit<CatalogueEntry, 'has_data'>;

/** The optional catalogue.csv of a contract directory, checked (every problem with line and reason). */
export async function readCatalogue(db: Database, contractDir: string): Promise<CatalogueRow[]> {
  const file = join(contractDir, CATALOGUE_FILE);
  if (!existsSync(file)) return [];
  const rows = await db.query<Record<string, string | null> & { line: number }>(
    `SELECT row_number() OVER () + 1 AS line, * FROM read_csv(${sqlString(file)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`,
  );
  const problems: Problem[] = [];
  const cols = new Set(Object.keys(rows[0] ?? {}));
  for (const c of ['id', 'title']) if (rows.length && !cols.has(c)) problems.push({ file: CATALOGUE_FILE, line: 1, reason: `kolumnen "${c}" saknas i rubrikraden` });
  const seen = new Set<string>();
  const out: CatalogueRow[] = [];
  for (const r of problems.length ? [] : rows) {
    const id = (r.id ?? '').trim();
    const line = Number(r.line);
    if (!id) problems.push({ file: CATALOGUE_FILE, line, reason: 'id saknas' });
    else if (seen.has(id)) problems.push({ file: CATALOGUE_FILE, line, reason: `id "${id}" förekommer flera gånger` });
    else if (!(r.title ?? '').trim()) problems.push({ file: CATALOGUE_FILE, line, reason: 'title saknas' });
    if (problems.length >= 25) break;
    seen.add(id);
    const hib = (r.higher_is_better ?? '').trim().toLowerCase();
    out.push({
      id, title: (r.title ?? '').trim(), description: r.description ?? '', area: r.operating_area ?? '', unit: r.unit ?? '',
      is_divided_by_gender: ['true', '1'].includes((r.is_divided_by_gender ?? '').trim().toLowerCase()), publ_period: r.publ_period ?? '',
      higher_is_better: hib === '' ? null : hib === 'true' || hib === '1',
    });
  }
  if (problems.length) throw new DataDirectoryError(problems);
  void CATALOGUE_COLUMNS;
  return out;
}

/** The searchable catalogue: the catalogue file's KPIs plus every other top-level KPI with values here. */
export function catalogueEntries(meta: SiteMeta, catalogue: readonly CatalogueRow[]): CatalogueEntry[] {
  const withData = new Set(meta.kpis.filter((k) => (meta.periods[k.id]?.length ?? 0) > 0 || meta.kpis.some((c) => c.parent === k.id)).map((k) => k.id));
  const entries: CatalogueEntry[] = catalogue.map((c) => ({ ...c, has_data: withData.has(c.id) }));
  const listed = new Set(catalogue.map((c) => c.id));
  for (const k of meta.kpis) {
    if (k.parent || listed.has(k.id)) continue;
    entries.push({ id: k.id, title: k.title, description: k.description, area: '', unit: k.unit, is_divided_by_gender: k.is_divided_by_gender, publ_period: '', higher_is_better: k.higher_is_better, has_data: withData.has(k.id) });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const isLiknande = (g: GroupDef) => familyOfKind(g.kind) !== null && g.owner !== null;

/**
 * Writes what the browser loads beside the values: meta.json without the per-kommun "Liknande
 * kommuner …" groups (3,600 of them), one groups-<kommun>.json per kommun with its own groups, all of
 * them in groups-all.json (for a page that answers any kommun itself), and catalogue.json (loaded
 * only when the user searches).
 */
export function writeSiteFiles(dir: string, meta: SiteMeta, catalogue: readonly CatalogueRow[]): void {
  const byOwner = new Map<string, GroupDef[]>();
  for (const g of meta.groups.filter(isLiknande)) byOwner.set(g.owner!, [...(byOwner.get(g.owner!) ?? []), g]);
  for (const [owner, groups] of byOwner) writeFileSync(join(dir, kommunGroupsFile(owner)), JSON.stringify(groups));
  writeFileSync(join(dir, ALL_KOMMUN_GROUPS_FILE), JSON.stringify([...byOwner.values()].flat()));
  const served: SiteMeta = { ...meta, groups: meta.groups.filter((g) => !isLiknande(g)), lazyGroups: [...byOwner.keys()].sort() };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(served));
  writeFileSync(join(dir, CATALOGUE_JSON), JSON.stringify(catalogueEntries(meta, catalogue)));
}

/** The full metadata (every group) from a directory written by writeSiteFiles. */
export function readSiteMeta(dir: string): SiteMeta {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SiteMeta;
  const groups = readdirSync(dir).filter((f) => GROUPS_FILE.test(f)).sort().flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GroupDef[]);
  const { lazyGroups: _, ...rest } = meta;
  return { ...rest, groups: [...meta.groups, ...groups] };
}
