import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';
import { num, type PanelSeriesRequest } from './panel-series.ts';

export interface MemberValuesRequest {
  kpi: string;
  /** the kommun and its peer group's members */
  municipalityIds: readonly string[];
  gender: Gender;
}

/** A series panel's member table asks this beside its series (also what the prefetch asks ahead). */
export function memberValuesForPanel(r: PanelSeriesRequest): MemberValuesRequest {
  return { kpi: r.kpi, municipalityIds: [r.municipalityId, ...r.members], gender: r.gender };
}

export interface MemberValue {
  id: string;
  period: string;
  value: number | null;
  status: string | null;
}

/** Every value of the given kommuner for one KPI, unchanged from the data (rows with a value or a status marker). */
export async function queryMemberValues(db: Database, r: MemberValuesRequest): Promise<MemberValue[]> {
  return (await queryMemberValuesBatch(db, [r]))[0];
}

/** Requests that can share one statement: the same kommuner and gender (the panels of one page). */
export function memberValuesBatchKey(r: MemberValuesRequest): string {
  return JSON.stringify([r.gender, [...new Set(r.municipalityIds)].sort()]);
}

/** Answers the requests of one batch (memberValuesBatchKey) with one statement; result i answers request i. */
export async function queryMemberValuesBatch(db: Database, rs: readonly MemberValuesRequest[]): Promise<MemberValue[][]> {
  const first = rs[0];
  if (!first || first.municipalityIds.length === 0) return rs.map(() => []);
  const ids = inList([...new Set(first.municipalityIds)]);
  const kpis = inList([...new Set(rs.map((r) => r.kpi))]);
  const rows = await db.query(
    `SELECT kpi, municipality_id AS id, period, value, status FROM ${T.values}
     WHERE kpi IN ${kpis.sql} AND gender = ? AND municipality_id IN ${ids.sql}
     ORDER BY kpi, municipality_id, period`,
    [...kpis.params, first.gender, ...ids.params],
  );
  const byKpi = new Map<string, MemberValue[]>();
  for (const x of rows) {
    const kpi = String(x.kpi);
    let list = byKpi.get(kpi);
    if (!list) byKpi.set(kpi, (list = []));
    list.push({ id: String(x.id), period: String(x.period), value: num(x.value), status: (x.status as string | null) ?? null });
  }
  return rs.map((r) => byKpi.get(r.kpi) ?? []);
}
