import { describe, expect, it } from 'vitest';
import { combineYearMonth, parseMonth, parsePeriod } from '../../../src/import/parse/parse-period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2023', '2023'],
    [2023, '2023'],
    ['2023.0', '2023'],
    ['2023-01', '2023-01'],
    ['2023-1', '2023-01'],
    ['2023/12', '2023-12'],
    ['2023M01', '2023-01'],
    ['2023m1', '2023-01'],
    ['202311', '2023-11'],
    ['januari 2023', '2023-01'],
    ['Januari 2023', '2023-01'],
    ['jan 2023', '2023-01'],
    ['jan. 2023', '2023-01'],
    ['maj 2023', '2023-05'],
    ['okt 2023', '2023-10'],
    ['December 2023', '2023-12'],
    ['2023 mars', '2023-03'],
    ['March 2023', '2023-03'],
    ['2023-01-01', '2023-01'],
    ['2024-02-29', '2024-02'],
    ['2023-Q1', '2023-Q1'],
    ['2023Q4', '2023-Q4'],
    ['2023 K1', '2023-Q1'],
    ['2023K2', '2023-Q2'],
    ['2023 kv3', '2023-Q3'],
    ['kvartal 1 2023', '2023-Q1'],
    ['Kvartal 4 2023', '2023-Q4'],
    ['Q2 2023', '2023-Q2'],
    ['K3 2023', '2023-Q3'],
    ['  2023\u00a0K1 ', '2023-Q1'],
  ] as const)('%s → %s', (input, period) => {
    expect(parsePeriod(input)).toEqual({ ok: true, period });
  });

  it.each(['', '23', 'jan-23', '2023-13', '2023-00', '2023-Q5', '1800', '2023-01-15', 'hösten 2023', 'foo', '2023-2024', '12345'])(
    'refuses %s with a Swedish message',
    (input) => {
      const r = parsePeriod(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/period|saknas|månad/i);
    },
  );

  it('parses month cells and combines year and month columns', () => {
    expect(parseMonth('februari')).toBe(2);
    expect(parseMonth('Feb.')).toBe(2);
    expect(parseMonth('13')).toBeNull();
    expect(combineYearMonth('2023', 'januari')).toEqual({ ok: true, period: '2023-01' });
    expect(combineYearMonth('2023', '3')).toEqual({ ok: true, period: '2023-03' });
    expect(combineYearMonth('2023', '')).toEqual({ ok: true, period: '2023' });
    expect(combineYearMonth('2023', 'hösten').ok).toBe(false);
  });
});
