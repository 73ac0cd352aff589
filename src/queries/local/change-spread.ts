import { genderSlice, type KpiSlice } from './slice.ts';
import type { ChangeSpread, ChangeSpreadRequest } from '../change-spread.ts';
import { median, quantileCont } from './quantile.ts';

const YEAR = /^\d{4}$/;

/** queryChangeSpread from the KPI's rows held in the page: yearly values of kommuner, consecutive years of one kommun. */
export function changeSpreadFromSlice(slice: KpiSlice, r: ChangeSpreadRequest): ChangeSpread {
  const g = genderSlice(slice, r.gender);
  // per year, each kommun's values (a kommun may have more than one row in a period)
  const byYear = new Map<number, Map<string, number[]>>();
  for (const period of g.periods) {
    if (!YEAR.test(period)) continue;
    const ids = new Map<string, number[]>();
    byYear.set(Number(period), ids);
    for (const row of g.byPeriod.get(period)!) {
      if (row.value === null || row.id.startsWith('00')) continue;
      const list = ids.get(row.id);
      if (list) list.push(row.value);
      else ids.set(row.id, [row.value]);
    }
  }
  const changes: number[] = [];
  for (const [year, ids] of byYear) {
    const next = byYear.get(year + 1);
    if (!next) continue;
    for (const [id, values] of ids) {
      const later = next.get(id);
      if (later) for (const a of values) for (const b of later) changes.push(Math.abs(b - a));
    }
  }
  const sorted = Float64Array.from(changes).sort();
  return { n: sorted.length, medianAbs: median(sorted), p90Abs: quantileCont(sorted, 0.9) };
}
