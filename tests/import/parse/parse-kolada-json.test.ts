import { describe, expect, it } from 'vitest';
import { parseKoladaJson } from '../../../src/import/parse/parse-kolada-json.ts';
import { parseImportFile } from '../../../src/import/parse/import-file.ts';
import { fixtureBytes, fixtureMunicipalities } from '../helpers.ts';

const ctx = { municipalities: fixtureMunicipalities(), kpis: [] };

describe('Kolada JSON', () => {
  it('reads a v2 page with null values and next_page', () => {
    const r = parseImportFile('kolada.json', fixtureBytes('kolada-v2.json'), ctx);
    expect(r.format).toBe('kolada-json');
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      { kpi: 'X00001', municipality_id: '1489', period: '2022', gender: 'K', value: 1.5 },
      { kpi: 'X00001', municipality_id: '1489', period: '2022', gender: 'M', value: 2.5 },
      { kpi: 'X00001', municipality_id: '1489', period: '2022', gender: 'T', value: 2 },
      { kpi: 'X00001', municipality_id: '0180', period: '2022', gender: 'T', value: null, status: 'Not applicable' },
    ]);
    expect(r.warnings.join(' ')).toMatch(/API v2/);
    expect(r.warnings.join(' ')).toMatch(/nästa sida/);
  });

  it('reads a v3 page, drops isdeleted rows and rejects unknown kommuner', () => {
    const parsed = parseKoladaJson(new TextDecoder().decode(fixtureBytes('kolada-v3.json')));
    expect(parsed.ok && parsed.version).toBe('v3');
    expect(parsed.ok && parsed.nextPage).toBeNull();
    const r = parseImportFile('data', fixtureBytes('kolada-v3.json'), ctx);
    expect(r.accepted).toEqual([
      { kpi: 'X00003', municipality_id: '0180', period: '2000', gender: 'T', value: 31.5 },
      { kpi: 'X00003', municipality_id: '0180', period: '2020', gender: 'T', value: null },
    ]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ line: 4 });
    expect(r.rejected[0].reason).toMatch(/Okänd kommunkod ”9999”/);
    expect(r.warnings.join(' ')).toMatch(/isdeleted/);
  });

  it('accepts a bare array of rows and an array of pages', () => {
    const row = { kpi: 'X1', municipality: '0180', period: 2021, values: [{ gender: 'T', value: 1 }] };
    const a = parseKoladaJson(JSON.stringify([row]));
    const b = parseKoladaJson(JSON.stringify([{ values: [row] }, { values: [row] }]));
    expect(a.ok && a.candidates.length).toBe(1);
    expect(b.ok && b.candidates.length).toBe(2);
  });

  it.each(['{', '42', '"x"', '{"foo":1}', 'null'])('refuses %s in Swedish', (text) => {
    const r = parseKoladaJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/JSON/);
  });

  it('reports malformed rows instead of throwing', () => {
    const r = parseKoladaJson(
      '{"values":[1,{"kpi":"X"},{"kpi":"X","municipality":"0180","period":2020,"values":[null,{"gender":"T","value":{}}]}]}',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.candidates).toEqual([]);
      expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 3]);
    }
  });
});
