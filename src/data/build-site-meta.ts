import type { Database } from '../engine/database.ts';
import type { Kpi, Manifest, Municipality, Target } from './contract.ts';
import { T } from './schema.ts';
import type { GroupDef, SiteMeta } from './site-meta.ts';

/** Reads the loaded contract tables into the site's metadata (build time, native DuckDB). */
export async function buildSiteMeta(db: Database, manifest: Manifest): Promise<SiteMeta> {
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
  return { manifest, kpis, municipalities, targets, groups: groups.map((g) => ({ ...g, members: [...g.members] })), periods };
}
