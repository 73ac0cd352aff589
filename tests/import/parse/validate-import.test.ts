import { describe, expect, it } from 'vitest';
import { parseGender, validateCandidates, type CandidateRow } from '../../../src/import/parse/validate-import.ts';
import { fixtureMunicipalities } from '../helpers.ts';

const options = { municipalities: fixtureMunicipalities(), kpis: [{ id: 'N00090' }], decimal: ',' as const };
const meta = { encoding: null, delimiter: null, format: null };
const row = (line: number, over: Partial<CandidateRow> = {}): CandidateRow => ({
  line,
  kpi: 'N00090',
  municipality: '0180',
  period: '2022',
  gender: 'T',
  value: '1,5',
  ...over,
});

describe('validateCandidates', () => {
  it('merges same-value duplicates with a warning', () => {
    const r = validateCandidates([row(2), row(3), row(4, { municipality: 'Stockholm' })], options, meta);
    expect(r.accepted).toEqual([{ kpi: 'N00090', municipality_id: '0180', period: '2022', gender: 'T', value: 1.5 }]);
    expect(r.rejected).toEqual([]);
    expect(r.warnings[0]).toMatch(/2 rader var dubbletter .* rad 3/);
  });

  it('rejects every row of a key that occurs with different values', () => {
    const r = validateCandidates([row(2), row(3, { value: '2' }), row(4, { period: '2023' })], options, meta);
    expect(r.accepted.map((a) => a.period)).toEqual(['2023']);
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3]);
    expect(r.rejected[0].reason).toMatch(/Dubblett.*rad 2, 3/);
    expect(r.rejected[1].reason).toMatch(/finns redan på rad 2/);
  });

  it('treats a missing value and a value as different', () => {
    const r = validateCandidates([row(2), row(3, { value: '' })], options, meta);
    expect(r.accepted).toEqual([]);
    expect(r.rejected).toHaveLength(2);
  });

  it('lists every problem of a row in one reason', () => {
    const r = validateCandidates([row(7, { municipality: 'Atlantis', period: 'x', gender: 'F', value: 'abc', kpi: '' })], options, meta);
    expect(r.rejected).toHaveLength(1);
    const reason = r.rejected[0].reason;
    for (const part of [/Nyckeltal saknas/, /Okänd kommun/, /period/, /Okänt kön/, /Kan inte tolka/]) expect(reason).toMatch(part);
  });

  it('matches KPI ids case-insensitively and warns about unknown ones', () => {
    const r = validateCandidates([row(2, { kpi: 'n00090' }), row(3, { kpi: 'EGEN1' })], options, meta);
    expect(r.accepted.map((a) => a.kpi)).toEqual(['N00090', 'EGEN1']);
    expect(r.warnings.join(' ')).toMatch(/EGEN1 finns inte/);
  });

  it('warns when 3-digit kommun codes were padded', () => {
    const r = validateCandidates([row(2, { municipality: '180' })], options, meta);
    expect(r.accepted[0].municipality_id).toBe('0180');
    expect(r.warnings.join(' ')).toMatch(/tre siffror/);
  });

  it('reads gender words', () => {
    expect(parseGender('Kvinnor')).toEqual({ ok: true, gender: 'K' });
    expect(parseGender('män')).toEqual({ ok: true, gender: 'M' });
    expect(parseGender('')).toEqual({ ok: true, gender: 'T' });
    expect(parseGender('Totalt')).toEqual({ ok: true, gender: 'T' });
    expect(parseGender('X').ok).toBe(false);
  });
});
