import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/import/parse/parse-number.ts';

const ok = (value: number | null, status?: string) => (status ? { ok: true, value, status } : { ok: true, value });

describe('parseNumber', () => {
  it.each([
    ['12,3', ',', 12.3],
    ['12.3', '.', 12.3],
    ['12.3', ',', 12.3], // a lone point in a comma file is still a decimal point
    ['12,3', '.', 12.3],
    ['1 234', ',', 1234],
    ['1\u00a0234', ',', 1234],
    ['1\u202f234', ',', 1234],
    ['1 234 567,5', ',', 1234567.5],
    ['1 234,5', ',', 1234.5],
    ['12,3 %', ',', 12.3],
    ['12,3%', ',', 12.3],
    ['\u22125', ',', -5],
    ['-5', ',', -5],
    ['\u22121\u00a0234,5', ',', -1234.5],
    ['+7', '.', 7],
    ['1.234,5', '.', 1234.5], // both separators: the last one is the decimal
    ['1,234.5', ',', 1234.5],
    ['1.234', ',', 1234], // grouping in a comma file
    ['1.234', '.', 1.234],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['1.234.567', '.', 1234567],
    [',5', ',', 0.5],
    ['5,', ',', 5],
    ['1.5e-5', '.', 1.5e-5],
    ['  42  ', '.', 42],
    ['-0', '.', 0],
  ] as const)('%s (decimal %s) → %d', (text, dec, value) => {
    expect(parseNumber(text, dec)).toEqual(ok(value));
  });

  it('reads empty and status markers as missing', () => {
    expect(parseNumber('')).toEqual(ok(null));
    expect(parseNumber('   ')).toEqual(ok(null));
    expect(parseNumber('-')).toEqual(ok(null, '-'));
    expect(parseNumber('\u2013')).toEqual(ok(null, '-'));
    expect(parseNumber('..')).toEqual(ok(null, '..'));
    expect(parseNumber('.')).toEqual(ok(null, '.'));
  });

  it.each(['abc', '12 34', '1,2,3', '1.2.3', '12,3,4 %', '--5', '1e', '1 234 5', '%', '12a', 'NaN', 'Infinity', '1,23.4', '1 2,5'])(
    'refuses %s with a Swedish message',
    (text) => {
      const r = parseNumber(text, ',');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/Kan inte tolka|för stort/);
    },
  );

  it('refuses numbers too large for a double', () => {
    const r = parseNumber('9'.repeat(400), '.');
    expect(r.ok).toBe(false);
  });
});
