import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { RIKET_ID } from '../data/contract.ts';
import { T } from '../data/load-tables.ts';
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
  const order = r.higherIsBetter === false ? 'ASC' : 'DESC';
  const groupIn = inList(members);
  const rows = await db.query(
    `WITH v AS (
        SELECT municipality_id AS id, period, value, status FROM ${T.values} WHERE kpi = ? AND gender = ?
     ),
     kommuner AS (
        SELECT id, period, value, RANK() OVER (PARTITION BY period ORDER BY value ${order}) AS place
        FROM v WHERE value IS NOT NULL AND NOT starts_with(id, '00')
     ),
     peers AS (
        SELECT id, period, value, RANK() OVER (PARTITION BY period ORDER BY value ${order}) AS place
        FROM v WHERE value IS NOT NULL AND (id = ? OR id IN ${groupIn.sql})
     ),
     periods AS (SELECT DISTINCT period FROM v)
     SELECT p.period,
        own.value AS value, own.status AS status,
        (SELECT value FROM v WHERE id = '${RIKET_ID}' AND v.period = p.period) AS riket,
        (SELECT avg(value) FROM kommuner k WHERE k.period = p.period) AS all_mean,
        (SELECT count(*) FROM kommuner k WHERE k.period = p.period) AS all_n,
        g.mean AS group_mean, g.median AS group_median, g.min AS group_min, g.max AS group_max,
        g.q1 AS group_q1, g.q3 AS group_q3, coalesce(g.n, 0) AS group_n,
        (SELECT place FROM kommuner k WHERE k.period = p.period AND k.id = ?) AS rank_all,
        (SELECT place FROM peers k WHERE k.period = p.period AND k.id = ?) AS rank_group
     FROM periods p
     LEFT JOIN v own ON own.period = p.period AND own.id = ?
     LEFT JOIN (
        SELECT period, avg(value) AS mean, median(value) AS median, min(value) AS min, max(value) AS max,
               quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.75) AS q3, count(*) AS n
        FROM v WHERE value IS NOT NULL AND id IN ${groupIn.sql} GROUP BY period
     ) g ON g.period = p.period
     ORDER BY p.period`,
    [r.kpi, r.gender, r.municipalityId, ...groupIn.params, r.municipalityId, r.municipalityId, r.municipalityId, ...groupIn.params],
  );
  return rows.map((x) => ({
    period: String(x.period),
    value: num(x.value),
    status: (x.status as string | null) ?? null,
    riket: num(x.riket),
    allMean: num(x.all_mean),
    allN: Number(x.all_n),
    groupMean: num(x.group_mean),
    groupMedian: num(x.group_median),
    groupMin: num(x.group_min),
    groupMax: num(x.group_max),
    groupQ1: num(x.group_q1),
    groupQ3: num(x.group_q3),
    groupN: Number(x.group_n),
    groupSize: members.length,
    rankAll: num(x.rank_all),
    rankGroup: num(x.rank_group),
  }));
}

export function num(x: unknown): number | null {
  return x === null || x === undefined ? null : Number(x);
}
