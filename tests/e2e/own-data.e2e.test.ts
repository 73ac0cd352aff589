import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 420_000 });
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, waitForApp, waitForEngine } from '../support/browser.ts';

/**
 * Issue 13 through the page in Chromium: files shaped like HR and AME exports (synthetic values) go
 * from the file input, via the column mapping and destination slots, to the monthly or stacked panel
 * of the chosen kommun; målvärden through the editor, a permalink and targets.csv.
 */
const site = inject('siteUrl');
const FIX = join(process.cwd(), 'tests', 'fixtures', 'import', 'own');
const SHOTS = '.cache/e2e';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, context, errors } = await openPage(browser, { width: 1280, height: 1000 }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function importFixture(file: string, kommun: string, opts: { screenshot?: string; choose?: string[] } = {}) {
  await page.goto(`${site}egna-data/?kommun=${kommun}`);
  await page.waitForSelector(`.municipality-choice [data-kommun="${kommun}"]`);
  await page.setInputFiles('.egna-data input[type=file]', { name: file, mimeType: 'text/csv', buffer: readFileSync(join(FIX, file)) });
  await page.waitForSelector('.import-preview', { timeout: 120_000 });
  if (opts.screenshot) await page.locator('.import-preview').screenshot({ path: `${SHOTS}/${opts.screenshot}` });
  const rejected = Number((await page.textContent('.facts div:nth-child(6) dd'))!.replace(/\D/g, ''));
  // the user picks a destination slot per series where the file does not say what it is
  for (const [i, slot] of (opts.choose ?? []).entries()) await page.locator('.kpi-choices tbody tr select').nth(i).selectOption(slot);
  const destinations = await page.$$eval('.kpi-choices tbody tr', (trs) =>
    trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), (tr.querySelector('select') as HTMLSelectElement).value]),
  );
  await page.click('.import-preview .actions button:first-child');
  await page.waitForSelector('.egna-data .ok-note, .egna-data [role=alert]', { timeout: 120_000 });
  return { rejected, destinations, message: (await page.textContent('.egna-data .ok-note, .egna-data [role=alert]'))! };
}

async function panelText(kommun: string, panel: string) {
  await page.goto(`${site}kommun/${kommun}/`);
  await waitForEngine(page, 120_000);
  const sel = `#panel-${panel}`;
  await page.waitForSelector(`${sel}:not([aria-busy="true"]) .summary`, { timeout: 120_000 });
  // its tables are built when opened, as a visitor opens them
  await page.waitForFunction((s) => {
    const tables = [...document.querySelectorAll<HTMLDetailsElement>(`${s} details.chart-table`)];
    for (const d of tables) if (!d.open) d.querySelector('summary')!.click();
    return tables.length > 0 && tables.every((d) => d.querySelector('tbody tr'));
  }, sel);
  return (await page.textContent(sel))!;
}

describe('own files as they really come', () => {
  it('HR export: cp1252, title rows, months as rows, age groups as columns, no kommun column → monthly panel of the chosen kommun', async () => {
    const r = await importFixture('hr-manader-rader-aldersgrupper-kolumner-1252.csv', '1861', { screenshot: 'own-mapping-preview.png' });
    expect(r.rejected).toBe(0);
    expect(r.destinations).toEqual([
      ['–29 år', 'X90001_29'],
      ['30–49 år', 'X90001_30_49'],
      ['50– år', 'X90001_50'],
      ['Totalt', 'X90001'],
    ]);
    expect(r.message).toMatch(/96 rader lades till/);
    const text = await panelText('1861', 'sjukfranvaro-manad');
    expect(text).toContain('Hallsberg');
    expect(text).toContain('9,98');
    expect(text).toMatch(/procentenheter/);
    expect(text).toMatch(/Per åldersgrupp 2023[\s\S]*Per åldersgrupp 2022/);
    expect(text).toMatch(/Källa: egna data, hr-manader-rader-aldersgrupper-kolumner-1252\.csv, inläst \d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/Kolada|hämtad/);
    await page.locator('#panel-sjukfranvaro-manad').screenshot({ path: `${SHOTS}/own-monthly-panel.png` });
  });

  it('months as columns with age groups as rows, and a row per year with month columns', async () => {
    const a = await importFixture('hr-manader-kolumner-aldersgrupper-rader.csv', '1286');
    expect(a.rejected).toBe(0);
    expect(a.destinations.map((d) => d[1])).toEqual(['X90001_29', 'X90001_30_49', 'X90001_50', 'X90001']);
    expect(await panelText('1286', 'sjukfranvaro-manad')).toContain('9,98');
    // no title and no column name says what the values are: offered as an own KPI until the user picks the slot
    const b = await importFixture('hr-ar-rader-manader-kolumner.csv', '0780', { choose: ['X90001'] });
    expect(b.rejected).toBe(0);
    expect(b.destinations.map((d) => d[1])).toEqual(['X90001']);
    expect(b.message).toMatch(/24 rader lades till/);
    expect(await panelText('0780', 'sjukfranvaro-manad')).toContain('Växjö');
  });

  it('long file with Swedish headers and a kommun column (was misread as a wide table)', async () => {
    const r = await importFixture('hr-lang-svenska-rubriker.csv', '1861');
    expect(r.rejected).toBe(0);
    expect(r.message).toMatch(/96 rader lades till/);
    expect(await panelText('1489', 'sjukfranvaro-manad')).toContain('Alingsås');
  });

  it('AME exports (years as rows or as columns, exit reasons the other way) → the stacked panel', async () => {
    const a = await importFixture('ame-ar-rader-avslut-kolumner-1252.csv', '1861');
    expect(a.rejected).toBe(0);
    expect(a.destinations.map((d) => d[1])).toEqual(['X40001', 'X40002', 'X40003', 'X40004']);
    const text = await panelText('1861', 'avslut');
    expect(text).toMatch(/Arbete[\s\S]*Studier/);
    expect(text).toMatch(/Andelar: egen bearbetning av egna data/);
    const b = await importFixture('ame-avslut-rader-ar-kolumner.csv', '1489');
    expect(b.rejected).toBe(0);
    expect(await panelText('1489', 'avslut')).toContain('2023');
  });

  it('a year imported for a Kolada KPI is credited to the file, while the Kolada years keep Kolada as source', async () => {
    const r = await importFixture('kolada-id-nytt-ar.csv', '1286');
    expect(r.rejected).toBe(0);
    expect(r.destinations).toEqual([['U31462', 'known']]);
    const text = await panelText('1286', 'ateraktualisering');
    expect(text).toMatch(/Källa för 2023: egna data, kolada-id-nytt-ar\.csv, inläst \d{4}-\d{2}-\d{2} \(U31462\)/);
    expect(text).toMatch(/Källa: Kolada \(RKA\), U31462, hämtad/);
    await page.locator('#panel-ateraktualisering').screenshot({ path: `${SHOTS}/own-kolada-year.png` });
  });

  it('every kommun page links to Egna data for that kommun', async () => {
    await page.goto(`${site}kommun/1286/`);
    await page.click('a.own-data-link');
    await page.waitForSelector('.municipality-choice [data-kommun="1286"]');
    expect((await page.textContent('h1'))!.trim()).toBe('Egna data för Ystad');
  });
});

