import type { GenderSlice, SliceRow } from './slice.ts';
import { mean, quantileCont } from './quantile.ts';

/**
 * What every question about one KPI, gender and period shares, whichever kommun and group it is about:
 * the rows by kommun and the all-kommuner statistics. Worked out once per held slice, so that a change
 * of kommun or group reads a few rows instead of going through every kommun's.
 */
export interface PeriodIndex {
  /** the period's rows by municipality id (several rows for one id count as SQL counts them) */
  byId: ReadonlyMap<string, readonly SliceRow[]>;
  /** every kommun's value (ids not starting with 00, nulls left out), ascending */
  all: Float64Array;
  allMean: number | null;
  allQ1: number | null;
  allQ3: number | null;
}

const EMPTY_ROWS: readonly SliceRow[] = [];
const built = new WeakMap<GenderSlice, Map<string, PeriodIndex>>();

export function periodIndex(g: GenderSlice, period: string): PeriodIndex {
  let periods = built.get(g);
  if (!periods) built.set(g, (periods = new Map()));
  let p = periods.get(period);
  if (!p) periods.set(period, (p = build(g.byPeriod.get(period) ?? EMPTY_ROWS)));
  return p;
}

/** Whether the period's index is built already (read-ahead builds them at idle moments, kpi-index.ts). */
export function isIndexed(g: GenderSlice, period: string): boolean {
  return built.get(g)?.has(period) ?? false;
}

/** The rows of one municipality in a period (none: empty). */
export function rowsOf(p: PeriodIndex, id: string): readonly SliceRow[] {
  return p.byId.get(id) ?? EMPTY_ROWS;
}

function build(rows: readonly SliceRow[]): PeriodIndex {
  const byId = new Map<string, SliceRow[]>();
  const values: number[] = [];
  for (const row of rows) {
    const list = byId.get(row.id);
    if (list) list.push(row);
    else byId.set(row.id, [row]);
    if (row.value !== null && !row.id.startsWith('00')) values.push(row.value);
  }
  const all = Float64Array.from(values).sort();
  return { byId, all, allMean: mean(all), allQ1: quantileCont(all, 0.25), allQ3: quantileCont(all, 0.75) };
}

/** How many of the ascending `sorted` values rank before `v`: larger ones when higher is better, else smaller. */
export function countBetter(sorted: ArrayLike<number>, v: number, higherIsBetter: boolean): number {
  // first index whose value is > v (higher is better) or >= v (lower is better)
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (higherIsBetter ? sorted[mid] <= v : sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return higherIsBetter ? sorted.length - lo : lo;
}
