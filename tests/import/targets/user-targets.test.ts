import { describe, expect, it } from 'vitest';
import { collapseTargets, decodeTarget, encodeTarget, expandTargets, targetProblem } from '../../../src/import/targets/user-targets.ts';
import { sick, ystad } from './targets-fixtures.ts';
import { parseView, serializeView, DEFAULT_VIEW } from '../../../src/state/view-state.ts';

describe('målvärden', () => {
  it('a span becomes one contract row per year and back', () => {
    const rows = expandTargets([ystad, sick]);
    expect(rows.map((r) => `${r.municipality_id} ${r.kpi} ${r.period} ${r.comparison} ${r.target}`)).toEqual([
      '1286 U31462 2022 >= 90',
      '1286 U31462 2023 >= 90',
      '1286 U31462 2024 >= 90',
      '1861 X90001 2023 <= 7.5',
    ]);
    expect(collapseTargets(rows)).toEqual([ystad, sick]);
  });

  it('travels in a permalink and back, and malformed link values are dropped', () => {
    const view = { ...DEFAULT_VIEW, targets: [encodeTarget(ystad), encodeTarget(sick)] };
    const url = serializeView(view);
    expect(url).toMatch(/mal=1286~U31462~ge~90~2022-2024~/);
    const back = parseView(url);
    expect(back.targets.map(decodeTarget)).toEqual([ystad, sick]);
    for (const bad of [
      '',
      '1286~U31462~gt~90~2022',
      '12~U31462~ge~90~2022',
      '1286~U3 1462~ge~90~2022',
      '1286~U31462~ge~NaN~2022',
      '1286~U31462~ge~1~2024-2020',
      '1286~constructor~ge~1~1800',
    ]) {
      expect(decodeTarget(bad), bad).toBeNull();
    }
    expect(decodeTarget('1286~constructor~le~1~2020')).toMatchObject({ kpi: 'constructor', comparison: '<=' });
  });

  it('says what is wrong with a target', () => {
    expect(targetProblem({ ...ystad, to: '2021' })).toMatch(/före startåret/);
    expect(targetProblem({ ...ystad, target: NaN })).toMatch(/tal/);
    expect(targetProblem(ystad)).toBeNull();
  });
});
