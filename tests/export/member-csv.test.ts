import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import { queryPanelSeries } from '../../src/queries/panel-series.ts';
import { queryMemberValues } from '../../src/queries/member-values.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { buildSeriesSpec } from '../../src/panels/series-spec.ts';
import { chartCsv } from '../../src/export/csv.ts';
import { openRealData } from '../support/real-data.ts';
import { koladaDir } from '../support/kolada-dir.ts';

let db: Database;
let raw: Database;
let site: SiteData;
beforeAll(async () => {
  ({ db, site } = await openRealData());
  raw = await openNodeDatabase();
});
afterAll(async () => {
  await db?.close();
  await raw?.close();
});

/** Splits our CSV into its three sections (metadata, chart table, member values), each as rows of cells. */
function sections(csv: string, sep: string): string[][][] {
  const body = csv.replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: sep, skipEmptyLines: false }).data;
  const out: string[][][] = [[]];
  for (const row of parsed) {
    if (row.length === 1 && row[0] === '') out.push([]);
    else out.at(-1)!.push(row);
  }
  return out.filter((s) => s.length);
}

describe('CSV member rows on the real data (Alingsås U31462, liknande kommuner 2022)', () => {
  async function spec() {
    const kommun = site.meta.municipalities.find((m) => m.id === '1489')!;
    const kpi = site.meta.kpis.find((k) => k.id === 'U31462')!;
    const group = resolvePeerGroup(site.meta, kommun, { kind: 'liknande', edition: 2022 });
    const points = await queryPanelSeries(db, {
      kpi: kpi.id,
      municipalityId: kommun.id,
      members: group.members,
      gender: 'T',
      higherIsBetter: kpi.higher_is_better,
    });
    const members = await queryMemberValues(db, { kpi: kpi.id, municipalityIds: [kommun.id, ...group.members], gender: 'T' });
    const names = new Map(site.meta.municipalities.map((m) => [m.id, m.name]));
    const s = buildSeriesSpec({
      id: 'x',
      kpi,
      kommun,
      group,
      points,
      manifest: site.meta.manifest,
      target: null,
      members,
      names,
      options: { showRiket: false, showAll: false, band: 'minmax', genderLabel: 'totalt' },
    });
    return { s, group };
  }

  it('has one member row per kommun and year equal to SQL on the raw Kolada file (full precision in the plain CSV)', async () => {
    const { s, group } = await spec();
    const [, , memberSection] = sections(chartCsv(s, 'plain', '2026-11-30'), ',');
    expect(memberSection[0]).toEqual(['Medlemmarnas värden']);
    const [header, ...rows] = memberSection.slice(1);
    const years = header.slice(3).map((h) => h.replace(/ \(%\)$/, ''));
    expect(rows.map((r) => r[1]).sort()).toEqual(['1489', ...group.members].sort());

    const ids = ['1489', ...group.members].map((id) => `'${id}'`).join(', ');
    const expected = await raw.query<{ id: string; period: string; value: string | null }>(
      `SELECT municipality_id AS id, period, value FROM read_csv('${join(koladaDir(), 'values_long.csv')}', all_varchar = true, header = true)
       WHERE kpi = 'U31462' AND gender = 'T' AND municipality_id IN (${ids})`,
    );
    const want = new Map(expected.map((r) => [`${r.id}|${r.period}`, r.value === null || r.value === '' ? '' : String(Number(r.value))]));
    let compared = 0;
    for (const r of rows) {
      years.forEach((y, i) => {
        expect(r[3 + i], `${r[0]} ${y}`).toBe(want.get(`${r[1]}|${y}`) ?? '');
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(50);
    // Alingsås 2022 = 81 (acceptance figure)
    const alingsas = rows.find((r) => r[1] === '1489')!;
    expect(alingsas[2]).toBe('Vald kommun');
    expect(alingsas[3 + years.indexOf('2022')]).toBe('81');
  });

  it('works the member table out when first read (every change builds a spec), then keeps it; copies and JSON carry it', async () => {
    const { s } = await spec();
    expect(Object.getOwnPropertyDescriptor(s, 'memberTable')?.get).toBeTypeOf('function');
    const table = s.memberTable!;
    expect(table.rows).toHaveLength(8);
    expect(s.memberTable).toBe(table);
    expect(Object.getOwnPropertyDescriptor(s, 'memberTable')?.value).toBe(table);
    expect({ ...s }.memberTable).toBe(table);
    expect(JSON.parse(JSON.stringify(s)).memberTable).toEqual(table);
  });

  it('states title, KPI, kommun, group, edition, members, source and dates in the metadata, and rounds the Excel variant', async () => {
    const { s } = await spec();
    const csv = chartCsv(s, 'excel-sv', '2026-11-30');
    const [meta, table] = sections(csv, ';');
    const m = new Map(meta.map((r) => [r[0], r[1]]));
    expect(m.get('Nyckeltal')).toBe('U31462 (%)');
    expect(m.get('Kommun')).toBe('Alingsås (1489)');
    expect(m.get('Utgåva')).toBe('2022');
    expect(m.get('Jämförelsegrupp')).toBe('Liknande kommuner ekonomiskt bistånd (utgåva 2022)');
    expect(m.get('Medlemmar')?.split(', ')).toHaveLength(7);
    expect(m.get('Källa')).toMatch(/^Källa: Kolada \(RKA\), U31462/);
    expect(m.get('Exporterad')).toBe('2026-11-30');
    const row2022 = table.find((r) => r[0] === '2022')!;
    // the group mean 85,5 from 4 of 7 (acceptance figure), shown with one decimal as on screen
    expect(row2022[2]).toBe('85,5');
    for (const r of table.slice(1))
      for (const c of r.slice(1)) if (/^-?\d/.test(c) && !c.includes(' av ')) expect(c).toMatch(/^-?\d+(,\d)?$/);
    expect(s.fileStem).toBe('U31462_Alingsas_1489_liknande_2022');
  });
});
