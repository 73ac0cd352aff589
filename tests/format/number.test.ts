import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatNumber,
  formatPeriod,
  formatPlaceWithDirection,
  formatValue,
  rankDirection,
  roundHalfAway,
} from '../../src/format/number.ts';

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('Swedish number formatting', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(nb(formatNumber(1234.5))).toBe('1 234,5');
    expect(nb(formatValue(1234567.8, 'kr/inv'))).toBe('1 234 568 kr/inv');
    expect(nb(formatValue(12.34, '%'))).toBe('12,3 %');
  });
  it('writes exactly what Intl.NumberFormat sv-SE writes (which it no longer loads on the first page)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const values = [
      0,
      0.5,
      999,
      1000,
      999.95,
      99999.5,
      1e6,
      -0.04,
      -1234.5,
      123456789.123,
      2 ** 40,
      9.99e14,
      3e15,
      ...Array.from({ length: 2000 }, (_, i) => random() * 10 ** (i % 12)),
    ];
    for (const v of values)
      for (const [max, min] of [
        [0, 0],
        [1, 0],
        [1, 1],
        [2, 0],
        [2, 2],
        [3, 1],
      ]) {
        const intl = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: min, maximumFractionDigits: max }).format(
          roundHalfAway(v, max),
        );
        expect(formatNumber(v, max, min), `${v} ${max} ${min}`).toBe(intl);
      }
  });
  it('never formats a missing value as 0', () => {
    expect(formatValue(null, '%')).toBe('–');
    expect(formatValue(Number.NaN, '%')).toBe('–');
  });
  it('keeps trailing zeros when asked, and in changes', () => {
    expect(nb(formatValue(8, '%'))).toBe('8 %');
    expect(nb(formatValue(8, '%', 1, 1))).toBe('8,0 %');
    expect(nb(formatChange(-1, '%'))).toBe('−1,0 procentenheter');
    expect(nb(formatChange(48, 'kr/inv'))).toBe('+48 kr/inv');
    expect(nb(formatChange(0, '%'))).toBe('±0,0 procentenheter');
  });
  it('never groups years and writes months in Swedish', () => {
    expect(formatPeriod('2024')).toBe('2024');
    expect(formatPeriod('2023-01')).toBe('januari 2023');
    expect(formatPeriod('2023-Q1')).toBe('kvartal 1 2023');
  });
});

describe('rounding and direction (issue 14)', () => {
  it('rounds half away from zero from the decimal digits: a median of 7,4 and 7,5 shows 7,5', () => {
    const median = (7.4 + 7.5) / 2;
    expect(nb(formatValue(median, '%'))).toBe('7,5 %');
    expect(nb(formatNumber(-7.45, 1))).toBe('−7,5');
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
  });
  it('takes the sign of a change after rounding', () => {
    expect(nb(formatChange(-0.04, '%'))).toBe('±0,0 procentenheter');
    expect(nb(formatChange(-0.4, 'kr/inv'))).toBe('±0 kr/inv');
    expect(nb(formatChange(-0.06, '%'))).toBe('−0,1 procentenheter');
  });
  it('states which end is place 1', () => {
    expect(formatPlaceWithDirection(3, 8, true)).toBe('plats 3 av 8, högst värde = plats 1');
    expect(formatPlaceWithDirection(3, 8, null)).toBe('plats 3 av 8, högst värde = plats 1');
    expect(formatPlaceWithDirection(3, 8, false)).toBe('plats 3 av 8, lägst värde = plats 1');
    expect(rankDirection(null)).not.toMatch(/bättre|sämre/);
  });
  it('puts the noun in the right number', () => {
    expect(nb(formatCount(1, 'rad', 'rader'))).toBe('1 rad');
    expect(nb(formatCount(0, 'rad', 'rader'))).toBe('0 rader');
    expect(nb(formatCount(1234, 'rad', 'rader'))).toBe('1 234 rader');
  });
});
