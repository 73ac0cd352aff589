import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { directions, DIRECTIONS_FILE, higherIsBetter, parseDirections } from '../../src/data/kpi-directions.ts';
import { DASHBOARD_KPIS } from '../../src/data/dashboard-kpis.ts';
import { ruleDirection } from '../../scripts/seed-kpi-directions.ts';
import { koladaDir } from '../support/kolada-dir.ts';

const catalogue = () => Papa.parse<Record<string, string>>(readFileSync(join(koladaDir(), 'kpi_metadata_2026-03.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('the direction table (src/data/kpi-directions.csv)', () => {
  it('is well formed: one row per id, direction higher/lower/neither, a basis', () => {
    const rows = parseDirections(readFileSync(DIRECTIONS_FILE, 'utf8'));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(r.basis, r.id).toMatch(/^(manuell|okänd|regel: .+)$/);
    expect(() => parseDirections('id,direction,basis\nX1,better,manuell\n')).toThrow(/bad row/);
  });

  it('covers every KPI of the 2026-03 catalogue and every dashboard KPI', () => {
    for (const r of catalogue()) expect(directions().has(r.id), r.id).toBe(true);
    for (const k of DASHBOARD_KPIS) expect(directions().has(k.id), k.id).toBe(true);
  });

  it('says what the panel KPIs mean: re-actualisation and exits to work are better high, sick leave low, costs neither', () => {
    expect(higherIsBetter('U31462')).toBe(true);
    expect(higherIsBetter('U40455')).toBe(true);
    expect(higherIsBetter('N00090')).toBe(false);
    for (const id of ['U31001', 'N31004', 'N31001', 'N31008', 'N40011']) expect(higherIsBetter(id), id).toBeNull();
  });

  it('follows the obvious families of the catalogue: costs neither, satisfaction higher, waiting times lower', () => {
    const rows = catalogue();
    const costs = rows.filter((r) => /, kr\/inv$/.test(r.title));
    const satisfied = rows.filter((r) => /nöjd/i.test(r.title) && !/osäkerhetstal|missnöjd|ej nöjd/i.test(r.title));
    const waits = rows.filter((r) => /^Väntetid/i.test(r.title));
    expect(costs.length).toBeGreaterThan(100);
    expect(satisfied.length).toBeGreaterThan(10);
    expect(waits.length).toBeGreaterThan(10);
    for (const r of costs) expect(higherIsBetter(r.id), r.title).toBeNull();
    for (const r of satisfied) expect(higherIsBetter(r.id), r.title).toBe(true);
    for (const r of waits) expect(higherIsBetter(r.id), r.title).toBe(false);
  });

  it('treats an unknown KPI as neither, and the seed rules read titles as documented', () => {
    expect(higherIsBetter('NOPE99')).toBeNull();
    expect(higherIsBetter('constructor')).toBeNull();
    expect(ruleDirection('Nettokostnad äldreomsorg, kr/inv').direction).toBe('neither');
    expect(ruleDirection('Väntetid i antal dagar från ansökan till beslut, median').direction).toBe('lower');
    expect(ruleDirection('Brukarbedömning hemtjänst - nöjd med hemtjänsten, andel (%)').direction).toBe('higher');
    expect(ruleDirection('Invånare totalt, antal')).toEqual({ direction: 'neither', basis: 'okänd' });
  });
});
