import { FAMILY_IDS } from '../../src/data/liknande-families.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from '../../src/state/view-state.ts';

describe('view state in the query string', () => {
  it('opens an old ?lang=en link as the same view in Swedish and never writes lang back', () => {
    const v = parseView('?lang=en&grupp=lan&kon=K');
    expect(v).toEqual({ ...DEFAULT_VIEW, peer: 'lan', gender: 'K' });
    expect(serializeView(v)).toBe('?grupp=lan&kon=K');
  });

  it('reads the highlighted kommun for the ranking page', () => {
    expect(parseView('?kommun=1489').kommun).toBe('1489');
    expect(parseView('?kpi=U31462&ar=2022&kommun=0180').kommun).toBe('0180');
  });

  it('ignores a malformed kommun', () => {
    for (const bad of ['?kommun=148', '?kommun=14890', '?kommun=abcd', '?kommun=', '?kommun=1489,0180'])
      expect(parseView(bad).kommun).toBeNull();
  });

  it('writes the kommun only when set, and keeps it as a 4-digit string (0180 stays 0180)', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(serializeView({ ...DEFAULT_VIEW, kommun: '0180' })).toBe('?kommun=0180');
    expect(serializeView({ ...DEFAULT_VIEW, kpi: 'U31462', year: '2022', kommun: '1489' })).toBe('?ar=2022&kpi=U31462&kommun=1489');
  });

  it('round-trips any valid view', () => {
    const id = fc.stringMatching(/^[0-9]{4}$/);
    const view = fc.record({
      peer: fc.constantFrom('liknande', 'skr', 'lan', 'alla', 'egen'),
      edition: fc.option(fc.integer({ min: 1991, max: 2099 }), { nil: null }),
      family: fc.option(fc.constantFrom(...FAMILY_IDS), { nil: null }),
      members: fc.uniqueArray(id, { maxLength: 30 }),
      gender: fc.constantFrom('T', 'K', 'M'),
      year: fc.option(fc.constantFrom('2022', '2023-04', '2021-Q2'), { nil: null }),
      kpi: fc.option(fc.stringMatching(/^[A-Z][0-9]{5}$/), { nil: null }),
      kommun: fc.option(id, { nil: null }),
    });
    fc.assert(
      fc.property(view, (partial) => {
        const v = { ...DEFAULT_VIEW, ...partial } as ViewState;
        if (v.peer !== 'egen') v.members = [];
        expect(parseView(serializeView(v))).toEqual(v);
      }),
    );
  });
});
