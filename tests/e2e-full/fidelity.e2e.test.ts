import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChartTable, openPage, waitForEngine } from '../support/browser.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';
import { parseSv } from '../support/sv-number.ts';

/**
 * The site built on all of Kolada (2,008 KPIs, 9.5 M rows) against the source file, with SQL of our
 * own on native DuckDB reading values_long.csv.gz directly: random cells as the pages show them,
 * group statistics per peer family, and the seed figures. Random choices use fixed seeds.
 */
const site = inject('fullSiteUrl');
const dist = inject('fullDistDir');
const full = inject('koladaFullDir');
if (!full) console.warn('[e2e-full] kolada-full is absent: fidelity tests skipped');

let browser: Browser;
let src: Database;
let page: Page;
let meta: SiteMeta;
beforeAll(async () => {
  if (!full) return;
  src = await openNodeDatabase({ searchPath: [full] });
  await src.exec(`CREATE TABLE src AS SELECT * FROM read_csv('values_long.csv.gz', header = true, auto_detect = false,
    columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE'})`);
  await src.exec(
    `CREATE TABLE kommuner AS SELECT municipality_id AS id, county_code FROM read_csv('municipalities.csv', all_varchar = true) WHERE type = 'K' AND NOT starts_with(municipality_id, '00')`,
  );
  meta = JSON.parse(readFileSync(join(dist, 'data/meta.json'), 'utf8')) as SiteMeta;
  browser = await launchChromium();
  ({ page } = await openPage(browser));
  await page.goto(`${site}kommun/1286/`);
  await waitForEngine(page, 500_000);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await src?.close();
});

type Point = { period: string; value: number | null; groupMean: number | null; groupMedian: number | null; groupN: number };
/** panelSeries in the page's own DuckDB-wasm, through the coordinator (fetching the KPI's piece). */
function pagePanelSeries(kpi: string, municipalityId: string, gender: string, members: string[]): Promise<Point[]> {
  return page.evaluate(
    (r) =>
      (globalThis as unknown as { __jamfor: { coordinator: { run(n: string, q: unknown): Promise<Point[]> } } }).__jamfor.coordinator.run(
        'panelSeries',
        r,
      ),
    { kpi, municipalityId, members, gender, higherIsBetter: null },
  );
}

const decimals = (t: string) => /,(\d+)/.exec(t)?.[1].length ?? 0;

