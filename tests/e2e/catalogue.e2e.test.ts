import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from '../support/browser.ts';
import { readKoladaCsv } from '../support/kolada-dir.ts';

const site = inject('siteUrl');
const origin = new URL(site).origin;
/** Screenshots for people to look at (git-ignored). */
const SHOTS = '.cache/shots';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

const catalogueTitle = (id: string) => readKoladaCsv('kpi_metadata_2026-03.csv').find((r) => r.id === id)!.title;

describe('KPI catalogue search on the real data', () => {
  it('finds KPIs by words with a hit count and no silent cut-off, loading the catalogue only on use', async () => {
    const { page, context, requests, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await page.waitForSelector('.kpi-search input[type="search"]');
    expect(requests.filter((u) => u.includes('catalogue.json'))).toEqual([]);
    await page.fill('.kpi-search input[type="search"]', 'ekonomiskt bistand');
    const count = page.locator('.kpi-search .hit-count');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toMatch(/matchar/);
    const total = Number((await count.textContent())!.match(/^([\d\s\u00a0]+) nyckeltal/)![1].replace(/\D/g, ''));
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('.kpi-search .hits li').count()).toBe(20);
    await page.getByRole('button', { name: /Visa fler/ }).click();
    expect(await page.locator('.kpi-search .hits li').count()).toBe(Math.min(40, total));
    expect(requests.filter((u) => u.includes('catalogue.json'))).toHaveLength(1);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.locator('.kpi-search').screenshot({ path: `${SHOTS}/catalogue-search.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('says plainly that N31825 is in Kolada but not in this data, and how to add it – never "not found"', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await page.fill('.kpi-search input[type="search"]', 'N31825');
    const first = page.locator('.kpi-search .hits li').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('N31825');
    const text = (await first.textContent())!;
    expect(text).toContain(catalogueTitle('N31825'));
    expect(text).toContain('finns i Kolada men ingår inte i de här uppgifterna');
    expect(text).toContain('npm run data:kolada -- --kpis N31825');
    expect(text).not.toMatch(/hittades inte|inga nyckeltal matchar/i);
    const box = (await page.locator('.kpi-search').boundingBox())!;
    await page.screenshot({
      path: `${SHOTS}/catalogue-n31825.png`,
      fullPage: true,
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 500) },
    });
    await page.goto(`${site}kommun/1489/?extra=N31002`);
    const missing = page.locator('.missing-kpi');
    await expect.poll(() => missing.textContent(), { timeout: 30_000 }).toContain('finns i Kolada men ingår inte i de här uppgifterna');
    expect(await missing.textContent()).toContain(catalogueTitle('N31002'));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('browses by operating area', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await page.locator('.kpi-search select').focus();
    await expect.poll(() => page.locator('.kpi-search select option').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.locator('.kpi-search select').selectOption('Äldre och funktionshinder');
    const n = readKoladaCsv('kpi_metadata_2026-03.csv').filter((r) => r.operating_area === 'Äldre och funktionshinder').length;
    await expect
      .poll(() => page.locator('.kpi-search .hit-count').textContent())
      .toContain(`${n.toLocaleString('sv-SE')} nyckeltal matchar`);
    await context.close();
  }, 120_000);
});

describe('definitions and liknande families on the real data', () => {
  it('compares a gymnasieskola KPI with liknande kommuner gymnasieskola by default and says why', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/?extra=N18621`);
    const panel = page.locator('#panel-extra-N18621');
    await expect
      .poll(() => panel.locator('.figures').textContent(), { timeout: 60_000 })
      .toContain('Liknande kommuner gymnasieskola (utgåva 2024)');
    await panel.locator('details.definition summary').click();
    const def = (await panel.locator('details.definition').textContent())!;
    expect(def).toContain('Gymnasieskola åk 1-3');
    expect(def).toContain('vald efter nyckeltalets verksamhetsområde');
    expect(await panel.locator('details.definition a').getAttribute('href')).toBe('https://www.kolada.se/verktyg/fri-sokning/?kpis=N18621');
    await panel.locator('details.definition').screenshot({ path: `${SHOTS}/definition.png` });
    // U31462 on the same page stays with ekonomiskt bistånd
    expect(await page.locator('#panel-ateraktualisering .figures').textContent()).toContain('Liknande kommuner ekonomiskt bistånd');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens every panel against liknande kommuner äldreomsorg when that family is chosen, members as in Kolada', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await page.locator('select.family-pick').selectOption('aldreomsorg');
    await expect.poll(() => page.url()).toContain('familj=aldreomsorg');
    const figures = page.locator('#panel-ateraktualisering .figures');
    await expect.poll(() => figures.textContent(), { timeout: 60_000 }).toContain('Liknande kommuner äldreomsorg (utgåva 2024)');
    const members = readKoladaCsv('municipality_groups_2026-03.csv')
      .filter((r) => r.group_title === 'Liknande kommuner äldreomsorg, Alingsås, 2024')
      .map((r) => r.member_title)
      .sort();
    await page.locator('#panel-ateraktualisering details.members summary').click();
    await page.locator('#panel-ateraktualisering details.members li').first().waitFor();
    const shown = (await page.locator('#panel-ateraktualisering details.members li').allTextContents()).sort();
    expect(shown).toEqual(members);
    await page.locator('form.controls').screenshot({ path: `${SHOTS}/family-picker.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('every KPI on the ranking page', () => {
  it('ranks a KPI that is in no panel (?kpi=N31807), with its source line', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}rangordning/?kpi=N31807&kommun=1489`);
    const h = page.locator('#rank-h');
    await expect.poll(() => h.textContent(), { timeout: 60_000 }).toContain(catalogueTitle('N31807'));
    expect(await page.locator('.source-lines').textContent()).toContain('N31807');
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(250);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
