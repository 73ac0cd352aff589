import { genderSlice, type KpiSlice } from './slice.ts';
import type { MemberValue, MemberValuesRequest } from '../member-values.ts';
import { byText } from './quantile.ts';
import { periodIndex, rowsOf } from './period-index.ts';

/** queryMemberValues from the KPI's rows held in the page: every row of the given kommuner, by id and period. */
export function memberValuesFromSlice(slice: KpiSlice, r: MemberValuesRequest): MemberValue[] {
  const ids = new Set(r.municipalityIds);
  const out: MemberValue[] = [];
  const g = genderSlice(slice, r.gender);
  for (const period of g.periods) {
    const p = periodIndex(g, period);
    for (const id of ids) for (const row of rowsOf(p, id)) out.push({ id, period, value: row.value, status: row.status });
  }
  return out.sort((a, b) => byText(a.id, b.id) || byText(a.period, b.period));
}
