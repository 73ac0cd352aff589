import type { Database, SqlParam } from '../engine/database.ts';
import { RIKET_ID } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { ID_LIST_SEP, fitsIdList, inList } from './sql-helpers.ts';
import { queryPanelSeries, toPanelPoint, type PanelPoint, type PanelSeriesRequest } from './panel-series.ts';

/**
 * Requests that can share one statement: the same kommun (KPI, gender, direction and peer group may
 * differ; a liknande choice gives each KPI area its own group). Panels of one page change together,
 * so a change is one batch. Members that would not survive the list parameter get a batch of their own.
 */
export function panelSeriesBatchKey(r: PanelSeriesRequest): string {
  return !fitsIdList(r.members) ? JSON.stringify([r.municipalityId, [...r.members].sort()]) : JSON.stringify([r.municipalityId]);
}

/**
 * Answers several panelSeries requests of one batch (panelSeriesBatchKey) with one statement: the
 * same statistics as queryPanelSeries, grouped by request as well as by period, each request with its
 * own group. One round trip to the DuckDB worker instead of one per panel. Result i answers request i,
 * with exactly queryPanelSeries's shape.
 */
export async function queryPanelSeriesBatch(db: Database, rs: readonly PanelSeriesRequest[]): Promise<PanelPoint[][]> {
  if (rs.some((r) => !fitsIdList(r.members))) return Promise.all(rs.map((r) => queryPanelSeries(db, r)));
  if (rs.length === 0) return [];
  const kommun = rs[0].municipalityId;
  const members = rs.map((r) => r.members.filter((m) => m !== kommun));
  const kpiIn = inList([...new Set(rs.map((r) => r.kpi))]);
  const reqParams: SqlParam[] = rs.flatMap((r, i) => [
    i,
    r.kpi,
    r.gender,
    r.higherIsBetter === false,
    [...new Set(members[i])].join(ID_LIST_SEP),
  ]);
  const rows = await db.query(
    `WITH req(i, kpi, gender, low_first, members) AS (VALUES ${rs.map(() => '(?::INTEGER, ?::VARCHAR, ?::VARCHAR, ?::BOOLEAN, ?::VARCHAR)').join(', ')}),
     mem AS (SELECT i, unnest(string_split(members, '${ID_LIST_SEP}')) AS id FROM req WHERE members <> ''),
     v AS (
        SELECT req.i, req.low_first, x.municipality_id AS id, x.period, x.value, x.status,
               NOT starts_with(x.municipality_id, '00') AS is_kommun, mem.id IS NOT NULL AS in_group
        FROM ${T.values} x JOIN req ON x.kpi = req.kpi AND x.gender = req.gender
        LEFT JOIN mem ON mem.i = req.i AND mem.id = x.municipality_id
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
    [...reqParams, ...kpiIn.params, kommun, kommun],
  );
  const out: PanelPoint[][] = rs.map(() => []);
  for (const x of rows) {
    const i = Number(x.i);
    out[i].push(toPanelPoint(x, members[i].length));
  }
  return out;
}
