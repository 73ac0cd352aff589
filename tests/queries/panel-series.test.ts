import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { queryPanelSeries } from '../../src/queries/panel-series.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { openRealData } from '../support/real-data.ts';
import { koladaDir } from '../support/kolada-dir.ts';

let db: Database;
let site: SiteData;
beforeAll(async () => ({ db, site } = await openRealData()));
afterAll(() => db?.close());

const series = (kpi: string, id: string, members: string[] = []) =>
  queryPanelSeries(db, { kpi, municipalityId: id, members, gender: 'T', higherIsBetter: true });
const valueAt = async (kpi: string, id: string, period: string) => (await series(kpi, id)).find((p) => p.period === period)?.value;

/** The raw Kolada file, read independently of our loader (papaparse, every cell as text). */
function rawRows(): { kpi: string; municipality_id: string; period: string; gender: string; value: string }[] {
  return Papa.parse(readFileSync(join(koladaDir(), 'values_long.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data as never;
}

describe('acceptance figures on the real Kolada data (query layer)', () => {
  it('Ystad U31462 = 82, 88, 92 for 2019–2021', async () => {
    const s = await series('U31462', '1286');
    expect(['2019', '2020', '2021'].map((y) => s.find((p) => p.period === y)?.value)).toEqual([82, 88, 92]);
  });
  it('Hallsberg U31462 = 66 (2021), 65 (2022)', async () => {
    expect(await valueAt('U31462', '1861', '2021')).toBe(66);
    expect(await valueAt('U31462', '1861', '2022')).toBe(65);
  });
  it('Hallsberg U31001 rounds to 722 (2020) and 674 (2021) kr/inv', async () => {
    expect(Math.round((await valueAt('U31001', '1861', '2020'))!)).toBe(722);
    expect(Math.round((await valueAt('U31001', '1861', '2021'))!)).toBe(674);
  });
  it('Växjö U40455 2022 rounds to 44 %', async () => {
    expect(Math.round((await valueAt('U40455', '0780', '2022'))!)).toBe(44);
  });
  it('Alingsås U31462 2022 = 81', async () => {
    expect(await valueAt('U31462', '1489', '2022')).toBe(81);
  });
  it('0180 stays 0180 through loading, metadata and queries', async () => {
    expect(site.meta.municipalities.find((m) => m.name === 'Stockholm')?.id).toBe('0180');
    const rows = await db.query<{ id: string }>(`SELECT DISTINCT municipality_id AS id FROM kpi_values WHERE municipality_id = '0180'`);
    expect(rows).toEqual([{ id: '0180' }]);
    const s = await series('N00090', '0180');
    expect(s.some((p) => p.value !== null)).toBe(true);
  });
});

describe('peer-group statistics', () => {
  it("Alingsås's 2022 liknande-kommuner mean for U31462 equals the mean computed from the raw file", async () => {
    const kommun = site.meta.municipalities.find((m) => m.id === '1489')!;
    const group = resolvePeerGroup(site.meta, kommun, { kind: 'liknande', edition: 2022 });
    expect(group.members).toHaveLength(7);
    expect(group.members).not.toContain('1489');
    const raw = rawRows().filter(
      (r) => r.kpi === 'U31462' && r.period === '2022' && r.gender === 'T' && group.members.includes(r.municipality_id) && r.value !== '',
    );
    const expected = raw.reduce((s, r) => s + Number(r.value), 0) / raw.length;
    const p = (
      await queryPanelSeries(db, { kpi: 'U31462', municipalityId: '1489', members: group.members, gender: 'T', higherIsBetter: true })
    ).find((x) => x.period === '2022')!;
    expect(p.groupN).toBe(raw.length);
    expect(p.groupMean).toBeCloseTo(expected, 10);
  });

  it('missing values are gaps, not zeros, and excluded from means and ranks', async () => {
    const rows = await db.query<{ id: string; period: string }>(
      `SELECT municipality_id AS id, period FROM kpi_values WHERE kpi = 'U31462' AND gender = 'T' AND value IS NULL AND NOT starts_with(municipality_id, '00') LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    const { id, period } = rows[0];
    const p = (await series('U31462', id)).find((x) => x.period === period)!;
    expect(p.value).toBeNull();
    expect(p.rankAll).toBeNull();
    const withValue = rawRows().filter(
      (r) => r.kpi === 'U31462' && r.period === period && r.gender === 'T' && !r.municipality_id.startsWith('00') && r.value !== '',
    );
    expect(p.allN).toBe(withValue.length);
  });

  it('ties share a place (RANK semantics) and Riket is Kolada’s own 0000 value', async () => {
    const p = (await series('N00090', '1286')).find((x) => x.period === '2022')!;
    const raw = rawRows().filter((r) => r.kpi === 'N00090' && r.period === '2022' && r.gender === 'T');
    const own = Number(raw.find((r) => r.municipality_id === '1286')!.value);
    const better = raw.filter((r) => !r.municipality_id.startsWith('00') && r.value !== '' && Number(r.value) > own).length;
    expect(p.rankAll).toBe(better + 1);
    expect(p.riket).toBe(Number(raw.find((r) => r.municipality_id === '0000')!.value));
  });
});
