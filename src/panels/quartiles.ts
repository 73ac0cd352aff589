import { quantileSorted } from 'd3';

/** Where a value lies among all kommuner's values: highest quarter, middle half or lowest quarter. */
export type ValuePosition = 'high' | 'middle' | 'low';
/** The same position read through the KPI's direction; 'neutral-*' when the KPI has no better direction. */
export type QuartileClass = 'best' | 'middle' | 'worst' | 'neutral-high' | 'neutral-middle' | 'neutral-low' | 'missing';

export interface QuartileCuts {
  q1: number;
  q3: number;
  /** kommuner with a value */
  n: number;
}

/** The 25th and 75th percentiles (linear interpolation, as d3.quantile) of the values present; null when none. */
export function quartileCuts(values: Iterable<number | null>): QuartileCuts | null {
  const sorted = [...values].filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { q1: quantileSorted(sorted, 0.25)!, q3: quantileSorted(sorted, 0.75)!, n: sorted.length };
}

/** Kolada-style 25/50/25 split by value; ties at a cut fall in the outer class; all-equal values are all 'middle'. */
export function valuePosition(value: number, cuts: QuartileCuts): ValuePosition {
  if (cuts.q1 === cuts.q3) return 'middle';
  if (value >= cuts.q3) return 'high';
  if (value <= cuts.q1) return 'low';
  return 'middle';
}

/** higherIsBetter: true/false from the KPI's direction, null when neither is better. */
export function quartileClass(value: number | null, cuts: QuartileCuts | null, higherIsBetter: boolean | null): QuartileClass {
  if (value === null || cuts === null) return 'missing';
  const pos = valuePosition(value, cuts);
  if (higherIsBetter === null) return pos === 'high' ? 'neutral-high' : pos === 'low' ? 'neutral-low' : 'neutral-middle';
  if (pos === 'middle') return 'middle';
  return (pos === 'high') === higherIsBetter ? 'best' : 'worst';
}

/** Swedish label; written beside any colour, never colour alone. */
export const QUARTILE_LABEL: Record<QuartileClass, string> = {
  best: 'bästa fjärdedelen',
  middle: 'mittersta hälften',
  worst: 'sämsta fjärdedelen',
  'neutral-high': 'högsta fjärdedelen',
  'neutral-middle': 'mittersta hälften',
  'neutral-low': 'lägsta fjärdedelen',
  missing: 'värde saknas',
};
