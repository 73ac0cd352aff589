import type { Database } from '../engine/database.ts';
import type { Gender } from '../data/contract.ts';
import { T } from '../data/schema.ts';
import { ID_LIST_SEP, fitsIdList, inList } from './sql-helpers.ts';
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
  return rows.map(toMemberValue);
}

function toMemberValue(x: Record<string, unknown>): MemberValue {
  return { id: String(x.id), period: String(x.period), value: num(x.value), status: (x.status as string | null) ?? null };
}

/**
 * Requests that can share one statement: all of them (KPI, gender and kommuner may differ: a liknande
 * choice gives each KPI area its own group, and a KPI without a gender split asks T on a page showing
 * women). Ids that would not survive the list parameter get a batch of their own.
 */
export function memberValuesBatchKey(r: MemberValuesRequest): string {
  return !fitsIdList(r.municipalityIds) ? JSON.stringify([r.gender, [...new Set(r.municipalityIds)].sort()]) : 'list';
}

/** Answers the requests of one batch (memberValuesBatchKey) with one statement; result i answers request i. */
export async function queryMemberValuesBatch(db: Database, rs: readonly MemberValuesRequest[]): Promise<MemberValue[][]> {
  if (rs.some((r) => !fitsIdList(r.municipalityIds))) return Promise.all(rs.map((r) => queryMemberValues(db, r)));
  if (rs.length === 0) return [];
  const kpis = inList([...new Set(rs.map((r) => r.kpi))]);
  const rows = await db.query(
    `WITH req(i, kpi, gender, ids) AS (VALUES ${rs.map(() => '(?::INTEGER, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR)').join(', ')}),
     mem AS (SELECT i, kpi, gender, unnest(string_split(ids, '${ID_LIST_SEP}')) AS id FROM req WHERE ids <> '')
     SELECT mem.i, x.municipality_id AS id, x.period, x.value, x.status
     FROM ${T.values} x JOIN mem ON x.kpi = mem.kpi AND x.gender = mem.gender AND x.municipality_id = mem.id
     WHERE x.kpi IN ${kpis.sql}
     ORDER BY mem.i, x.municipality_id, x.period`,
    [...rs.flatMap((r, i) => [i, r.kpi, r.gender, [...new Set(r.municipalityIds)].join(ID_LIST_SEP)]), ...kpis.params],
  );
  const out: MemberValue[][] = rs.map(() => []);
  for (const x of rows) out[Number(x.i)].push(toMemberValue(x));
  return out;
}