describe('målvärden set in the page', () => {
  const statement =
    /Målet ≥ 90\s%\s\(Socialnämndens verksamhetsplan 2024\): nåddes 2021 \(92\s%\); nåddes inte 2019 \(82\s%\) och 2020 \(88\s%\)/;

  it('added through the editor, shown on the kommun page per year, carried by a link, exported and imported as targets.csv', async () => {
    await page.goto(`${site}egna-data/?kommun=1286`);
    await page.waitForSelector('.target-form');
    const form = page.locator('.target-form');
    await form.locator('select').nth(1).selectOption('U31462');
    await form.getByLabel('Målvärde').fill('90');
    await form.getByLabel('Från år').fill('2019');
    await form.getByLabel('Till år').fill('2021');
    await form.getByLabel('Källa', { exact: true }).fill('Socialnämndens verksamhetsplan 2024');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('table.targets tbody tr');
    expect(await page.textContent('table.targets tbody')).toMatch(/≥ 90[\s\S]*2019–2021/);
    await page.locator('.target-editor').screenshot({ path: `${SHOTS}/own-target-editor.png` });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Spara målvärdena som targets.csv' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.trim().split('\n')).toEqual([
      'municipality_id,kpi,period,target,comparison,source_text',
      '1286,U31462,2019,90,>=,Socialnämndens verksamhetsplan 2024',
      '1286,U31462,2020,90,>=,Socialnämndens verksamhetsplan 2024',
      '1286,U31462,2021,90,>=,Socialnämndens verksamhetsplan 2024',
    ]);
    const link = (await page.getAttribute('a.target-link', 'href'))!;

    const text = await panelText('1286', 'ateraktualisering');
    expect(text).toMatch(statement);
    await page.locator('#panel-ateraktualisering').screenshot({ path: `${SHOTS}/own-target-panel.png` });
    // "Kopiera länk" on the kommun page carries the stored targets too.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    await page.locator('.copy-status:not(:empty)').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.getAll('mal')).toEqual([expect.stringMatching(/^1286~U31462~ge~90~2019-2021~/)]);

    // A fresh browser (nothing stored) opening the shared link sees the same targets.
    const other = await openPage(browser);
    for (const shared of [new URL(link, page.url()).href, copied]) {
      await other.page.goto(shared);
      await waitForApp(other.page);
      await other.page.waitForSelector('#panel-ateraktualisering:not([aria-busy="true"]) .summary', { timeout: 120_000 });
      expect(await other.page.textContent('#panel-ateraktualisering')).toMatch(statement);
    }
    // … and can import the exported targets.csv instead.
    await other.page.goto(`${site}egna-data/`);
    await other.page.setInputFiles('.target-editor input[type=file]', {
      name: 'targets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await other.page.waitForSelector('table.targets tbody tr');
    expect(await other.page.textContent('table.targets tbody')).toMatch(/Ystad[\s\S]*2019–2021[\s\S]*Socialnämndens verksamhetsplan 2024/);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('removing a target removes it from the kommun page; a target is never a ranked value', async () => {
    await page.goto(`${site}egna-data/`);
    await page.waitForSelector('table.targets tbody tr');
    await page.getByRole('button', { name: /Ta bort mål för U31462/ }).click();
    await page.waitForSelector('table.targets', { state: 'detached' });
    const text = await panelText('1286', 'ateraktualisering');
    expect(text).not.toMatch(/Målet ≥ 90/);
    expect(errors).toEqual([]);
  });
});
