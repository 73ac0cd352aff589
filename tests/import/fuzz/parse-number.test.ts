import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/import/parse/parse-number.ts';
import { finiteNumber, isSwedishMessage, nastyString } from './arbitraries.ts';

const sv = new Intl.NumberFormat('sv-SE', { maximumSignificantDigits: 17, useGrouping: true });
const en = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 17, useGrouping: true });

describe('fuzz parseNumber', () => {
  it('never throws; every failure has a Swedish message; every success is finite or missing', () => {
    fc.assert(
      fc.property(nastyString, fc.constantFrom(',' as const, '.' as const), (s, dec) => {
        const r = parseNumber(s, dec);
        if (r.ok) expect(r.value === null || Number.isFinite(r.value)).toBe(true);
        else expect(isSwedishMessage(r.error)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips a number written the Swedish way (NBSP groups, U+2212, decimal comma)', () => {
    fc.assert(
      fc.property(finiteNumber, fc.constantFrom('', ' %', '%'), fc.constantFrom('\u00a0', ' ', '\u202f'), (v, suffix, space) => {
        const text = sv.format(v).replaceAll('\u00a0', space) + suffix;
        expect(parseNumber(text, ',')).toEqual({ ok: true, value: v });
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips plain and en-US numbers in a point file, String(v) in both', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const want = Object.is(v, -0) ? 0 : v;
        expect(parseNumber(String(v), '.')).toEqual({ ok: true, value: want });
        expect(parseNumber(String(v).replace('.', ','), ',')).toEqual({ ok: true, value: want });
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(finiteNumber, (v) => {
        expect(parseNumber(en.format(v), '.')).toEqual({ ok: true, value: v });
      }),
      { numRuns: 500 },
    );
  });
});
