import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';
import { num } from './panel-series.ts';

export interface BreakdownRequest {
  /** the KPI ids to fetch side by side (a series and its breakdowns, or T/K/M of one KPI) */
  kpis: string[];
  municipalityId: string;
  genders: Gender[];
}

export interface BreakdownRow {
  kpi: string;
  gender: Gender;
  period: string;
  value: number | null;
  status: string | null;
}

/** Values of several KPIs and genders for one kommun, e.g. a monthly series and its age groups. */
export async function queryBreakdown(db: Database, r: BreakdownRequest): Promise<BreakdownRow[]> {
  return (await queryBreakdownBatch(db, [r]))[0];
}

/** Requests that can share one statement: the same kommun and genders (the panels of one page). */
export function breakdownBatchKey(r: BreakdownRequest): string {
  return JSON.stringify([r.municipalityId, [...new Set(r.genders)].sort()]);
}

/** Answers the requests of one batch (breakdownBatchKey) with one statement; result i answers request i. */
export async function queryBreakdownBatch(db: Database, rs: readonly BreakdownRequest[]): Promise<BreakdownRow[][]> {
  if (rs.length === 0) return [];
  const k = inList([...new Set(rs.flatMap((r) => r.kpis))]);
  const g = inList([...new Set(rs[0].genders)]);
  const rows = await db.query(
    `SELECT kpi, gender, period, value, status FROM ${T.values}
     WHERE municipality_id = ? AND kpi IN ${k.sql} AND gender IN ${g.sql}
     ORDER BY kpi, gender, period`,
    [rs[0].municipalityId, ...k.params, ...g.params],
  );
  const all: BreakdownRow[] = rows.map((x) => ({
    kpi: String(x.kpi),
    gender: x.gender as Gender,
    period: String(x.period),
    value: num(x.value),
    status: (x.status as string | null) ?? null,
  }));
  return rs.map((r) => {
    const wanted = new Set(r.kpis);
    return all.filter((x) => wanted.has(x.kpi));
  });
}
