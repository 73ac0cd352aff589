import { describe, expect, it } from 'vitest';
import { matchKommun, normaliseQuery, withinOneEdit } from '../../src/ui/kommun-match.ts';
import { readKoladaCsv } from '../support/kolada-dir.ts';

/** The real list of kommuner from the Kolada directory (290 names). */
const all = readKoladaCsv('municipalities.csv')
  .filter((r) => r.level === 'kommun' || (r.type === 'K' && !r.municipality_id.startsWith('00')))
  .map((r) => ({ id: r.municipality_id, name: r.name }));
const names = (q: string) => matchKommun(q, all).map((k) => k.name);

describe('kommun search on the real list of kommuner', () => {
  it('has the whole list', () => expect(all.length).toBeGreaterThanOrEqual(290));
  it('finds a kommun by a part of its name: "väsby" → Upplands Väsby', () => expect(names('väsby')).toEqual(['Upplands Väsby']));
  it('ignores a "kommun" suffix, also in the genitive', () => {
    expect(names('Hallsberg kommun')).toEqual(['Hallsberg']);
    expect(names('Hallsbergs kommun')).toEqual(['Hallsberg']);
    expect(names('hallsberg')).toEqual(['Hallsberg']);
  });
  it('tolerates one wrong, missing, extra or swapped letter', () => {
    expect(names('Halsberg')).toEqual(['Hallsberg']);
    expect(names('Hallsbergg')).toEqual(['Hallsberg']);
    expect(names('Hlalsberg')).toEqual(['Hallsberg']);
    expect(names('Ystda')).toEqual(['Ystad']);
  });
  it('finds by code and by the datalist text "Name (code)", and keeps 0180 as text', () => {
    expect(names('1861')).toEqual(['Hallsberg']);
    expect(names('Stockholm (0180)')).toEqual(['Stockholm']);
    expect(matchKommun('0180', all)[0].id).toBe('0180');
  });
  it('prefers an exact name over names that contain it, and returns several candidates when ambiguous', () => {
    expect(names('Malmö')).toEqual(['Malmö']);
    expect(names('upp').length).toBeGreaterThan(1);
    expect(names('zzzz')).toEqual([]);
  });
});

describe('matcher parts', () => {
  it('normalises case, accents and the suffix', () => expect(normaliseQuery('  Åre Kommun ')).toBe('are'));
  it('counts edits', () => {
    expect(withinOneEdit('hallsberg', 'halsberg')).toBe(true);
    expect(withinOneEdit('hallsberg', 'hlalsberg')).toBe(true);
    expect(withinOneEdit('hallsberg', 'halsbreg')).toBe(false);
    expect(withinOneEdit('ystad', 'ystadxx')).toBe(false);
  });
});
