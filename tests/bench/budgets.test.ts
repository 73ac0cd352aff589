import { describe, expect, it } from 'vitest';
import { BUDGETS, compareAll, compareBudget, type Budget } from '../../bench/budgets.ts';

const maxMs: Budget = { id: 'x', label: 'X', kind: 'max', limit: 300, unit: 'ms' };
const minRatio: Budget = { id: 'y', label: 'Y', kind: 'min', limit: 4, unit: '×' };

describe('budget comparison', () => {
  it('passes a max budget at or below the limit and tells by how much it was missed', () => {
    expect(compareBudget(maxMs, 300)).toMatchObject({ pass: true, over: 0, factor: 1 });
    expect(compareBudget(maxMs, 450)).toMatchObject({ pass: false, over: 150, factor: 1.5 });
    expect(compareBudget(maxMs, 120)).toMatchObject({ pass: true, over: -180 });
  });

  it('passes a min budget at or above the limit', () => {
    expect(compareBudget(minRatio, 4)).toMatchObject({ pass: true, over: 0 });
    expect(compareBudget(minRatio, 22)).toMatchObject({ pass: true, over: -18 });
    expect(compareBudget(minRatio, 2)).toMatchObject({ pass: false, over: 2, factor: 2 });
  });

  it('a missing measurement is a MISS, never a PASS', () => {
    for (const m of [null, undefined, Number.NaN, Infinity])
      expect(compareBudget(maxMs, m)).toMatchObject({ pass: false, measured: null, over: null });
  });

  it('compares every budget of issue 8 by id', () => {
    const r = compareAll({ firstChartMs: 200, ingestVsNative: 0.5 });
    expect(r.map((x) => x.budget.id)).toEqual(BUDGETS.map((b) => b.id));
    expect(r.find((x) => x.budget.id === 'firstChartMs')?.pass).toBe(true);
    expect(r.find((x) => x.budget.id === 'ingestVsNative')?.pass).toBe(false);
    expect(r.find((x) => x.budget.id === 'duckdbInteractiveMs')?.measured).toBeNull();
    expect(BUDGETS.find((b) => b.id === 'bytesBeforeChartGzipKb')).toMatchObject({ kind: 'max', limit: 150, unit: 'kB' });
  });
});
