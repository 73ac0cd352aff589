import { describe, expect, it } from 'vitest';
import { detectLongColumns, kpiFromValueHeader, parseLongRows } from '../../../src/import/parse/parse-long-csv.ts';
import { parseImportFile } from '../../../src/import/parse/import-file.ts';
import { fixtureBytes, fixtureMunicipalities } from '../helpers.ts';

const ctx = { municipalities: fixtureMunicipalities(), kpis: [{ id: 'X00001' }, { id: 'X00002' }] };

const swedishRows = [
  { kpi: 'X00001', municipality_id: '0180', period: '2021', gender: 'T', value: 12.5 },
  { kpi: 'X00001', municipality_id: '1280', period: '2022', gender: 'K', value: 0.25 },
  { kpi: 'X00001', municipality_id: '1280', period: '2022', gender: 'M', value: -3.75 },
  { kpi: 'X00002', municipality_id: '1489', period: '2023', gender: 'T', value: 1234.5 },
  { kpi: 'X00002', municipality_id: '1490', period: '2023', gender: 'T', value: 12.3 },
  { kpi: 'X00002', municipality_id: '0305', period: '2023', gender: 'T', value: null, status: '..' },
  { kpi: 'X00002', municipality_id: '0643', period: '2023', gender: 'T', value: null, status: '-' },
];

describe('long CSV', () => {
  it('recognises English and Swedish headers', () => {
    expect(detectLongColumns(['kpi', 'municipality_id', 'period', 'gender', 'value'])).toEqual({
      kpi: 0,
      municipality: 1,
      period: 2,
      gender: 3,
      value: 4,
    });
    expect(detectLongColumns(['Nyckeltal', 'Kommunkod', 'År', 'Kön', 'Värde'])).toEqual({
      kpi: 0,
      municipality: 1,
      year: 2,
      gender: 3,
      value: 4,
    });
    expect(detectLongColumns(['Kommun', '2019', '2020'])).toBeNull();
  });

  it('reads comma/point with status and quotes', () => {
    const r = parseImportFile('values.csv', fixtureBytes('long-comma-point.csv'), ctx);
    expect(r).toMatchObject({ format: 'long-csv', delimiter: ',', decimal: '.', encoding: 'utf-8', rejected: [] });
    expect(r.accepted).toEqual([
      { kpi: 'X00001', municipality_id: '0180', period: '2021', gender: 'T', value: 12.5 },
      { kpi: 'X00001', municipality_id: '0180', period: '2022', gender: 'T', value: null, status: '..' },
      { kpi: 'X00001', municipality_id: '1280', period: '2022', gender: 'K', value: 0.25 },
      { kpi: 'X00001', municipality_id: '1280', period: '2022', gender: 'M', value: -3.75 },
      { kpi: 'X00002', municipality_id: '0000', period: '2023-01', gender: 'T', value: 1000.5 },
      { kpi: 'X00002', municipality_id: '1489', period: '2023-Q1', gender: 'T', value: 7 },
      { kpi: 'X00002', municipality_id: '1440', period: '2023-02', gender: 'T', value: 42.125 },
    ]);
  });

  it.each([
    ['long-semicolon-comma.csv', 'utf-8'],
    ['long-semicolon-bom.csv', 'utf-8-bom'],
    ['long-windows-1252.csv', 'windows-1252'],
  ] as const)('reads %s (Swedish headers and names, per cent, thousands)', (file, encoding) => {
    const r = parseImportFile(file, fixtureBytes(file), ctx);
    expect(r).toMatchObject({ format: 'long-csv', delimiter: ';', decimal: ',', encoding, rejected: [] });
    expect(r.accepted).toEqual(swedishRows);
  });

  it('combines separate year and month columns', () => {
    const r = parseImportFile('sjukfrånvaro.csv', fixtureBytes('monthly-year-month-columns.csv'), { ...ctx, defaults: { kpi: 'X90001' } });
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => [a.period, a.municipality_id, a.value, a.kpi])).toEqual([
      ['2023-01', '1480', 5.5, 'X90001'],
      ['2023-02', '1480', 6, 'X90001'],
      ['2023-03', '1480', 4.75, 'X90001'],
    ]);
  });

  it('reads a file without KPI column under the file name when no KPI is chosen (the user picks the destination)', () => {
    const r = parseImportFile('sjukfrånvaro.csv', fixtureBytes('monthly-year-month-columns.csv'), ctx);
    expect(r.refusal ?? null).toBeNull();
    expect(r.accepted.map((a) => [a.period, a.kpi])).toEqual([
      ['2023-01', 'sjukfranvaro'],
      ['2023-02', 'sjukfranvaro'],
      ['2023-03', 'sjukfranvaro'],
    ]);
  });

  it('gives 1-based file lines for rejected rows', () => {
    const text =
      'kpi,municipality_id,period,gender,value\nX00001,0180,2021,T,1\nX00001,9999,2021,T,1\nX00001,0180,20x1,T,1\nX00001,0180,2022,Q,1\nX00001,0180,2023,T,abc\n';
    const r = parseImportFile('v.csv', new TextEncoder().encode(text), ctx);
    expect(r.accepted).toHaveLength(1);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5, 6]);
    expect(r.rejected[0].reason).toMatch(/Okänd kommunkod/);
    expect(r.rejected[1].reason).toMatch(/period/);
    expect(r.rejected[2].reason).toMatch(/Okänt kön/);
    expect(r.rejected[3].reason).toMatch(/Kan inte tolka/);
    expect(r.rejected[0].raw).toBe('X00001,9999,2021,T,1');
  });

  it('parseLongRows refuses a header it does not know', () => {
    const r = parseLongRows([['a', 'b']], [1], ',');
    expect(r.ok).toBe(false);
  });
});

describe('a value column named after its KPI (Kolada dump DDF files)', () => {
  it('reads geo,year,u31462 as kommun, year and values of U31462', () => {
    const r = parseLongRows(
      [
        ['geo', 'year', 'u31462'],
        ['0180', '2021', '81.5'],
        ['1286', '2021', ''],
      ],
      [1, 2, 3],
      ',',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.candidates.map((c) => [c.kpi, c.municipality, c.period, c.value])).toEqual([
      ['U31462', '0180', '2021', '81.5'],
      ['U31462', '1286', '2021', ''],
    ]);
    expect(kpiFromValueHeader(['geo', 'year', 'gender', 'n00090'], detectLongColumns(['geo', 'year', 'gender', 'n00090'])!)).toBe('N00090');
  });
  it('does not guess when two columns look like KPI ids', () => {
    expect(detectLongColumns(['geo', 'year', 'u31462', 'n00090'])).toBeNull();
  });
});
