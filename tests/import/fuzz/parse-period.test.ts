import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthNameSv, parsePeriod } from '../../../src/import/parse/parse-period.ts';
import { PERIOD } from '../../../src/data/contract.ts';
import { isSwedishMessage, nastyString } from './arbitraries.ts';

const pad = (n: number) => String(n).padStart(2, '0');

describe('fuzz parsePeriod', () => {
  it('never throws; successes match the contract PERIOD, failures are Swedish', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString, fc.integer()), (s) => {
        const r = parsePeriod(s);
        if (r.ok) expect(PERIOD.test(r.period)).toBe(true);
        else expect(isSwedishMessage(r.error)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every written form of a month back to YYYY-MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 7 }), (y, m, form) => {
        const name = monthNameSv(m);
        const text = [
          `${y}-${pad(m)}`,
          `${y}-${m}`,
          `${y}M${pad(m)}`,
          `${name} ${y}`,
          `${name.slice(0, 3)} ${y}`,
          `${name[0].toUpperCase()}${name.slice(1)} ${y}`,
          `${y} ${name}`,
          `${y}${pad(m)}`,
        ][form];
        expect(parsePeriod(text)).toEqual({ ok: true, period: `${y}-${pad(m)}` });
      }),
      { numRuns: 700 },
    );
  });

  it('reads every written form of a quarter back to YYYY-Qn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), (y, q, form) => {
        const text = [`${y}-Q${q}`, `${y}Q${q}`, `${y} K${q}`, `kvartal ${q} ${y}`, `Q${q} ${y}`, `${y} kv${q}`][form];
        expect(parsePeriod(text)).toEqual({ ok: true, period: `${y}-Q${q}` });
      }),
      { numRuns: 300 },
    );
  });
});