describe.skipIf(!full)('the site on all of Kolada against values_long.csv.gz', () => {
  it('has every KPI of the source file and nothing else, each piece with its row count', async () => {
    const kpis = await src.query<{ kpi: string; n: number }>(`SELECT kpi, count(*) AS n FROM src GROUP BY kpi ORDER BY kpi`);
    expect(kpis.length).toBe(2008);
    const index = JSON.parse(readFileSync(join(dist, 'data/pieces.json'), 'utf8')) as { pieces: Record<string, [string, number, number]> };
    expect(Object.keys(index.pieces).sort()).toEqual(kpis.map((k) => k.kpi));
    for (const { kpi, n } of kpis) expect(index.pieces[kpi][2], kpi).toBe(Number(n));
  });

  it('50 random cells (kpi, kommun, year, gender) come out of the page engine exactly as in the source', async () => {
    const cells = await src.query<{ kpi: string; municipality_id: string; period: string; gender: string; value: number | null }>(
      `SELECT * FROM (SELECT * FROM src WHERE municipality_id IN (SELECT id FROM kommuner)) USING SAMPLE reservoir(50 ROWS) REPEATABLE (12)`,
    );
    expect(cells).toHaveLength(50);
    for (const c of cells) {
      const series = await pagePanelSeries(c.kpi, c.municipality_id, c.gender, []);
      const point = series.find((p) => p.period === c.period);
      expect(point?.value ?? null, `${c.kpi} ${c.municipality_id} ${c.period} ${c.gender}`).toBe(c.value);
    }
  });

  it('cells shown in a KPI panel (picked by URL) match the source, as rounded on the page', async () => {
    const cells = await src.query<{ kpi: string; municipality_id: string; period: string; value: number }>(
      `SELECT * FROM (SELECT * FROM src WHERE gender = 'T' AND value IS NOT NULL AND municipality_id IN (SELECT id FROM kommuner)) USING SAMPLE reservoir(8 ROWS) REPEATABLE (7)`,
    );
    expect(cells).toHaveLength(8);
    for (const c of cells) {
      const { page: p, context, errors } = await openPage(browser);
      await p.goto(`${site}kommun/${c.municipality_id}/?extra=${c.kpi}`);
      const rows = `${await openChartTable(p, `#panel-extra-${c.kpi}`, { timeout: 120_000 })} tbody tr`;
      const cellsByPeriod = Object.fromEntries(
        await p.$$eval(rows, (trs) =>
          trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']),
        ),
      );
      const shown = cellsByPeriod[c.period];
      expect(shown, `${c.kpi} ${c.municipality_id} ${c.period}`).toBeDefined();
      expect(parseSv(shown)).toBe(Number(c.value.toFixed(decimals(shown))));
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('group mean, median and n for 10 random KPIs × peer families match our own SQL', async () => {
    const kpis = await src.query<{ kpi: string }>(
      `SELECT kpi FROM (SELECT DISTINCT kpi FROM src WHERE gender = 'T' AND value IS NOT NULL) USING SAMPLE reservoir(10 ROWS) REPEATABLE (3)`,
    );
    expect(kpis).toHaveLength(10);
    const liknande = meta.groups.filter((g) => g.kind === 'liknande_ekonomiskt_bistand');
    const skr = meta.groups.filter((g) => g.kind === 'skr_kommungrupp');
    const kommuner = await src.query<{ id: string; county_code: string }>(`SELECT id, county_code FROM kommuner ORDER BY id`);
    let compared = 0;
    for (const [i, { kpi }] of kpis.entries()) {
      const [{ period }] = await src.query<{ period: string }>(
        `SELECT max(period) AS period FROM src WHERE kpi = ? AND gender = 'T' AND value IS NOT NULL`,
        [kpi],
      );
      const kommun = kommuner[(i * 37) % kommuner.length];
      const ownLiknande = liknande.filter((g) => g.owner === kommun.id).sort((a, b) => (b.edition ?? 0) - (a.edition ?? 0))[0];
      const families: Record<string, string[]> = {
        liknande: ownLiknande?.members ?? [],
        skr: skr.find((g) => g.members.includes(kommun.id))?.members ?? [],
        lan: kommuner.filter((k) => k.county_code === kommun.county_code).map((k) => k.id),
        alla: kommuner.map((k) => k.id),
      };
      const series = await pagePanelSeries(kpi, kommun.id, 'T', families.liknande);
      for (const [family, members] of Object.entries(families)) {
        if (!members.length) continue;
        const others = members.filter((m) => m !== kommun.id);
        const rows = family === 'liknande' ? series : await pagePanelSeries(kpi, kommun.id, 'T', members);
        const got = rows.find((p) => p.period === period);
        const [want] = await src.query<{ mean: number | null; median: number | null; n: number }>(
          `SELECT avg(value) AS mean, median(value) AS median, count(value) AS n FROM src
           WHERE kpi = ? AND gender = 'T' AND period = ? AND municipality_id IN (SELECT unnest(?::VARCHAR[]))`,
          [kpi, period, `[${others.join(',')}]`],
        );
        const label = `${kpi} ${kommun.id} ${family} ${period}`;
        expect(got?.groupN ?? 0, label).toBe(Number(want.n));
        if (want.mean === null) expect(got?.groupMean ?? null, label).toBeNull();
        else {
          expect(got!.groupMean!, label).toBeCloseTo(want.mean, 9);
          expect(got!.groupMedian!, label).toBeCloseTo(want.median!, 9);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });

  it('the site has every liknande-kommuner edition and SKR group of the source files, member for member', async () => {
    const lk = await src.query<{ key: string; members: string[] }>(
      `SELECT focal_municipality_id || '/' || edition_year AS key, list(member_id ORDER BY member_id) AS members
       FROM read_csv('liknande_kommuner_ekonomiskt_bistand.csv', all_varchar = true) GROUP BY ALL ORDER BY key`,
    );
    // liknande groups are shipped per kommun (data/groups-<id>.json, fetched when its page needs them)
    const groups = [
      ...meta.groups,
      ...(meta.lazyGroups ?? []).flatMap(
        (id) => JSON.parse(readFileSync(join(dist, `data/groups-${id}.json`), 'utf8')) as SiteMeta['groups'],
      ),
    ];
    const site = new Map(
      groups.filter((g) => g.kind === 'liknande_ekonomiskt_bistand').map((g) => [`${g.owner}/${g.edition}`, [...g.members].sort()]),
    );
    expect(site.size).toBe(lk.length);
    for (const g of lk) expect(site.get(g.key), g.key).toEqual([...g.members]);
  });

  it('shows the seed figures on the kommun pages', async () => {
    const table = async (p: Page, panel: string) =>
      Object.fromEntries(
        await p.$$eval(`${await openChartTable(p, `#panel-${panel}`, { timeout: 120_000 })} tbody tr`, (trs) =>
          trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
        ),
      );
    const { page: p, context } = await openPage(browser);
    await p.goto(`${site}kommun/1286/`);
    const ystad = await table(p, 'ateraktualisering');
    expect(['2019', '2020', '2021'].map((y) => parseSv(ystad[y][0]))).toEqual([82, 88, 92]);
    await p.goto(`${site}kommun/1861/`);
    const hallsberg = await table(p, 'ateraktualisering');
    expect([parseSv(hallsberg['2021'][0]), parseSv(hallsberg['2022'][0])]).toEqual([66, 65]);
    const kostnader = await table(p, 'kostnader');
    expect([Math.round(parseSv(kostnader['2020'][0])!), Math.round(parseSv(kostnader['2021'][0])!)]).toEqual([722, 674]);
    await p.goto(`${site}kommun/0780/?extra=U40455`);
    const vaxjo = await table(p, 'extra-U40455');
    expect(parseSv(vaxjo['2022'][0])).toBeCloseTo(44.3, 1);
    await p.goto(`${site}kommun/1489/?utgava=2022&ar=2022`);
    await openChartTable(p, '#panel-ateraktualisering', { timeout: 120_000, caption: 'utgåva 2022' });
    const alingsas = (await table(p, 'ateraktualisering'))['2022'];
    expect(parseSv(alingsas[0])).toBe(81);
    expect(parseSv(alingsas[1])).toBe(85.5);
    expect(parseSv(alingsas[2])).toBe(4);
    await context.close();
  });
});
