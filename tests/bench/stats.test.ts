import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distribution, median, percentile } from '../../bench/stats.ts';

describe('bench percentiles', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('is NaN for an empty sample and refuses p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('median averages the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('percentiles are members of the sample and ordered p50 ≤ p95 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const d = distribution(xs);
        expect(xs).toContain(d.p50);
        expect(xs).toContain(d.p95);
        expect(d.min).toBeLessThanOrEqual(d.p50);
        expect(d.p50).toBeLessThanOrEqual(d.p95);
        expect(d.p95).toBeLessThanOrEqual(d.max);
        expect(d.n).toBe(xs.length);
      }),
    );
  });

  it('does not reorder the caller’s array', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
