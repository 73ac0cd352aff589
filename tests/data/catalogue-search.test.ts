import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { prepareSiteData } from '../../scripts/site/prepare-site-data.ts';
import { createCatalogueSearch, type CatalogueSearch } from '../../src/data/catalogue-search.ts';
import { koladaCatalogue } from '../../src/data/kolada-directory.ts';
import { CATALOGUE_JSON, type CatalogueEntry } from '../../src/data/kpi-catalogue.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import { koladaDir } from '../support/kolada-dir.ts';

/** The catalogue file straight from the source, parsed independently of the code under test. */
let rows: Record<string, string>[] | null = null;
const sourceRows = () =>
  (rows ??= Papa.parse<Record<string, string>>(readFileSync(join(koladaDir(), 'kpi_metadata_2026-03.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

let entries: CatalogueEntry[];
let search: CatalogueSearch;
beforeAll(async () => {
  const site = await prepareSiteData(koladaDir());
  entries = JSON.parse(readFileSync(join(site.dir, CATALOGUE_JSON), 'utf8')) as CatalogueEntry[];
  search = createCatalogueSearch(entries);
}, 120_000);

describe('the KPI catalogue built from the real 97-KPI data', () => {
  it('holds every KPI of the 2026-03 catalogue, and marks exactly the KPIs with values', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const r of sourceRows()) expect(ids.has(r.id), r.id).toBe(true);
    const withValues = new Set(readFileSync(join(koladaDir(), 'values_coverage.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean));
    expect(new Set(entries.filter((e) => e.has_data).map((e) => e.id))).toEqual(withValues);
  });

  it('finds a KPI by its id, in any case, first', () => {
    expect(search.search('N31825')[0].id).toBe('N31825');
    expect(search.search('n31825')[0].id).toBe('N31825');
  });

  it('knows N31825 and N31002 as catalogue KPIs without values here', () => {
    for (const id of ['N31825', 'N31002']) {
      const e = search.byId(id)!;
      expect(e.title).toBe(sourceRows().find((r) => r.id === id)!.title);
      expect(e.has_data).toBe(false);
    }
  });

  it('finds by title words, tolerant of case and å/ä/ö, with every match counted (no cut-off)', () => {
    const expected = sourceRows().filter((r) => ['ekonomiskt', 'bistand'].every((w) => fold(`${r.id} ${r.title} ${r.description}`).split(/[^a-z0-9]+/).some((t) => t === w || t.startsWith(w)))).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(12);
    const hits = search.search('Ekonomiskt Bistand').map((e) => e.id);
    const listed = new Set(sourceRows().map((r) => r.id));
    expect(new Set(hits)).toEqual(new Set([...expected, ...entries.filter((e) => !listed.has(e.id) && /ekonomiskt bistånd/i.test(e.title + e.description)).map((e) => e.id)]));
    expect(search.search('EKONOMISKT BISTÅND').length).toBe(hits.length);
  });

  it('finds by words that occur only in the description', () => {
    const row = sourceRows().find((r) => r.id === 'N31825')!;
    const word = fold(row.description).split(/[^a-z0-9]+/).filter((w) => w.length >= 6 && !fold(row.title).includes(w))[0];
    expect(word).toBeTruthy();
    expect(search.search(word).map((e) => e.id)).toContain('N31825');
  });

  it('matches äldreomsorg written with or without å/ä/ö', () => {
    const a = search.search('äldreomsorg').map((e) => e.id);
    expect(a.length).toBeGreaterThan(50);
    expect(search.search('aldreomsorg').map((e) => e.id)).toEqual(a);
  });

  it('browses by operating area with every KPI of the area', () => {
    const areas = search.areas();
    const aldre = areas.find((a) => a.area === 'Äldre och funktionshinder')!;
    expect(aldre.count).toBe(sourceRows().filter((r) => r.operating_area === 'Äldre och funktionshinder').length);
    expect(search.search('', 'Äldre och funktionshinder')).toHaveLength(aldre.count);
    expect(search.search('brukarbedömning', 'Äldre och funktionshinder').every((e) => e.area === 'Äldre och funktionshinder')).toBe(true);
  });

  it('gives nothing (not everything) for a word no KPI has', () => {
    expect(search.search('xyzzyqwerty')).toEqual([]);
  });
});

describe('the full catalogue (kolada-full: 6,099 KPIs and the discontinued ones of the dump)', () => {
  const full = resolve(koladaDir(), '../kolada-full');
  it.runIf(existsSync(join(full, 'kpi_results_2024-08-17.csv')))('has all 6,099 plus the 43 discontinued KPIs, with titles', async () => {
    const db = await openNodeDatabase({ searchPath: [full] });
    try {
      const rows = await koladaCatalogue(db, new Set(readdirSync(full)));
      const results = Papa.parse<Record<string, string>>(readFileSync(join(full, 'kpi_results_2024-08-17.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const current = new Set(sourceRows().map((r) => r.id));
      const discontinued = results.filter((r) => !current.has(r.concept.toUpperCase()));
      expect(discontinued).toHaveLength(43);
      expect(rows).toHaveLength(6099 + 43);
      const s = createCatalogueSearch(rows.map((r) => ({ ...r, has_data: false })));
      for (const d of discontinued.slice(0, 5)) expect(s.byId(d.concept)!.title).toBe(d.name);
      expect(s.search('N31825')[0].id).toBe('N31825');
    } finally {
      await db.close();
    }
  }, 60_000);
});
