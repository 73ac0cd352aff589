import { describe, expect, it } from 'vitest';
import { applyWideMapping, detectWideLayout } from '../../../src/import/parse/parse-wide-table.ts';
import { importWideRows, parseImportFile } from '../../../src/import/parse/import-file.ts';
import { createMunicipalityResolver } from '../../../src/import/parse/resolve-municipality.ts';
import { fixtureBytes, fixtureMunicipalities } from '../helpers.ts';

const municipalities = fixtureMunicipalities();
const ctx = { municipalities, kpis: [], defaults: { kpi: 'X90001' } };

describe('wide tables', () => {
  it.each(['wide-kommun-by-year.csv', 'wide-kommun-by-year-1252.csv'])('reads one row per kommun, one column per year (%s)', (file) => {
    const r = parseImportFile(file, fixtureBytes(file), ctx);
    expect(r.format).toBe('wide-table');
    expect(r.wide?.mapping).toEqual({
      orientation: 'municipality-rows',
      headerRow: 2,
      keyColumn: 0,
      valueColumns: [
        { index: 1, header: '2019' },
        { index: 2, header: '2020' },
        { index: 3, header: '2021' },
      ],
    });
    expect(r.rejected).toEqual([]);
    const v = (m: string, p: string) => r.accepted.find((a) => a.municipality_id === m && a.period === p);
    expect(r.accepted).toHaveLength(9);
    expect(v('0180', '2019')).toEqual({ kpi: 'X90001', municipality_id: '0180', period: '2019', gender: 'T', value: 1.5 });
    expect(v('0180', '2021')?.value).toBeNull();
    expect(v('1280', '2020')?.value).toBe(11.25);
    expect(v('1489', '2019')?.value).toBe(-3);
    expect(v('1489', '2020')).toMatchObject({ value: null, status: '..' });
    expect(v('1489', '2021')?.value).toBe(1000);
  });

  it('reads one row per month, one column per kommun', () => {
    const r = parseImportFile('sjuk.tsv', fixtureBytes('wide-period-by-kommun.tsv'), ctx);
    expect(r.delimiter).toBe('\t');
    expect(r.wide?.mapping.orientation).toBe('period-rows');
    expect(r.wide?.mapping.keyColumn).toBe(0);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toHaveLength(9);
    expect(r.accepted.find((a) => a.municipality_id === '1490' && a.period === '2023-02')?.value).toBe(6.5);
    expect(r.accepted.find((a) => a.municipality_id === '1280' && a.period === '2023-02')?.value).toBeNull();
    expect(r.accepted.find((a) => a.municipality_id === '0180' && a.period === '2023-01')?.value).toBe(1.5);
  });

  it('uses the file name as KPI placeholder when none is given', () => {
    const r = parseImportFile('Sjukfrånvaro 2023.tsv', fixtureBytes('wide-period-by-kommun.tsv'), { municipalities, kpis: [] });
    expect(r.accepted[0].kpi).toBe('Sjukfranvaro_2023');
    expect(r.warnings.join(' ')).toMatch(/filnamnet/);
  });

  it('re-runs with a user-changed mapping', () => {
    const r = parseImportFile('w.csv', fixtureBytes('wide-kommun-by-year.csv'), ctx);
    const mapping = { ...r.wide!.mapping, valueColumns: [{ index: 1, header: '2019-Q1' }] };
    const again = importWideRows(r.wide!.rows, r.wide!.lines, mapping, { kpi: 'X1', gender: 'K' }, ctx, {
      encoding: r.encoding,
      delimiter: r.delimiter,
    });
    expect(again.accepted.map((a) => [a.municipality_id, a.period, a.gender, a.value])).toEqual([
      ['0180', '2019-Q1', 'K', 1.5],
      ['1280', '2019-Q1', 'K', 10],
      ['1489', '2019-Q1', 'K', -3],
    ]);
  });

  it('detects a code column next to a name column and a gender column', () => {
    const rows = [
      ['Kommunkod', 'Kommun', 'Kön', '2020', '2021'],
      ['0180', 'Stockholm', 'K', '1', '2'],
      ['180', 'Stockholm', 'M', '3', '4'],
    ];
    const layout = detectWideLayout(rows, createMunicipalityResolver(municipalities));
    expect(layout.ok && layout.mapping).toMatchObject({ keyColumn: 0, genderColumn: 2 });
    if (!layout.ok) return;
    const c = applyWideMapping(rows, layout.mapping, { kpi: 'X' });
    expect(c.map((x) => [x.municipality, x.period, x.gender, x.value, x.line])).toEqual([
      ['0180', '2020', 'K', '1', 2],
      ['0180', '2021', 'K', '2', 2],
      ['180', '2020', 'M', '3', 3],
      ['180', '2021', 'M', '4', 3],
    ]);
  });

  it('explains when no layout is found', () => {
    const r = detectWideLayout([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/rubrikrad/);
    const f = parseImportFile('x.csv', new TextEncoder().encode('a;b\nc;d\n'), ctx);
    expect(f.refusal).toMatch(/Rubrikraden/);
  });
});
