import type { Gender } from '../../data/contract.ts';
import { byText } from './quantile.ts';

export interface SliceRow {
  id: string;
  value: number | null;
  status: string | null;
}

/** One KPI in one gender: its rows by period, periods in SQL order. */
export interface GenderSlice {
  periods: string[];
  byPeriod: Map<string, SliceRow[]>;
}

/** Every row of one KPI as the engine holds it (base data and applied imports), by gender. */
export type KpiSlice = ReadonlyMap<string, GenderSlice>;

/** Adds one row to a KPI's slice being built (periods in arrival order until finishSlice). */
export function addSliceRow(byGender: Map<string, GenderSlice>, gender: string, period: string, row: SliceRow): void {
  let g = byGender.get(gender);
  if (!g) byGender.set(gender, (g = { periods: [], byPeriod: new Map() }));
  let list = g.byPeriod.get(period);
  if (!list) {
    g.byPeriod.set(period, (list = []));
    g.periods.push(period);
  }
  list.push(row);
}

/** Puts each gender's periods in SQL order (byText). */
export function finishSlice(byGender: Map<string, GenderSlice>): KpiSlice {
  for (const g of byGender.values()) g.periods.sort(byText);
  return byGender;
}

export const EMPTY_GENDER_SLICE: GenderSlice = { periods: [], byPeriod: new Map() };

export function genderSlice(slice: KpiSlice, gender: Gender | string): GenderSlice {
  return slice.get(gender) ?? EMPTY_GENDER_SLICE;
}
