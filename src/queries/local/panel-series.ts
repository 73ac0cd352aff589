import { RIKET_ID } from '../../data/contract.ts';
import { genderSlice, type KpiSlice } from './slice.ts';
import type { PanelPoint, PanelSeriesRequest } from '../panel-series.ts';
import { ascending, maxOf, mean, median, quantileCont } from './quantile.ts';

/** queryPanelSeries computed from the KPI's rows held in the page (same statistics, same order). */
export function panelSeriesFromSlice(slice: KpiSlice, r: PanelSeriesRequest): PanelPoint[] {
  const members = r.members.filter((m) => m !== r.municipalityId);
  const inGroup = new Set(members);
  const better = r.higherIsBetter === false ? (x: number, v: number) => x < v : (x: number, v: number) => x > v;
  const place = (values: number[], v: number) => 1 + values.reduce((n, x) => (better(x, v) ? n + 1 : n), 0);
  const g = genderSlice(slice, r.gender);
  return g.periods.map((period) => {
    let value: number | null = null;
    let status: string | null = null;
    let riket: number | null = null;
    const all: number[] = [];
    const group: number[] = [];
    for (const row of g.byPeriod.get(period)!) {
      if (row.id === r.municipalityId) {
        value = maxOf(value, row.value);
        status = maxOf(status, row.status);
      }
      if (row.id === RIKET_ID) riket = maxOf(riket, row.value);
      if (row.value === null) continue;
      if (!row.id.startsWith('00')) all.push(row.value);
      if (inGroup.has(row.id)) group.push(row.value);
    }
    all.sort(ascending);
    group.sort(ascending);
    return {
      period,
      value,
      status,
      riket,
      allMean: mean(all),
      allN: all.length,
      allQ1: quantileCont(all, 0.25),
      allQ3: quantileCont(all, 0.75),
      groupMean: mean(group),
      groupMedian: median(group),
      groupMin: group.length ? group[0] : null,
      groupMax: group.length ? group[group.length - 1] : null,
      groupQ1: quantileCont(group, 0.25),
      groupQ3: quantileCont(group, 0.75),
      groupN: group.length,
      groupSize: members.length,
      rankAll: value === null ? null : place(all, value),
      rankGroup: value === null ? null : place(group, value),
    };
  });
}
