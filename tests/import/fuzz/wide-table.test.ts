import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueRow } from '../../../src/data/contract.ts';
import { parseImportFile } from '../../../src/import/parse/import-file.ts';
import { applyWideMapping, detectWideLayout, type WideMapping } from '../../../src/import/parse/parse-wide-table.ts';
import { monthNameSv } from '../../../src/import/parse/parse-period.ts';
import { createMunicipalityResolver } from '../../../src/import/parse/resolve-municipality.ts';
import { fixtureMunicipalities } from '../helpers.ts';
import { finiteNumber, nastyString } from './arbitraries.ts';

const municipalities = fixtureMunicipalities().filter((m) => m.type === 'K' && m.id !== '2021');
const resolver = createMunicipalityResolver(fixtureMunicipalities());
const ctx = { municipalities: fixtureMunicipalities(), kpis: [], defaults: { kpi: 'X9' } };
const sv = new Intl.NumberFormat('sv-SE', { maximumSignificantDigits: 17 });
const pad = (n: number) => String(n).padStart(2, '0');

const periodsArb = fc.oneof(
  fc
    .uniqueArray(fc.integer({ min: 1995, max: 2030 }), { minLength: 2, maxLength: 6 })
    .map((ys) => ys.map((y) => ({ canon: String(y), text: String(y) }))),
  fc
    .uniqueArray(fc.tuple(fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 1, max: 12 })), {
      selector: ([y, m]) => y * 100 + m,
      minLength: 2,
      maxLength: 6,
    })
    .map((ps) => ps.map(([y, m]) => ({ canon: `${y}-${pad(m)}`, text: `${monthNameSv(m)} ${y}` }))),
);

describe('fuzz wide tables', () => {
  it('a generated wide table (either orientation) parses back to every cell', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...municipalities), { selector: (m) => m.id, minLength: 1, maxLength: 6 }),
        periodsArb,
        fc.boolean(),
        fc.boolean(),
        fc.infiniteStream(fc.option(finiteNumber, { freq: 5 })),
        (munis, periods, byKommun, swedish, values) => {
          const d = swedish ? ';' : ',';
          const fmt = (v: number | null) => (v === null ? '' : swedish ? sv.format(v) : String(v));
          const it = values[Symbol.iterator]();
          const grid = munis.map(() => periods.map(() => it.next().value as number | null));
          const lines: string[] = [];
          if (byKommun) {
            lines.push(['Kommun', ...periods.map((p) => p.text)].join(d));
            munis.forEach((m, i) => lines.push([m.name, ...grid[i].map(fmt)].join(d)));
          } else {
            lines.push(['Period', ...munis.map((m) => m.name)].join(d));
            periods.forEach((p, j) => lines.push([p.text, ...munis.map((_, i) => fmt(grid[i][j]))].join(d)));
          }
          const r = parseImportFile('w.csv', new TextEncoder().encode(lines.join('\n')), ctx);
          expect(r.format).toBe('wide-table');
          expect(r.rejected).toEqual([]);
          const want: ValueRow[] = [];
          if (byKommun)
            munis.forEach((m, i) =>
              periods.forEach((p, j) => want.push({ kpi: 'X9', municipality_id: m.id, period: p.canon, gender: 'T', value: grid[i][j] })),
            );
          else
            periods.forEach((p, j) =>
              munis.forEach((m, i) => want.push({ kpi: 'X9', municipality_id: m.id, period: p.canon, gender: 'T', value: grid[i][j] })),
            );
          expect(r.accepted).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detectWideLayout and applyWideMapping never throw on arbitrary grids or mappings', () => {
    const mappingArb: fc.Arbitrary<WideMapping> = fc.record({
      orientation: fc.constantFrom('municipality-rows' as const, 'period-rows' as const),
      headerRow: fc.integer({ min: -1, max: 8 }),
      keyColumn: fc.integer({ min: -1, max: 8 }),
      valueColumns: fc.array(fc.record({ index: fc.integer({ min: -1, max: 8 }), header: nastyString })),
    });
    fc.assert(
      fc.property(fc.array(fc.array(nastyString, { maxLength: 6 }), { maxLength: 8 }), mappingArb, (rows, mapping) => {
        const layout = detectWideLayout(rows, resolver);
        if (!layout.ok) expect(layout.error.length).toBeGreaterThan(0);
        else applyWideMapping(rows, layout.mapping, { kpi: 'X' });
        const c = applyWideMapping(rows, mapping, { kpi: 'X' });
        expect(Array.isArray(c)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});
