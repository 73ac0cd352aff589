import { genderSlice, type KpiSlice } from './slice.ts';
import type { ChangeSpread, ChangeSpreadRequest } from '../change-spread.ts';
import { median, quantileCont } from './quantile.ts';
import { periodIndex, rowsOf } from './period-index.ts';

const YEAR = /^\d{4}$/;

/** queryChangeSpread from the KPI's rows held in the page: yearly values of kommuner, consecutive years of one kommun. */
export function changeSpreadFromSlice(slice: KpiSlice, r: ChangeSpreadRequest): ChangeSpread {
  const g = genderSlice(slice, r.gender);
  const changes: number[] = [];
  for (const period of g.periods) {
    const next = String(Number(period) + 1);
    if (!YEAR.test(period) || !g.byPeriod.has(next)) continue;
    const later = periodIndex(g, next);
    // a kommun may have more than one row in a period: every pair counts, as in SQL
    for (const [id, rows] of periodIndex(g, period).byId) {
      if (id.startsWith('00')) continue;
      for (const a of rows)
        if (a.value !== null) for (const b of rowsOf(later, id)) if (b.value !== null) changes.push(Math.abs(b.value - a.value));
    }
  }
  const sorted = Float64Array.from(changes).sort();
  return { n: sorted.length, medianAbs: median(sorted), p90Abs: quantileCont(sorted, 0.9) };
}
