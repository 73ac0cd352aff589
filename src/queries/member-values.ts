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
  if (r.municipalityIds.length === 0) return [];
  const ids = inList([...new Set(r.municipalityIds)]);
  const rows = await db.query(
    `SELECT municipality_id AS id, period, value, status FROM ${T.values}
     WHERE kpi = ? AND gender = ? AND municipality_id IN ${ids.sql}
     ORDER BY municipality_id, period`,
    [r.kpi, r.gender, ...ids.params],
  );
  return rows.map((x) => ({
    id: String(x.id),
    period: String(x.period),
    value: num(x.value),
    status: (x.status as string | null) ?? null,
  }));
}
