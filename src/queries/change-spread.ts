import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';
import { num, type PanelSeriesRequest } from './panel-series.ts';

export interface ChangeSpreadRequest {
  kpi: string;
  gender: Gender;
}

/** A series panel's jump note asks this beside its series (also what the prefetch asks ahead). */
export function changeSpreadForPanel(r: PanelSeriesRequest): ChangeSpreadRequest {
  return { kpi: r.kpi, gender: r.gender };
}

/** How much a KPI usually moves from one year to the next, over every kommun and pair of consecutive years. */
export interface ChangeSpread {
  /** pairs of consecutive yearly values */
  n: number;
  /** median and 90th percentile of the absolute year-to-year change */
  medianAbs: number | null;
  p90Abs: number | null;
}

/** Yearly periods only; a change is counted between year Y−1 and Y of the same kommun. */
export async function queryChangeSpread(db: Database, r: ChangeSpreadRequest): Promise<ChangeSpread> {
  return (await queryChangeSpreadBatch(db, [r]))[0];
}

/** Requests that can share one statement: the same gender (the panels of one page). */
export function changeSpreadBatchKey(r: ChangeSpreadRequest): string {
  return r.gender;
}

/** Answers the requests of one batch (changeSpreadBatchKey) with one statement; result i answers request i. */
export async function queryChangeSpreadBatch(db: Database, rs: readonly ChangeSpreadRequest[]): Promise<ChangeSpread[]> {
  if (rs.length === 0) return [];
  const kpis = inList([...new Set(rs.map((r) => r.kpi))]);
  const rows = await db.query(
    `WITH y AS (
        SELECT kpi, municipality_id AS id, CAST(period AS INTEGER) AS yr, value FROM ${T.values}
        WHERE kpi IN ${kpis.sql} AND gender = ? AND value IS NOT NULL AND NOT starts_with(municipality_id, '00') AND regexp_full_match(period, '\\d{4}')
     ),
     d AS (SELECT a.kpi, abs(b.value - a.value) AS change FROM y a JOIN y b ON a.kpi = b.kpi AND a.id = b.id AND b.yr = a.yr + 1)
     SELECT kpi, count(*) AS n, median(change) AS median_abs, quantile_cont(change, 0.9) AS p90_abs FROM d GROUP BY kpi`,
    [...kpis.params, rs[0].gender],
  );
  const byKpi = new Map(rows.map((x) => [String(x.kpi), x]));
  return rs.map((r) => {
    const x = byKpi.get(r.kpi);
    return x ? { n: Number(x.n), medianAbs: num(x.median_abs), p90Abs: num(x.p90_abs) } : { n: 0, medianAbs: null, p90Abs: null };
  });
}
