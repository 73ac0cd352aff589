import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium, openPage, waitForApp } from '../support/browser.ts';

let browser: Browser;
const site = inject('siteUrl');
const OUT = resolve('.cache/trust-artifacts');
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const offOrigin = (requests: string[]) => requests.filter((u) => !u.startsWith(site) && !u.startsWith('data:') && !u.startsWith('blob:'));

async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), page.click(selector)])) as [Download, unknown];
  const path = resolve(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe("a year outside a KPI's data (end to end in Chromium)", () => {
  for (const [label, url, kommun] of [
    ['a year before the first value: Ystad, "År för placering" 2010', 'kommun/1286/?ar=2010', 'Ystad'],
    ['a year after the last value: Ystad ?ar=2031', 'kommun/1286/?ar=2031', 'Ystad'],
    ['Östersund ?ar=2002', 'kommun/2380/?ar=2002', 'Östersund'],
  ] as const) {
    it(`${label}: the series stays, with "inget värde <år>" and the nearest years`, async () => {
      const { page, context, errors, requests } = await openPage(browser);
      await page.goto(`${site}${url}`, { timeout: 120_000 });
      const year = /ar=(\d{4})/.exec(url)![1];
      const panel = page.locator('#panel-ateraktualisering');
      await page.waitForFunction(
        (y) => document.querySelector('#panel-ateraktualisering .figures .big')?.textContent === `inget värde ${y}`,
        year,
        { timeout: 120_000 },
      );
      await expect(panel.locator('.figures .big').first().textContent()).resolves.toBe(`inget värde ${year}`);
      await expect(panel.locator('.figures .nearest').textContent()).resolves.toMatch(/^Närmaste år med värde: \d{4} \(/);
      await expect(panel.locator('svg[data-chart-id]').count()).resolves.toBe(1);
      const body = await page.locator('main').textContent();
      expect(body).not.toContain(`${kommun} har inga värden`);
      if (url.includes('1286/?ar=2010')) await page.screenshot({ path: resolve(OUT, 'ystad-2010.png'), fullPage: false });
      expect(offOrigin(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('panel: a kommun without any value for the KPI', () => {
  it('Upplands Väsby U31462: the group mean, spread and chart stay, the kommun "inget värde" and "har inga värden för U31462"', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/0114/`, { timeout: 120_000 });
    await page.waitForFunction(
      () => (globalThis as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'ready',
      null,
      {
        timeout: 120_000,
      },
    );
    const panel = page.locator('#panel-ateraktualisering');
    await expect(panel.locator('.figures .big').first().textContent()).resolves.toMatch(/^inget värde \d{4}$/);
    await expect(panel.locator('.figures .big').nth(1).textContent()).resolves.toMatch(/^\d+,\d\u00a0%$/);
    await expect(panel.locator('p.empty').textContent()).resolves.toBe('Upplands Väsby har inga värden för U31462.');
    await expect(panel.locator('p.summary').textContent()).resolves.toMatch(
      /^Upplands Väsby har inga värden\. Medelvärdet för liknande kommuner .* \d{4}: \d+,\d\u00a0%\.$/,
    );
    await expect(panel.locator('svg[data-chart-id] path').count()).resolves.toBeGreaterThan(0);
    await expect(panel.locator('.figures').textContent()).resolves.toContain('ingen placering bland alla kommuner');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('panel: direction, quartile, notes, member values', () => {
  it('Hallsberg U40455: direction and quartile beside the ranks, small-number and jump notes, member table', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1861/?ar=2022`, { timeout: 120_000 });
    const panel = page.locator('#panel-arbete-studier');
    await panel.locator('.quality-notes').waitFor({ timeout: 120_000 });
    await expect(panel.locator('.rank-direction').textContent()).resolves.toBe('högst värde = plats 1');
    await expect(panel.locator('.quartile').textContent()).resolves.toMatch(/fjärdedelen|hälften/);
    const notes = await panel.locator('.quality-notes li').allTextContents();
    expect(notes.some((n) => n.includes('exakt 100'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Förändringen 2021–2022'))).toBe(true);
    await panel.locator('.member-table summary').click();
    await panel.locator('.member-table tbody tr').first().waitFor();
    const rows = await panel.locator('.member-table tbody tr').count();
    expect(rows).toBe(8);
    await panel.screenshot({ path: resolve(OUT, 'hallsberg-u40455-panel.png') });
    const costs = page.locator('#panel-kostnader');
    await expect(costs.locator('.rank-direction').textContent()).resolves.toBe('högst värde = plats 1');
    await expect(costs.locator('.quartile').textContent()).resolves.toMatch(/högsta|mittersta|lägsta/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('kommun search on the start page finds "väsby", "Hallsberg kommun" and "Halsberg"', async () => {
    const { page, context } = await openPage(browser);
    for (const [q, id] of [
      ['väsby', '0114'],
      ['Hallsberg kommun', '1861'],
      ['Halsberg', '1861'],
    ] as const) {
      await page.goto(site);
      await waitForApp(page);
      const input = page.locator('.kommun-search input').first();
      await input.fill(q);
      await input.press('Enter');
      await page.waitForURL(new RegExp(`kommun/${id}`));
    }
    await context.close();
  });
});

describe('ranking page', () => {
  it('labels the kommun and its group, colours by quartile with a written key, exports like a panel and filters the KPI list', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}rangordning/?kpi=U31001&kommun=1861`, { timeout: 120_000 });
    // the prerendered page is the default ranking; wait until the browser has ranked U31001 with Hallsberg marked
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="rank-marked"]')?.textContent?.includes('Hallsberg') &&
        document.querySelector('h2#rank-h')?.textContent?.includes('Utbetalt'),
      null,
      { timeout: 120_000 },
    );
    await expect(page.locator('[data-testid="rank-marked"]').textContent()).resolves.toContain('Hallsberg');
    const keys = await page.locator('.quartile-key li').allTextContents();
    expect(keys.join(' ')).toMatch(/högsta fjärdedelen/);
    expect(keys.join(' ')).not.toMatch(/bästa|sämsta/);
    await expect(page.locator('.rank-place').textContent()).resolves.toMatch(/högst värde = plats 1$/);
    await page.click('.rank-tools .export-toggle');
    const csv = await download(page, '.rank-tools [data-export="csv-sv"]');
    expect(csv.name).toMatch(/^U31001_\d{4}_T_rangordning_Hallsberg_1861/);
    expect(csv.text).toContain('Kommun;Hallsberg (1861)');
    await page.screenshot({ path: resolve(OUT, 'ranking-u31001.png'), fullPage: true });
    await page.fill('.kpi-filter input', 'sjukfrånvaro');
    const options = await page.locator('.kpi-pick option').allTextContents();
    expect(options.every((o) => /sjukfrånvaro/i.test(o) || o.startsWith('U31001'))).toBe(true);
    expect(options.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('report', () => {
  it('offers print only once every panel has its data, and prints tables, members and the date', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/rapport/?utgava=2022`);
    const button = page.locator('button[data-print-ready]');
    await page.waitForFunction(
      () => document.querySelector('button[data-print-ready]')?.getAttribute('data-print-ready') === 'true',
      null,
      { timeout: 90_000 },
    );
    await expect(button.isEnabled()).resolves.toBe(true);
    await expect(page.locator('.report-panels .loading').count()).resolves.toBe(0);
    await expect(page.locator('.report-date').textContent()).resolves.toMatch(/^Utskriven \d{4}-\d{2}-\d{2}\.$/);
    await expect(page.locator('.report-group').textContent()).resolves.toMatch(/Medlemmar: .+\(\d{4}\)/);
    expect(await page.locator('.report-table').count()).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdfPath = resolve(OUT, 'rapport-1489.pdf');
    writeFileSync(pdfPath, pdf);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Hämtar värden');
    expect(text).toContain('värde per kommun och år');
    expect(errors).toEqual([]);
    await context.close();
  });
});
