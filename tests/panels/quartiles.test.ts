import { describe, expect, it } from 'vitest';
import { QUARTILE_LABEL, quartileClass, quartileCuts, valuePosition } from '../../src/panels/quartiles.ts';

describe('Kolada-style quartiles', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90];
  const cuts = quartileCuts([...values, null])!;

  it('cuts at the 25th and 75th percentile of the values present, ignoring missing', () => {
    expect(cuts).toEqual({ q1: 30, q3: 70, n: 9 });
    expect(quartileCuts([null, null])).toBeNull();
  });

  it('splits 25/50/25 by value', () => {
    expect(values.map((v) => valuePosition(v, cuts))).toEqual(['low', 'low', 'low', 'middle', 'middle', 'middle', 'high', 'high', 'high']);
  });

  it('reads the position through the direction', () => {
    expect(quartileClass(90, cuts, true)).toBe('best');
    expect(quartileClass(90, cuts, false)).toBe('worst');
    expect(quartileClass(10, cuts, false)).toBe('best');
    expect(quartileClass(50, cuts, true)).toBe('middle');
    expect(quartileClass(90, cuts, null)).toBe('neutral-high');
    expect(quartileClass(null, cuts, true)).toBe('missing');
    expect(QUARTILE_LABEL[quartileClass(10, cuts, null)]).toBe('lägsta fjärdedelen');
  });

  it('puts everyone in the middle when all values are equal', () => {
    const flat = quartileCuts([5, 5, 5, 5])!;
    expect(quartileClass(5, flat, true)).toBe('middle');
  });
});
