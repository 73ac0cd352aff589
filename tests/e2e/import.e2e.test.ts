import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, waitForEngine, engineQuery } from '../support/browser.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';

/**
 * "Egna data" through the browser path: setInputFiles on the page's file input → parse worker →
 * preview → confirm → DuckDB-wasm. Values are compared with native DuckDB reading the same file.
 */
const site = inject('siteUrl');
const kolada = inject('koladaDir');
const valuesFile = join(kolada, 'values_long.csv');
let browser: Browser;
let native: Database;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  native = await openNodeDatabase({ searchPath: [kolada] });
  await native.exec(`CREATE TABLE v AS SELECT * FROM read_csv('values_long.csv', header = true, auto_detect = false, delim = ',', quote = '"',
    columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE'})`);
  ({ page, context, errors } = await openPage(browser));
  await page.goto(`${site}egna-data/`);
  await waitForEngine(page, 120_000);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await native?.close();
});

type Row = Record<string, unknown>;
const sql = (q: string): Promise<Row[]> => engineQuery(page, q);

async function importFile(file: string | { name: string; mimeType: string; buffer: Buffer }, setKpi?: string) {
  await page.setInputFiles('.egna-data input[type=file]', file);
  await page.waitForSelector('.import-preview', { timeout: 120_000 });
  if (setKpi) {
    await page.fill('.kpi-choices tbody tr:first-child td:nth-child(4) input', setKpi);
    await page.fill('.kpi-choices tbody tr:first-child td:nth-child(5) input', `Egen kopia av ${setKpi}`);
  }
  const accepted = Number((await page.textContent('.facts div:nth-child(5) dd'))!.replace(/\D/g, ''));
  const rejected = Number((await page.textContent('.facts div:nth-child(6) dd'))!.replace(/\D/g, ''));
  await page.click('.import-preview .actions button:first-child');
  await page.waitForSelector('.egna-data .ok-note, .egna-data [role=alert]', { timeout: 300_000 });
  return { accepted, rejected, message: (await page.textContent('.egna-data .ok-note, .egna-data [role=alert]'))! };
}

const perKpi = (rows: Row[]) =>
  Object.fromEntries(rows.map((r) => [String(r.kpi), { n: Number(r.n), nv: Number(r.nv), sum: Number(r.s) }]));

