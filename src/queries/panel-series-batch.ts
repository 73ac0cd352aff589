import type { Database, SqlParam } from '../engine/database.ts';
import { RIKET_ID } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';
import { toPanelPoint, type PanelPoint, type PanelSeriesRequest } from './panel-series.ts';

/**
 * Requests that can share one statement: the same kommun and the same peer group (KPI, gender and
 * direction may differ). Panels of one page change together, so a kommun or group change is one batch.
 */
export function panelSeriesBatchKey(r: PanelSeriesRequest): string {
  return JSON.stringify([r.municipalityId, [...r.members].sort()]);
}

/**
 * Answers several panelSeries requests of one batch (panelSeriesBatchKey) with one statement: the
 * same statistics as queryPanelSeries, grouped by request as well as by period. One round trip to the
 * DuckDB worker instead of one per panel. Result i answers request i, with exactly queryPanelSeries's shape.
 */
export async function queryPanelSeriesBatch(db: Database, rs: readonly PanelSeriesRequest[]): Promise<PanelPoint[][]> {
  if (rs.length === 0) return [];
  const first = rs[0];
  const members = first.members.filter((m) => m !== first.municipalityId);
  const groupIn = inList(members);
  const kpiIn = inList([...new Set(rs.map((r) => r.kpi))]);
  const reqParams: SqlParam[] = rs.flatMap((r, i) => [i, r.kpi, r.gender, r.higherIsBetter === false]);
  const rows = await db.query(
    `WITH req(i, kpi, gender, low_first) AS (VALUES ${rs.map(() => '(?::INTEGER, ?::VARCHAR, ?::VARCHAR, ?::BOOLEAN)').join(', ')}),
     v AS (
        SELECT req.i, req.low_first, x.municipality_id AS id, x.period, x.value, x.status,
               NOT starts_with(x.municipality_id, '00') AS is_kommun, x.municipality_id IN ${groupIn.sql} AS in_group
        FROM ${T.values} x JOIN req ON x.kpi = req.kpi AND x.gender = req.gender
        WHERE x.kpi IN ${kpiIn.sql}
     ),
     agg AS (
        SELECT i, period, any_value(low_first) AS low_first,
          max(value) FILTER (WHERE id = ?) AS value, max(status) FILTER (WHERE id = ?) AS status,
          max(value) FILTER (WHERE id = '${RIKET_ID}') AS riket,
          avg(value) FILTER (WHERE is_kommun) AS all_mean, count(value) FILTER (WHERE is_kommun) AS all_n,
          quantile_cont(value, 0.25) FILTER (WHERE is_kommun) AS all_q1, quantile_cont(value, 0.75) FILTER (WHERE is_kommun) AS all_q3,
          list(value) FILTER (WHERE is_kommun AND value IS NOT NULL) AS all_values,
          avg(value) FILTER (WHERE in_group) AS group_mean, median(value) FILTER (WHERE in_group) AS group_median,
          min(value) FILTER (WHERE in_group) AS group_min, max(value) FILTER (WHERE in_group) AS group_max,
          quantile_cont(value, 0.25) FILTER (WHERE in_group) AS group_q1, quantile_cont(value, 0.75) FILTER (WHERE in_group) AS group_q3,
          count(value) FILTER (WHERE in_group) AS group_n,
          list(value) FILTER (WHERE in_group AND value IS NOT NULL) AS group_values
        FROM v GROUP BY i, period
     )
     SELECT i, period, value, status, riket, all_mean, all_n, all_q1, all_q3, group_mean, group_median, group_min, group_max, group_q1, group_q3, group_n,
        CASE WHEN value IS NULL THEN NULL
             WHEN low_first THEN 1 + len(list_filter(all_values, lambda x: x < value))
             ELSE 1 + len(list_filter(all_values, lambda x: x > value)) END AS rank_all,
        CASE WHEN value IS NULL THEN NULL
             WHEN low_first THEN 1 + coalesce(len(list_filter(group_values, lambda x: x < value)), 0)
             ELSE 1 + coalesce(len(list_filter(group_values, lambda x: x > value)), 0) END AS rank_group
     FROM agg ORDER BY i, period`,
    [...reqParams, ...groupIn.params, ...kpiIn.params, first.municipalityId, first.municipalityId],
  );
  const out: PanelPoint[][] = rs.map(() => []);
  for (const x of rows) {
    out[Number(x.i)].push(toPanelPoint(x, members.length));
  }
  return out;
}
