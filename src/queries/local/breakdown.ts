import type { Gender } from '../../data/contract.ts';
import { genderSlice, type KpiSlice } from './slice.ts';
import type { BreakdownRequest, BreakdownRow } from '../breakdown.ts';
import { byText } from './quantile.ts';

/** queryBreakdown from the KPIs' rows held in the page: one kommun's values, by KPI, gender and period. */
export function breakdownFromSlices(slices: ReadonlyMap<string, KpiSlice>, r: BreakdownRequest): BreakdownRow[] {
  const out: BreakdownRow[] = [];
  for (const kpi of [...new Set(r.kpis)].sort(byText))
    for (const gender of [...new Set(r.genders)].sort(byText)) {
      const g = genderSlice(slices.get(kpi)!, gender);
      for (const period of g.periods)
        for (const row of g.byPeriod.get(period)!)
          if (row.id === r.municipalityId) out.push({ kpi, gender: gender as Gender, period, value: row.value, status: row.status });
    }
  return out;
}