describe('importing files on the Egna data page', () => {
  it('imports the real values_long.csv with values identical to native DuckDB', async () => {
    const r = await importFile(valuesFile);
    expect(r.message).toContain('values_long.csv');
    const [{ n: nativeRows }] = await native.query(`SELECT count(*) AS n FROM v`);
    expect(r.accepted + r.rejected).toBe(Number(nativeRows));
    expect(r.rejected).toBe(0);
    const agg = `SELECT kpi, count(*) AS n, count(value) AS nv, sum(value) AS s FROM %T GROUP BY kpi ORDER BY kpi`;
    const browserAgg = perKpi(await sql(agg.replace('%T', 'user_values WHERE set_id IS NOT NULL')));
    const nativeAgg = perKpi(await native.query(agg.replace('%T', 'v')));
    expect(Object.keys(browserAgg)).toEqual(Object.keys(nativeAgg));
    for (const [k, v] of Object.entries(nativeAgg)) {
      expect(browserAgg[k].n, k).toBe(v.n);
      expect(browserAgg[k].nv, k).toBe(v.nv);
      expect(browserAgg[k].sum, k).toBeCloseTo(v.sum, 6);
    }
    // a sample of keys, value for value (exact doubles)
    const sample = await native.query(`SELECT kpi, municipality_id, period, gender, value FROM v USING SAMPLE 300 ROWS (reservoir, 42)`);
    const where = sample.map((s) => `('${s.kpi}','${s.municipality_id}','${s.period}','${s.gender}')`).join(',');
    const got = await sql(
      `SELECT kpi, municipality_id, period, gender, value FROM user_values WHERE (kpi, municipality_id, period, gender) IN (${where})`,
    );
    const key = (x: Row) => `${x.kpi}|${x.municipality_id}|${x.period}|${x.gender}`;
    const gotMap = new Map(got.map((g) => [key(g), g.value]));
    for (const s of sample) expect(gotMap.get(key(s)), key(s)).toBe(s.value);
    // The site was built from the same file: every row is already there with the same value.
    expect(r.message).toMatch(/fanns redan med samma värde/);
    expect(errors).toEqual([]);
  });

  it('imports a wide table built from the file as a new KPI with the same values', async () => {
    const rows = await native.query(
      `SELECT municipality_id AS m, period AS p, value FROM v WHERE kpi = 'N00090' AND gender = 'T' AND length(period) = 4 AND NOT starts_with(municipality_id, '00') ORDER BY m, p`,
    );
    const years = [...new Set(rows.map((r) => String(r.p)))].sort();
    const byMuni = new Map<string, Map<string, number | null>>();
    for (const r of rows) {
      if (!byMuni.has(String(r.m))) byMuni.set(String(r.m), new Map());
      byMuni.get(String(r.m))!.set(String(r.p), r.value as number | null);
    }
    const text = [
      'Kommun;' + years.join(';'),
      ...[...byMuni].map(([m, vals]) =>
        [m, ...years.map((y) => ((vals.get(y) ?? '') === '' ? '' : String(vals.get(y)).replace('.', ',')))].join(';'),
      ),
    ].join('\r\n');
    const r = await importFile({ name: 'sjukfranvaro-bred.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }, 'EGEN_N00090');
    expect(r.rejected).toBe(0);
    expect(r.message).toContain('rader lades till');
    const got = await sql(
      `SELECT municipality_id AS m, period AS p, value FROM kpi_values WHERE kpi = 'EGEN_N00090' AND value IS NOT NULL ORDER BY m, p`,
    );
    expect(got).toEqual(rows.filter((x) => x.value !== null));
  });

  it('leaves earlier data untouched when a broken file is refused or cancelled', async () => {
    const before = await sql(`SELECT (SELECT count(*) FROM kpi_values) AS kv, (SELECT count(*) FROM user_values) AS uv`);
    await page.setInputFiles('.egna-data input[type=file]', {
      name: 'trasig.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    });
    await page.waitForSelector('.import-preview [role=alert]');
    expect(await page.textContent('.import-preview [role=alert]')).toMatch(/Excel/);
    await page.click('.import-preview button');
    const bad = 'kpi;kommun;period;varde\nEGEN_X;Ingenstans;2023;1\nEGEN_X;0180;tjugohundra;2\nEGEN_X;0180;2024;abc\n';
    await page.setInputFiles('.egna-data input[type=file]', { name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.waitForSelector('.import-preview table.rejected');
    expect(await page.$$eval('table.rejected tbody tr', (trs) => trs.map((t) => t.querySelector('th')!.textContent))).toEqual([
      '2',
      '3',
      '4',
    ]);
    expect(await page.isDisabled('.import-preview .actions button:first-child')).toBe(true);
    await page.click('.import-preview .actions button:nth-child(2)');
    expect(await page.textContent('.egna-data .ok-note')).toContain('Inget har lagts till');
    expect(await sql(`SELECT (SELECT count(*) FROM kpi_values) AS kv, (SELECT count(*) FROM user_values) AS uv`)).toEqual(before);
  });

  it('keeps the imported sets across a reload and can remove one', async () => {
    const before = await sql(`SELECT set_id, count(*) AS n FROM user_values GROUP BY set_id ORDER BY set_id`);
    await page.reload();
    await waitForEngine(page, 120_000);
    await page.waitForFunction(() => document.querySelectorAll('.imported-sets tbody tr').length === 2);
    expect(await page.$$eval('.imported-sets tbody th', (ths) => ths.map((t) => t.textContent))).toEqual([
      'values_long.csv',
      'sjukfranvaro-bred.csv',
    ]);
    expect(await sql(`SELECT set_id, count(*) AS n FROM user_values GROUP BY set_id ORDER BY set_id`)).toEqual(before);
    expect(Number((await sql(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'EGEN_N00090'`))[0].n)).toBeGreaterThan(0);
    const answersWithoutEngine = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { __jamfor: { coordinator: { answersWithoutEngine: boolean } } }).__jamfor.coordinator
            .answersWithoutEngine,
      );
    expect(await answersWithoutEngine()).toBe(false);
    await page.click('.imported-sets tbody tr:nth-child(2) button');
    await page.waitForFunction(() => document.querySelectorAll('.imported-sets tbody tr').length === 1);
    expect(Number((await sql(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'EGEN_N00090'`))[0].n)).toBe(0);
    // the set left (Kolada's own file again) added no row, every key being there already: the data is
    // Kolada's alone again, so the page reads its value pieces itself again
    expect(await sql(`SELECT count(*) AS n FROM user_values WHERE applied`)).toEqual([{ n: 0 }]);
    expect(await answersWithoutEngine()).toBe(true);
    // and so after a reload, once the engine has restored that set
    await page.reload();
    await waitForEngine(page, 120_000);
    await page.waitForFunction(() => document.querySelectorAll('.imported-sets tbody tr').length === 1);
    expect(await sql(`SELECT count(*) AS n FROM user_values WHERE NOT applied`)).not.toEqual([{ n: 0 }]);
    expect(await answersWithoutEngine()).toBe(true);
    expect(errors).toEqual([]);
  });
});
