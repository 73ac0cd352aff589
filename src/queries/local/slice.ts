import type { Gender } from '../../data/contract.ts';

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

export const EMPTY_GENDER_SLICE: GenderSlice = { periods: [], byPeriod: new Map() };

export function genderSlice(slice: KpiSlice, gender: Gender | string): GenderSlice {
  return slice.get(gender) ?? EMPTY_GENDER_SLICE;
}
