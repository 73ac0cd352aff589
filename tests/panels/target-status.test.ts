import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/data/contract.ts';
import { targetFigure, targetYears, targetYearsStatement } from '../../src/panels/target-status.ts';

const t = (period: string, target = 90, comparison: '>=' | '<=' = '>=', source_text = 'Socialnämndens plan'): Target => ({
  municipality_id: '1286',
  kpi: 'U31462',
  period,
  target,
  comparison,
  source_text,
});
// Ystad U31462 as in the acceptance figures: 82, 88, 92 for 2019–2021
const points = [
  { period: '2019', value: 82 },
  { period: '2020', value: 88 },
  { period: '2021', value: 92 },
  { period: '2022', value: null },
];

describe('målvärden year by year', () => {
  it('says met or not met for each year of a span, and which years lack an outcome', () => {
    const ts = ['2019', '2020', '2021', '2022'].map((y) => t(y));
    expect(targetYears(ts, points).map((y) => y.met)).toEqual([false, false, true, null]);
    expect(targetYearsStatement(ts, points, '%')).toBe(
      'Målet ≥ 90\u00a0% (Socialnämndens plan): nåddes 2021 (92\u00a0%); nåddes inte 2019 (82\u00a0%) och 2020 (88\u00a0%); utfall saknas för 2022.',
    );
  });
  it('≤ targets and different values per year', () => {
    const s = targetYearsStatement([t('2019', 85, '<='), t('2020', 90, '<=')], points, '%');
    expect(s).toBe(
      'Målet ≤ 85\u00a0% (Socialnämndens plan): nåddes 2019 (82\u00a0%). Målet ≤ 90\u00a0% (Socialnämndens plan): nåddes 2020 (88\u00a0%).',
    );
    expect(targetFigure([t('2021')], '2021', 92, '%')).toBe('Målet ≥ 90\u00a0% nåddes 2021.');
    expect(targetFigure([t('2021')], '2020', 88, '%')).toBeNull();
  });
});
