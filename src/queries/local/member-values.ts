import { genderSlice, type KpiSlice } from './slice.ts';
import type { MemberValue, MemberValuesRequest } from '../member-values.ts';
import { byText } from './quantile.ts';

/** queryMemberValues from the KPI's rows held in the page: every row of the given kommuner, by id and period. */
export function memberValuesFromSlice(slice: KpiSlice, r: MemberValuesRequest): MemberValue[] {
  const ids = new Set(r.municipalityIds);
  const out: MemberValue[] = [];
  const g = genderSlice(slice, r.gender);
  for (const period of g.periods)
    for (const row of g.byPeriod.get(period)!) if (ids.has(row.id)) out.push({ id: row.id, period, value: row.value, status: row.status });
  return out.sort((a, b) => byText(a.id, b.id) || byText(a.period, b.period));
}
