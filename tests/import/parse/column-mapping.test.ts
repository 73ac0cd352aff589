import { describe, expect, it } from 'vitest';
import { parseImportFile, type ImportContext } from '../../../src/import/parse/import-file.ts';
import { applyTableMapping, detectTableMapping, mappingProblem } from '../../../src/import/parse/column-mapping.ts';
import { createMunicipalityResolver } from '../../../src/import/parse/resolve-municipality.ts';
import { fixtureBytes, fixtureMunicipalities } from '../helpers.ts';

const municipalities = fixtureMunicipalities();
const ctx = (extra: Partial<ImportContext> = {}): ImportContext => ({ municipalities, kpis: [{ id: 'N00090' }], ...extra });
const parse = (name: string, extra: Partial<ImportContext> = {}) => parseImportFile(name, fixtureBytes(`own/${name}`), ctx(extra));
const series = (r: ReturnType<typeof parse>) => [...new Set(r.accepted.map((a) => a.kpi))];
const value = (r: ReturnType<typeof parse>, kpi: string, period: string) =>
  r.accepted.find((a) => a.kpi === kpi && a.period === period)?.value;
const AGES = ['–29 år', '30–49 år', '50– år', 'Totalt'];

describe('column mapping: files as HR and AME systems export them', () => {
  it('months as rows, age groups as columns, cp1252, title rows, no kommun column', () => {
    const without = parse('hr-manader-rader-aldersgrupper-kolumner-1252.csv');
    expect(without.accepted).toHaveLength(0);
    expect(without.table?.problem).toMatch(/ingen kolumn för kommun.*Välj/);
    expect(without.table!.lines[without.table!.mapping.headerRow]).toBe(4); // two title rows and a blank row above
    const r = parse('hr-manader-rader-aldersgrupper-kolumner-1252.csv', { defaults: { municipality: '1489' } });
    expect(r.encoding).toBe('windows-1252');
    expect(r.rejected).toEqual([]);
    expect(series(r)).toEqual(AGES);
    expect(r.accepted).toHaveLength(24 * 4);
    expect(new Set(r.accepted.map((a) => a.municipality_id))).toEqual(new Set(['1489']));
    expect(value(r, '–29 år', '2022-01')).toBe(9.98);
    expect(value(r, 'Totalt', '2023-12')).toBeTypeOf('number');
  });

  it('months as columns, age groups as rows', () => {
    const r = parse('hr-manader-kolumner-aldersgrupper-rader.csv', { defaults: { municipality: '1489' } });
    expect(r.table?.mapping.roles.slice(0, 3)).toEqual(['breakdown', 'value-per-period', 'value-per-period']);
    expect(r.rejected).toEqual([]);
    expect(series(r)).toEqual(AGES);
    expect(value(r, '–29 år', '2022-01')).toBe(9.98);
    expect(r.accepted).toHaveLength(96);
  });

  it('long with Swedish headers and a named value column (was misread as a wide table)', () => {
    const r = parse('hr-lang-svenska-rubriker.csv');
    expect(r.table?.mapping.roles).toEqual(['municipality', 'period', 'breakdown', 'value']);
    expect(r.rejected).toEqual([]);
    expect(series(r)).toEqual(AGES);
    expect(r.accepted).toHaveLength(96);
    expect(value(r, '–29 år', '2022-01')).toBe(9.98);
  });

  it('a row per year and a column per month name', () => {
    const r = parse('hr-ar-rader-manader-kolumner.csv', { defaults: { municipality: '1489', kpi: 'sjuk' } });
    expect(r.table?.mapping.roles[0]).toBe('year');
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => a.period).slice(0, 3)).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(r.accepted).toHaveLength(24);
  });

  it('AME exits: years as rows, outcomes as columns (cp1252, title rows) and the reverse', () => {
    const a = parse('ame-ar-rader-avslut-kolumner-1252.csv', { defaults: { municipality: '1489' } });
    expect(a.rejected).toEqual([]);
    expect(series(a)).toEqual(['Arbete', 'Studier', 'Annan myndighet', 'Övrigt']);
    const b = parse('ame-avslut-rader-ar-kolumner.csv', { defaults: { municipality: '1489' } });
    expect(b.rejected).toEqual([]);
    expect(series(b)).toEqual(['Arbete', 'Studier', 'Annan myndighet', 'Övrigt']);
    for (const x of a.accepted) expect(value(b, x.kpi, x.period)).toBe(x.value);
  });

  it('a user mapping replaces detection; unusable rows are listed with their lines', () => {
    const rows = [['Titel'], ['Period', 'Kommun', 'Värde'], ['2023', 'Alingsås', '1'], ['2024', 'Ingenstans', '2']];
    const detected = detectTableMapping(rows, createMunicipalityResolver(municipalities));
    expect(detected.mapping).toEqual({ headerRow: 1, roles: ['period', 'municipality', 'value'] });
    expect(mappingProblem({ headerRow: 1, roles: ['period', 'ignore', 'value'] }, {})).toMatch(/kommun/);
    const { candidates } = applyTableMapping(
      rows,
      [1, 2, 3, 4],
      { headerRow: 1, roles: ['period', 'ignore', 'value'] },
      { municipality: '1489', kpi: 'x' },
    );
    expect(candidates.map((c) => c.municipality)).toEqual(['1489', '1489']);
    const text = new TextEncoder().encode(rows.map((r) => r.join(';')).join('\n'));
    const r = parseImportFile('x.csv', text, ctx({ mapping: { headerRow: 1, roles: ['period', 'municipality', 'value'] } }));
    expect(r.rejected.map((x) => x.line)).toEqual([4]);
    expect(r.rejected[0].reason).toMatch(/Ingenstans/);
  });
});
