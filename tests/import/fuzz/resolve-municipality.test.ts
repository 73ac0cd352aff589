import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver } from '../../../src/import/parse/resolve-municipality.ts';
import { fixtureMunicipalities } from '../helpers.ts';
import { isSwedishMessage, nastyString } from './arbitraries.ts';

const municipalities = fixtureMunicipalities();
const resolve = createMunicipalityResolver(municipalities);

describe('fuzz resolve municipality', () => {
  it('never throws; failures are Swedish; successes are known ids', () => {
    const ids = new Set(municipalities.map((m) => m.id));
    fc.assert(
      fc.property(fc.oneof(nastyString, fc.integer({ min: -10, max: 10_000 })), (s) => {
        const r = resolve(s);
        if (r.ok) expect(ids.has(r.id)).toBe(true);
        else expect(isSwedishMessage(r.error)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds every kommun by its name in any case and spacing, with or without "kommun"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...municipalities),
        fc.boolean(),
        fc.constantFrom('', ' kommun', ' Kommun'),
        fc.constantFrom('', ' ', '  '),
        (m, upper, suffix, space) => {
          const name = (upper ? m.name.toUpperCase() : m.name.toLowerCase()) + suffix;
          expect(resolve(space + name.replaceAll(' ', ' ' + space) + space)).toMatchObject({ ok: true, id: m.id });
        },
      ),
      { numRuns: 300 },
    );
  });
});
