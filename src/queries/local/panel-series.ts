import { RIKET_ID } from '../../data/contract.ts';
import { genderSlice, type KpiSlice } from './slice.ts';
import type { PanelPoint, PanelSeriesRequest } from '../panel-series.ts';
import { maxOf, mean, median, quantileCont } from './quantile.ts';
import { countBetter, periodIndex, rowsOf } from './period-index.ts';

/** queryPanelSeries computed from the KPI's rows held in the page (same statistics, same order). */
export function panelSeriesFromSlice(slice: KpiSlice, r: PanelSeriesRequest): PanelPoint[] {
  const members = r.members.filter((m) => m !== r.municipalityId);
  const inGroup = new Set(members);
  const higherIsBetter = r.higherIsBetter !== false;
  const g = genderSlice(slice, r.gender);
  return g.periods.map((period) => {
    const p = periodIndex(g, period);
    let value: number | null = null;
    let status: string | null = null;
    for (const row of rowsOf(p, r.municipalityId)) {
      value = maxOf(value, row.value);
      status = maxOf(status, row.status);
    }
    let riket: number | null = null;
    for (const row of rowsOf(p, RIKET_ID)) riket = maxOf(riket, row.value);
    const values: number[] = [];
    for (const id of inGroup) for (const row of rowsOf(p, id)) if (row.value !== null) values.push(row.value);
    const group = Float64Array.from(values).sort();
    return {
      period,
      value,
      status,
      riket,
      allMean: p.allMean,
      allN: p.all.length,
      allQ1: p.allQ1,
      allQ3: p.allQ3,
      groupMean: mean(group),
      groupMedian: median(group),
      groupMin: group.length ? group[0] : null,
      groupMax: group.length ? group[group.length - 1] : null,
      groupQ1: quantileCont(group, 0.25),
      groupQ3: quantileCont(group, 0.75),
      groupN: group.length,
      groupSize: members.length,
      rankAll: value === null ? null : 1 + countBetter(p.all, value, higherIsBetter),
      rankGroup: value === null ? null : 1 + countBetter(group, value, higherIsBetter),
    };
  });
}
