import { describe, expect, it } from 'vitest';
import { mergePeriods } from '../../../src/import/store/merge-periods.ts';

describe('periods of stored sets added to the runtime list', () => {
  it('KPI ids named like Object.prototype members are ordinary keys (issue 19.10)', () => {
    const target: Record<string, string[]> = { U31462: ['2020'] };
    mergePeriods(target, JSON.parse('{"constructor":["2021"],"__proto__":["2022"],"toString":["2020","2019"],"U31462":["2021"]}'));
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(target, 'constructor')?.value).toEqual(['2021']);
    expect(Object.getOwnPropertyDescriptor(target, '__proto__')?.value).toEqual(['2022']);
    expect(target.toString).toEqual(['2019', '2020']);
    expect(target.U31462).toEqual(['2020', '2021']);
  });

  it('tampered periods (not lists of text) are skipped, never thrown on', () => {
    const target: Record<string, string[]> = {};
    expect(() => mergePeriods(target, { a: 'x', b: [1, 2], c: null, d: ['2020'] })).not.toThrow();
    expect(() => mergePeriods(target, null)).not.toThrow();
    expect(() => mergePeriods(target, 'text')).not.toThrow();
    expect(Object.keys(target)).toEqual(['d']);
  });
});
