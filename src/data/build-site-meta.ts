import type { Database } from '../engine/database.ts';
import type { Kpi, Manifest, Municipality, Target } from './contract.ts';
import { T } from './schema.ts';
import type { GroupDef, SiteMeta } from './site-meta.ts';
import { readCatalogue } from './site-artifacts.ts';
import { familyOfKind, FAMILY_IDS } from './liknande-families.ts';

/**
 * Reads the loaded contract tables into the site's metadata (build time, native DuckDB). With
 * `contractDir`, the optional catalogue.csv there adds each KPI's area and publication period.
 */
export async function buildSiteMeta(db: Database, manifest: Manifest, contractDir?: string): Promise<SiteMeta> {
  const kpis = (await db.query(`SELECT * FROM ${T.kpis} WHERE id IN (SELECT DISTINCT kpi FROM ${T.values}) OR id IN (SELECT parent FROM ${T.kpis}) ORDER BY id`)) as unknown as Kpi[];
  const municipalities = (await db.query(`SELECT * FROM ${T.municipalities} ORDER BY id`)) as unknown as Municipality[];
  const targets = (await db.query(`SELECT * FROM ${T.targets} ORDER BY municipality_id, kpi, period`)) as unknown as Target[];
  const groups = (await db.query(
    `SELECT group_id AS id, any_value(title) AS title, any_value(kind) AS kind, edition, any_value(owner_id) AS owner,
            list(member_id ORDER BY member_id) AS members
     FROM ${T.groups} GROUP BY group_id, edition ORDER BY kind, id, edition`,
  )) as unknown as GroupDef[];
  const periodRows = await db.query<{ kpi: string; periods: string[] }>(
    `SELECT kpi, list(DISTINCT period ORDER BY period) AS periods FROM ${T.values} WHERE value IS NOT NULL GROUP BY kpi`,
  );
  const periods = Object.fromEntries(periodRows.map((r) => [r.kpi, [...r.periods]]));
  const editions = new Map<string, Set<number>>();
  for (const g of groups) {
    const f = familyOfKind(g.kind);
    if (f) editions.set(f, (editions.get(f) ?? new Set()).add(g.edition ?? 0));
  }
  const families = FAMILY_IDS.filter((f) => editions.has(f)).map((family) => ({ family, editions: [...editions.get(family)!].sort((a, b) => a - b) }));
  const catalogue = contractDir ? await readCatalogue(db, contractDir) : [];
  const inMeta = new Set(kpis.map((k) => k.id));
  const facts = Object.fromEntries(catalogue.filter((c) => inMeta.has(c.id)).map((c) => [c.id, { area: c.area, publ_period: c.publ_period }]));
  const catalogueIds = new Set(catalogue.map((c) => c.id));
  const catalogueSize = catalogue.length + kpis.filter((k) => !k.parent && !catalogueIds.has(k.id)).length;
  return {
    manifest, kpis, municipalities, targets, groups: groups.map((g) => ({ ...g, members: [...g.members] })), periods,
    facts, families, catalogueSize,
  };
}
