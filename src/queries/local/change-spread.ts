import { genderSlice, type KpiSlice } from './slice.ts';
import type { ChangeSpread, ChangeSpreadRequest } from '../change-spread.ts';
import { ascending, median, quantileCont } from './quantile.ts';

const YEAR = /^\d{4}$/;

/** queryChangeSpread from the KPI's rows held in the page: yearly values of kommuner, consecutive years of one kommun. */
export function changeSpreadFromSlice(slice: KpiSlice, r: ChangeSpreadRequest): ChangeSpread {
  const g = genderSlice(slice, r.gender);
  const byIdYear = new Map<string, number[]>();
  for (const period of g.periods) {
    if (!YEAR.test(period)) continue;
    for (const row of g.byPeriod.get(period)!) {
      if (row.value === null || row.id.startsWith('00')) continue;
      const key = `${row.id}\0${Number(period)}`;
      const list = byIdYear.get(key);
      if (list) list.push(row.value);
      else byIdYear.set(key, [row.value]);
    }
  }
  const changes: number[] = [];
  for (const [key, values] of byIdYear) {
    const [id, year] = key.split('\0');
    const next = byIdYear.get(`${id}\0${Number(year) + 1}`);
    if (next) for (const a of values) for (const b of next) changes.push(Math.abs(b - a));
  }
  changes.sort(ascending);
  return { n: changes.length, medianAbs: median(changes), p90Abs: quantileCont(changes, 0.9) };
}
