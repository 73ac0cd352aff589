import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender, ValueRow } from '../../../src/data/contract.ts';
import { parseKoladaJson } from '../../../src/import/parse/parse-kolada-json.ts';
import { parseImportFile } from '../../../src/import/parse/import-file.ts';
import { fixtureMunicipalities } from '../helpers.ts';
import { finiteNumber, isSwedishMessage } from './arbitraries.ts';

const municipalities = fixtureMunicipalities();
const ctx = { municipalities, kpis: [] };

const entryArb = fc.record({
  kpi: fc.stringMatching(/^[NU][0-9]{5}$/),
  municipality: fc.constantFrom(...municipalities.map((m) => m.id)),
  period: fc.integer({ min: 1990, max: 2030 }),
  isdeleted: fc.option(fc.boolean(), { freq: 2 }),
  values: fc.uniqueArray(
    fc.record({
      gender: fc.constantFrom<Gender>('T', 'K', 'M'),
      count: fc.nat(10),
      status: fc.constantFrom('', 'Not applicable'),
      value: fc.option(finiteNumber, { freq: 4 }),
    }),
    { selector: (v) => v.gender, minLength: 1, maxLength: 3 },
  ),
});

describe('fuzz Kolada JSON', () => {
  it('never throws on arbitrary JSON; refusals are Swedish', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const r = parseKoladaJson(text);
        if (!r.ok) expect(isSwedishMessage(r.error)).toBe(true);
        else for (const p of r.problems) expect(isSwedishMessage(p.reason)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on JSON shaped almost like Kolada', () => {
    const loose = fc.record({
      values: fc.array(
        fc.oneof(
          fc.anything(),
          fc.record({
            kpi: fc.anything(),
            municipality: fc.anything(),
            period: fc.anything(),
            values: fc.oneof(
              fc.anything(),
              fc.array(fc.dictionary(fc.constantFrom('gender', 'value', 'status', 'isdeleted'), fc.anything())),
            ),
          }),
        ),
      ),
      next_url: fc.anything(),
    });
    fc.assert(
      fc.property(loose, (doc) => {
        let text: string;
        try {
          text = JSON.stringify(doc);
        } catch {
          return; // BigInt etc. cannot be JSON
        }
        const r = parseImportFile('k.json', new TextEncoder().encode(text), ctx);
        if (r.refusal) expect(isSwedishMessage(r.refusal)).toBe(true);
        for (const x of r.rejected) expect(isSwedishMessage(x.reason)).toBe(true);
      }),
      { numRuns: 700 },
    );
  });

  it('a generated v2 or v3 page gives back its rows, without deleted ones', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArb, { selector: (e) => `${e.kpi}|${e.municipality}|${e.period}`, maxLength: 15 }),
        fc.boolean(),
        (entries, v3) => {
          const page = v3
            ? { values: entries, next_url: null }
            : { count: entries.length, values: entries.map(({ isdeleted: _, ...e }) => e) };
          const r = parseImportFile('page.json', new TextEncoder().encode(JSON.stringify(page)), ctx);
          const want: ValueRow[] = [];
          for (const e of entries) {
            if (v3 && e.isdeleted) continue;
            for (const v of e.values) {
              want.push({
                kpi: e.kpi,
                municipality_id: e.municipality,
                period: String(e.period),
                gender: v.gender,
                value: v.value,
                ...(v.status ? { status: v.status } : {}),
              });
            }
          }
          expect(r.rejected).toEqual([]);
          expect(r.accepted).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
