import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver, foldName } from '../../../src/import/parse/resolve-municipality.ts';
import { fixtureMunicipalities } from '../helpers.ts';

const resolve = createMunicipalityResolver(fixtureMunicipalities());

describe('resolve municipality', () => {
  it.each([
    ['0180', '0180', 'id'],
    ['180', '0180', 'padded-id'],
    [180, '0180', 'padded-id'],
    ['180.0', '0180', 'padded-id'],
    ['1489', '1489', 'id'],
    ['0180 Stockholm', '0180', 'id'],
    ['Stockholm (0180)', '0180', 'id'],
    ['Malmö', '1280', 'name'],
    ['MALMÖ', '1280', 'name'],
    ['malmo kommun', '1280', 'name'],
    ['  Malmö   stad ', '1280', 'name'],
    ['Stockholms stad', '0180', 'name'],
    ['Göteborgs Stad', '1480', 'name'],
    ['Borås kommun', '1490', 'name'],
    ['Boras', '1490', 'name'],
    ['Håbo', '0305', 'name'],
    ['HABO', '0643', 'name'],
    ['Riket', '0000', 'name'],
    ['region västra götaland', '0014', 'name'],
    ['Region-Västra-Götaland', '0014', 'name'],
  ] as const)('%s → %s', (input, id, via) => {
    expect(resolve(input)).toEqual({ ok: true, id, via });
  });

  it.each([
    ['', /saknas/],
    ['9999', /Okänd kommunkod/],
    ['999', /Okänd kommunkod/],
    ['Atlantis', /Okänd kommun/],
    ['Hå bo', /Okänd kommun/],
  ] as const)('refuses %s', (input, message) => {
    const r = resolve(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('calls a diacritics-only match ambiguous when it fits several', () => {
    const r = createMunicipalityResolver([
      { id: '0305', name: 'Håbo' },
      { id: '0643', name: 'Hâbo' },
    ])('Habo');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/tvetydigt/);
  });

  it('folds names', () => {
    expect(foldName(' Malmö  Stad ')).toBe('malmo stad');
  });
});
