import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
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
  const rows = await db.query(
    `WITH y AS (
        SELECT municipality_id AS id, CAST(period AS INTEGER) AS yr, value FROM ${T.values}
        WHERE kpi = ? AND gender = ? AND value IS NOT NULL AND NOT starts_with(municipality_id, '00') AND regexp_full_match(period, '\\d{4}')
     ),
     d AS (SELECT abs(b.value - a.value) AS change FROM y a JOIN y b ON a.id = b.id AND b.yr = a.yr + 1)
     SELECT count(*) AS n, median(change) AS median_abs, quantile_cont(change, 0.9) AS p90_abs FROM d`,
    [r.kpi, r.gender],
  );
  const x = rows[0] ?? {};
  return { n: Number(x.n ?? 0), medianAbs: num(x.median_abs), p90Abs: num(x.p90_abs) };
}
