import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { num } from './panel-series.ts';

export interface RankingRequest {
  kpi: string;
  period: string;
  gender: Gender;
  higherIsBetter: boolean | null;
}

export interface RankingRow {
  id: string;
  value: number | null;
  status: string | null;
  /** null for kommuner without a value (excluded from the ranking but counted) */
  place: number | null;
}

/** All kommuner for one KPI and period, best first; ties share a place, missing values last. */
export async function queryRanking(db: Database, r: RankingRequest): Promise<RankingRow[]> {
  const order = r.higherIsBetter === false ? 'ASC' : 'DESC';
  const rows = await db.query(
    `SELECT municipality_id AS id, value, status,
        CASE WHEN value IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY value IS NULL ORDER BY value ${order}) END AS place
     FROM ${T.values}
     WHERE kpi = ? AND period = ? AND gender = ? AND NOT starts_with(municipality_id, '00')
     ORDER BY value IS NULL, value ${order}, municipality_id`,
    [r.kpi, r.period, r.gender],
  );
  return rows.map((x) => ({ id: String(x.id), value: num(x.value), status: (x.status as string | null) ?? null, place: num(x.place) }));
}
