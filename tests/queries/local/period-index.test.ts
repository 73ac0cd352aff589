import { describe, expect, it } from 'vitest';
import { countBetter, periodIndex, rowsOf } from '../../../src/queries/local/period-index.ts';
import type { GenderSlice } from '../../../src/queries/local/slice.ts';

describe('countBetter', () => {
  const sorted = Float64Array.from([1, 2, 2, 3, 5]);
  it('counts strictly better values, ties not counted, as the SQL rank does', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((v) => countBetter(sorted, v, true))).toEqual([5, 4, 2, 1, 1, 0, 0]);
    expect([0, 1, 2, 3, 4, 5, 6].map((v) => countBetter(sorted, v, false))).toEqual([0, 0, 1, 3, 4, 4, 5]);
    expect(countBetter(new Float64Array(0), 1, true)).toBe(0);
  });
  it('agrees with counting one by one on random values', () => {
    const xs = Array.from({ length: 200 }, (_, i) => Math.round(Math.sin(i * 7.3) * 20) / 2);
    const s = Float64Array.from(xs).sort();
    for (const v of [...xs, -100, 100, 0.25])
      for (const higher of [true, false]) expect(countBetter(s, v, higher)).toBe(xs.filter((x) => (higher ? x > v : x < v)).length);
  });
});

describe('periodIndex', () => {
  const g: GenderSlice = {
    periods: ['2022'],
    byPeriod: new Map([
      [
        '2022',
        [
          { id: '0000', value: 10, status: null },
          { id: '1286', value: 4, status: null },
          { id: '1489', value: null, status: '..' },
          { id: 'constructor', value: 7, status: null },
          { id: '1286', value: 2, status: 'B' },
        ],
      ],
    ]),
  };
  it('keeps every row of an id, leaves Riket, regions and nulls out of the all-kommuner values, and is worked out once', () => {
    const p = periodIndex(g, '2022');
    expect(rowsOf(p, '1286').map((r) => r.value)).toEqual([4, 2]);
    expect(rowsOf(p, 'constructor')).toHaveLength(1);
    expect(rowsOf(p, '__proto__')).toEqual([]);
    expect([...p.all]).toEqual([2, 4, 7]);
    expect(p.allMean).toBeCloseTo(13 / 3, 12);
    expect(periodIndex(g, '2022')).toBe(p);
    expect(periodIndex(g, '1999').all.length).toBe(0);
  });
});
