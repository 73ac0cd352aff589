import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { RIKET_ID } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { inList } from './sql-helpers.ts';

export interface PanelSeriesRequest {
  kpi: string;
  municipalityId: string;
  /** Peer group members (the kommun itself is excluded from the group statistics). */
  members: readonly string[];
  gender: Gender;
  /** true: highest value ranks first; false: lowest first; null: highest first (stated in the UI). */
  higherIsBetter: boolean | null;
}

export interface PanelPoint {
  period: string;
  value: number | null;
  status: string | null;
  riket: number | null;
  allMean: number | null;
  allN: number;
  /** 25th/75th percentile of all kommuner's values (quantile_cont, as d3.quantile): Kolada-style quartile cuts */
  allQ1: number | null;
  allQ3: number | null;
  groupMean: number | null;
  groupMedian: number | null;
  groupMin: number | null;
  groupMax: number | null;
  groupQ1: number | null;
  groupQ3: number | null;
  /** members with a value this period */
  groupN: number;
  groupSize: number;
  /** place among all kommuner with a value (ties share a place), null when the kommun has none */
  rankAll: number | null;
  /** place within the group plus the kommun itself */
  rankGroup: number | null;
}

/**
 * One row per period for a kommun, its peer group (unweighted mean of members with a value, as
 * Kolada's "ovägt medel"), all kommuner and Riket (Kolada's own 0000 value, never our mean).
 */
export async function queryPanelSeries(db: Database, r: PanelSeriesRequest): Promise<PanelPoint[]> {
  const members = r.members.filter((m) => m !== r.municipalityId);
  const groupIn = inList(members);
  // One scan of the KPI's rows: every statistic is a filtered aggregate per period. Places are
  // 1 + the number of values strictly better (RANK semantics: ties share a place).
  const better = r.higherIsBetter === false ? '<' : '>';
  const rows = await db.query(
    `WITH v AS (
        SELECT municipality_id AS id, period, value, status,
               NOT starts_with(municipality_id, '00') AS is_kommun, municipality_id IN ${groupIn.sql} AS in_group
        FROM ${T.values} WHERE kpi = ? AND gender = ?
     ),
     agg AS (
        SELECT period,
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
        FROM v GROUP BY period
     )
     SELECT period, value, status, riket, all_mean, all_n, all_q1, all_q3, group_mean, group_median, group_min, group_max, group_q1, group_q3, group_n,
        CASE WHEN value IS NULL THEN NULL ELSE 1 + len(list_filter(all_values, lambda x: x ${better} value)) END AS rank_all,
        CASE WHEN value IS NULL THEN NULL ELSE 1 + coalesce(len(list_filter(group_values, lambda x: x ${better} value)), 0) END AS rank_group
     FROM agg ORDER BY period`,
    [...groupIn.params, r.kpi, r.gender, r.municipalityId, r.municipalityId],
  );
  return rows.map((x) => toPanelPoint(x, members.length));
}

/** One result row of the panel-series SQL (single or batched) as a PanelPoint. */
export function toPanelPoint(x: Record<string, unknown>, groupSize: number): PanelPoint {
  return {
    period: String(x.period),
    value: num(x.value),
    status: (x.status as string | null) ?? null,
    riket: num(x.riket),
    allMean: num(x.all_mean),
    allN: Number(x.all_n),
    allQ1: num(x.all_q1),
    allQ3: num(x.all_q3),
    groupMean: num(x.group_mean),
    groupMedian: num(x.group_median),
    groupMin: num(x.group_min),
    groupMax: num(x.group_max),
    groupQ1: num(x.group_q1),
    groupQ3: num(x.group_q3),
    groupN: Number(x.group_n),
    groupSize,
    rankAll: num(x.rank_all),
    rankGroup: num(x.rank_group),
  };
}

export function num(x: unknown): number | null {
  return x === null || x === undefined ? null : Number(x);
}
