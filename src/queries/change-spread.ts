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

/** Requests that can share one statement: all of them (the panels of one page, whatever gender each asks). */
export function changeSpreadBatchKey(_r: ChangeSpreadRequest): string {
  return 'all';
}

/** Answers the requests of one batch (changeSpreadBatchKey) with one statement; result i answers request i. */
export async function queryChangeSpreadBatch(db: Database, rs: readonly ChangeSpreadRequest[]): Promise<ChangeSpread[]> {
  if (rs.length === 0) return [];
  const key = (kpi: unknown, gender: unknown) => JSON.stringify([String(kpi), String(gender)]);
  const pairs = [...new Map(rs.map((r) => [key(r.kpi, r.gender), r])).values()];
  const kpis = inList([...new Set(rs.map((r) => r.kpi))]);
  const rows = await db.query(
    `WITH req(kpi, gender) AS (VALUES ${pairs.map(() => '(?::VARCHAR, ?::VARCHAR)').join(', ')}),
     y AS (
        SELECT x.kpi, x.gender, x.municipality_id AS id, CAST(x.period AS INTEGER) AS yr, x.value
        FROM ${T.values} x JOIN req ON x.kpi = req.kpi AND x.gender = req.gender
        WHERE x.kpi IN ${kpis.sql} AND x.value IS NOT NULL AND NOT starts_with(x.municipality_id, '00') AND regexp_full_match(x.period, '\\d{4}')
     ),
     d AS (SELECT a.kpi, a.gender, abs(b.value - a.value) AS change FROM y a JOIN y b ON a.kpi = b.kpi AND a.gender = b.gender AND a.id = b.id AND b.yr = a.yr + 1)
     SELECT kpi, gender, count(*) AS n, median(change) AS median_abs, quantile_cont(change, 0.9) AS p90_abs FROM d GROUP BY kpi, gender`,
    [...pairs.flatMap((r) => [r.kpi, r.gender]), ...kpis.params],
  );
  const byPair = new Map(rows.map((x) => [key(x.kpi, x.gender), x]));
  return rs.map((r) => {
    const x = byPair.get(key(r.kpi, r.gender));
    return x ? { n: Number(x.n), medianAbs: num(x.median_abs), p90Abs: num(x.p90_abs) } : { n: 0, medianAbs: null, p90Abs: null };
  });
}
