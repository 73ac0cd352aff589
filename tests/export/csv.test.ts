import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, neutraliseText, rawNumber, tableToCsv, type CsvVariant } from '../../src/export/csv.ts';
import type { ChartTable } from '../../src/charts/spec.ts';
import { lineSpec } from '../charts/chart-specs.ts';

/** Parses our CSV back the way a careful reader would (strip BOM, split, decimal comma → point). */
function parseBack(text: string, variant: CsvVariant): string[][] {
  const body = variant === 'excel-sv' ? text.replace(/^\ufeff/, '') : text;
  const r = Papa.parse<string[]>(body, { delimiter: variant === 'excel-sv' ? ';' : ',', newline: '\r\n', skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}
const toNumber = (cell: string, variant: CsvVariant) => Number(variant === 'excel-sv' ? cell.replace(',', '.') : cell);

describe('CSV of a chart table', () => {
  it('Swedish Excel: BOM, semicolons, decimal comma, CRLF, Swedish headers with unit', () => {
    const csv = tableToCsv(lineSpec.table, 'excel-sv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('År;Åby (%);Medel Liknande kommuner (%);Antal med värde;Min (%);Max (%);Plats bland alla');
    expect(lines[1]).toBe('2017;71,3;73,2;7;60,1;85,2;120 av 290');
    expect(lines[3]).toBe('2019;;75,05;6;62,5;88,75;');
    expect(csv).not.toMatch(/\u2212|\u00a0|\u202f/);
  });

  it('plain: no BOM, commas, decimal point', () => {
    const csv = tableToCsv(lineSpec.table, 'plain');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[5]).toBe('2021,77.777,78.1,7,63.3,90.1,140 av 290');
  });

  for (const variant of ['excel-sv', 'plain'] as const) {
    it(`${variant}: every number parses back to the identical double (round trip, random values)`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 3, maxLength: 3 }),
            { minLength: 1, maxLength: 20 },
          ),
          (rows) => {
            const table: ChartTable = {
              caption: 't',
              unit: '%',
              columns: ['År', 'A', 'B', 'C'],
              rows: rows.map((r, i) => [String(2000 + i), ...r]),
            };
            const back = parseBack(tableToCsv(table, variant), variant);
            expect(back.length).toBe(rows.length + 1);
            rows.forEach((r, i) => {
              r.forEach((v, j) => {
                const cell = back[i + 1][j + 1];
                if (v === null) expect(cell).toBe('');
                else {
                  expect(cell).toMatch(/^-?\d+([.,]\d+)?$/);
                  expect(toNumber(cell, variant)).toBe(Object.is(v, -0) ? 0 : v);
                }
              });
            });
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('writes numbers without exponent or grouping', () => {
    expect(rawNumber(1e21)).toBe('1000000000000000000000');
    expect(rawNumber(1.5e-7)).toBe('0.00000015');
    expect(rawNumber(-2.5e-9)).toBe('-0.0000000025');
    expect(rawNumber(1234567.891)).toBe('1234567.891');
    expect(rawNumber(-0)).toBe('0');
    expect(Number(rawNumber(Number.MIN_VALUE))).toBe(Number.MIN_VALUE);
    expect(Number(rawNumber(Number.MAX_VALUE))).toBe(Number.MAX_VALUE);
  });
});

describe('formula injection', () => {
  it('prefixes text starting with = + - @ tab CR with an apostrophe', () => {
    for (const t of ['=SUM(A1)', '+1', '-1+2', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")', '-5'])
      expect(neutraliseText(t)).toBe(`'${t}`);
    for (const t of ['Ystad', '82 av 290', '2019', '', 'a=b', ' =x']) expect(neutraliseText(t)).toBe(t);
  });

  it('keeps negative numbers as numbers (the cell type decides, not the first character)', () => {
    expect(csvCell(-3.5, 'excel-sv')).toBe('-3,5');
    expect(csvCell(-3.5, 'plain')).toBe('-3.5');
    expect(csvCell('-3.5', 'plain')).toBe("'-3.5");
  });

  it('neutralises and quotes dangerous text in a whole file, in headers and cells', () => {
    const table: ChartTable = {
      caption: 'x',
      unit: '',
      columns: ['=År', 'Värde'],
      rows: [
        ['=1+1;"x"', -4],
        ['@SUM(1)', 2.25],
        ['\r\nCR', null],
        ['+46 70', 1],
      ],
    };
    const sv = tableToCsv(table, 'excel-sv');
    const back = parseBack(sv, 'excel-sv');
    expect(back).toEqual([
      ["'=År", 'Värde'],
      ['\'=1+1;"x"', '-4'],
      ["'@SUM(1)", '2,25'],
      ["'\r\nCR", ''],
      ["'+46 70", '1'],
    ]);
    for (const row of back) expect(row[0]).not.toMatch(/^[=+\-@\t\r]/);
  });
});
