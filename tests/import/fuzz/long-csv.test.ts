import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender, ValueRow } from '../../../src/data/contract.ts';
import { parseImportFile } from '../../../src/import/parse/import-file.ts';
import { monthNameSv } from '../../../src/import/parse/parse-period.ts';
import { fixtureMunicipalities } from '../helpers.ts';
import { finiteNumber, isSwedishMessage, nastyString } from './arbitraries.ts';

const municipalities = fixtureMunicipalities();
const ctx = { municipalities, kpis: [], defaults: { kpi: 'X1' } };
const pad = (n: number) => String(n).padStart(2, '0');
const sv = new Intl.NumberFormat('sv-SE', { maximumSignificantDigits: 17 });

/** A generated row: the contract row we expect, plus choices about how to write it. */
const rowArb = fc.record({
  kpi: fc.stringMatching(/^[A-Z][0-9]{5}$/),
  muni: fc.constantFrom(...municipalities),
  muniForm: fc.constantFrom('id', 'name', 'upper', 'padless'),
  period: fc.oneof(
    fc.integer({ min: 1990, max: 2030 }).map((y) => ({ canon: String(y), forms: [String(y)] })),
    fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => ({
      canon: `${y}-${pad(m)}`,
      forms: [`${y}-${pad(m)}`, `${monthNameSv(m)} ${y}`, `${y}M${pad(m)}`],
    })),
    fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => ({
      canon: `${y}-Q${q}`,
      forms: [`${y}-Q${q}`, `${y} K${q}`, `kvartal ${q} ${y}`],
    })),
  ),
  periodForm: fc.nat(2),
  gender: fc.constantFrom<Gender>('T', 'K', 'M'),
  genderWord: fc.boolean(),
  value: fc.option(finiteNumber, { freq: 4 }),
  status: fc.constantFrom('', '..', '.', '-'),
  quote: fc.boolean(),
});
type GenRow = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const key = (r: GenRow) => `${r.kpi}|${r.muni.id}|${r.period.canon}|${r.gender}`;

function writeFile(rows: GenRow[], swedish: boolean, crlf: boolean, bom: boolean): Uint8Array {
  const d = swedish ? ';' : ',';
  const header = swedish
    ? ['nyckeltal', 'kommun', 'period', 'kön', 'värde', 'status']
    : ['kpi', 'municipality_id', 'period', 'gender', 'value', 'status'];
  const q = (s: string, quote: boolean) => (quote || s.includes(d) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [header.join(d)];
  for (const r of rows) {
    const muni = {
      id: r.muni.id,
      name: r.muni.name,
      upper: r.muni.name.toUpperCase(),
      padless: r.muni.id.startsWith('0') && r.muni.id !== '0000' && !r.muni.id.startsWith('00') ? r.muni.id.slice(1) : r.muni.id,
    }[r.muniForm];
    const gender = r.genderWord ? { T: 'Totalt', K: 'kvinnor', M: 'Män' }[r.gender] : r.gender;
    const value = r.value === null ? '' : swedish ? sv.format(r.value) : String(r.value);
    const period = r.period.forms[r.periodForm % r.period.forms.length];
    lines.push([r.kpi, muni, period, gender, value, r.value === null ? r.status : ''].map((c) => q(c, r.quote)).join(d));
  }
  const text = lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

function expected(r: GenRow): ValueRow {
  const row: ValueRow = { kpi: r.kpi, municipality_id: r.muni.id, period: r.period.canon, gender: r.gender, value: r.value };
  if (r.value === null && r.status !== '') row.status = r.status;
  return row;
}

describe('fuzz long CSV', () => {
  it('a generated long CSV (comma/point or semicolon/decimal comma) parses back to the same rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: key, minLength: 1, maxLength: 25 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, swedish, crlf, bom) => {
          const r = parseImportFile('values.csv', writeFile(rows, swedish, crlf, bom), ctx);
          expect(r.refusal).toBeUndefined();
          expect(r.rejected).toEqual([]);
          expect(r.format).toBe('long-csv');
          expect(r.delimiter).toBe(swedish ? ';' : ',');
          expect(r.accepted).toEqual(rows.map(expected));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('a row with a broken cell is rejected on its own file line, the others kept', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: key, minLength: 2, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom('kommun', 'period', 'gender', 'value'),
        (rows, which, column) => {
          const i = which % rows.length;
          const text = new TextDecoder().decode(writeFile(rows, false, false, false)).split('\n');
          const cells = text[i + 1].split(',');
          const broken = { kommun: [1, 'Atlantis'], period: [2, '2023-13'], gender: [3, 'X'], value: [4, '1..2'] }[column] as [
            number,
            string,
          ];
          cells[broken[0]] = broken[1];
          text[i + 1] = cells.join(',');
          const r = parseImportFile('v.csv', new TextEncoder().encode(text.join('\n')), ctx);
          expect(r.rejected.map((x) => x.line)).toEqual([i + 2]);
          expect(isSwedishMessage(r.rejected[0].reason)).toBe(true);
          expect(r.accepted).toEqual(rows.filter((_, j) => j !== i).map(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text; every refusal and rejection is Swedish', () => {
    const header = fc.constantFrom(
      '',
      'kpi,municipality_id,period,gender,value\n',
      'nyckeltal;kommun;år;värde\n',
      'Kommun;2019;2020\n',
      'Månad\tMalmö\tAle\n',
    );
    fc.assert(
      fc.property(header, fc.array(nastyString, { maxLength: 12 }), (h, lines) => {
        const r = parseImportFile('x.csv', new TextEncoder().encode(h + lines.join('\n')), ctx);
        if (r.refusal !== undefined) expect(isSwedishMessage(r.refusal)).toBe(true);
        for (const x of r.rejected) {
          expect(x.line).toBeGreaterThanOrEqual(1);
          expect(isSwedishMessage(x.reason)).toBe(true);
        }
        for (const a of r.accepted) expect(a.value === null || Number.isFinite(a.value)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('a.csv', 'a.json', 'a'), (bytes, name) => {
        const r = parseImportFile(name, bytes, ctx);
        expect(r.refusal === undefined || isSwedishMessage(r.refusal)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});
