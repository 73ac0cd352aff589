import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import type { PieceIndex } from '../../src/data/value-pieces.ts';

/**
 * Bad input from the address bar and from the host: an unknown KPI id in a URL, and value pieces that
 * are missing (404) or cut short, in a copy of the built site served on 127.0.0.1.
 */
let browser: Browser;
const site = inject('siteUrl');
const dist = inject('distDir');
let broken: StaticServer;
let copy: string;
let index: PieceIndex;
beforeAll(async () => {
  browser = await launchChromium();
  copy = mkdtempSync(join(tmpdir(), 'jamfor-broken-'));
  cpSync(dist, copy, { recursive: true });
  index = JSON.parse(readFileSync(join(copy, 'data/pieces.json'), 'utf8')) as PieceIndex;
  broken = await serveStatic(copy, { compress: true });
});
afterAll(async () => {
  await browser?.close();
  await broken?.close();
  rmSync(copy, { recursive: true, force: true });
});

const piecePath = (kpi: string) => join(copy, 'data/values', index.pieces[kpi][0]);
const restore = (kpi: string) => cpSync(join(dist, 'data/values', index.pieces[kpi][0]), piecePath(kpi));
const chartIn = (page: Page, panel: string) => page.locator(`#panel-${panel} svg[data-chart-id]`);

describe('an unknown KPI id in the address', () => {
  it('the kommun page names it in Swedish and shows everything else', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1286/?extra=X99999,U31462`);
    const notice = page.locator('.missing-kpi');
    await page.waitForFunction(() => document.querySelector('.missing-kpi')?.textContent?.includes('finns inte i katalogen'), null, {
      timeout: 60_000,
    });
    await expect(notice.textContent()).resolves.toContain('Det finns inga värden för X99999 i de här uppgifterna');
    await page.waitForSelector('#panel-extra-U31462 svg[data-chart-id]', { timeout: 60_000 });
    expect(await chartIn(page, 'ateraktualisering').count()).toBe(1);
    expect(await page.locator('#panel-extra-X99999').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the ranking page says which id it did not know and ranks the default KPI instead', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}rangordning/?kpi=X99999`);
    const notice = page.locator('.unknown-kpi');
    await expect(notice.textContent()).resolves.toMatch(/^Okänt nyckeltal: ”X99999” finns inte i data\. Visar .+ i stället\.$/);
    await page.waitForSelector('svg[data-chart-id]', { timeout: 60_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a value piece that does not arrive', () => {
  it('a missing (404) and a truncated piece fail only their panels, each with a retry that works once the file is back', async () => {
    rmSync(piecePath('U31462'));
    truncateSync(piecePath('U31001'), Math.floor(index.pieces.U31001[1] / 3));
    const { page, context } = await openPage(browser);
    // Another peer group than the prerendered one: every panel asks the engine, which fetches pieces.
    await page.goto(`${broken.url}kommun/1286/?grupp=lan`);
    const missing = page.locator('#panel-ateraktualisering .panel-error');
    const truncated = page.locator('#panel-kostnader .panel-error');
    await missing.waitFor({ timeout: 90_000 });
    await truncated.waitFor({ timeout: 90_000 });
    await expect(missing.textContent()).resolves.toContain('Värdena för U31462 kunde inte hämtas (404');
    await expect(truncated.textContent()).resolves.toContain('Värdena för U31001 kom ofullständiga');
    // The other panels are drawn for the län group.
    await page.waitForFunction(() => document.querySelector('#panel-arbete-studier .figures')?.textContent?.includes('Övriga i'), null, {
      timeout: 90_000,
    });
    const panels = await page
      .locator('section.panel[id^="panel-"]')
      .evaluateAll((els) =>
        els.map((e) => ({ id: e.id, error: !!e.querySelector('.panel-error'), chart: !!e.querySelector('svg[data-chart-id]') })),
      );
    const failed = panels
      .filter((p) => p.error)
      .map((p) => p.id)
      .sort();
    expect(failed).toEqual(['panel-ateraktualisering', 'panel-kostnader']);
    expect(panels.filter((p) => !p.error && p.chart).length).toBeGreaterThan(0);
    await page.screenshot({ path: '.cache/e2e/piece-missing.png', fullPage: true });

    restore('U31462');
    await missing.getByRole('button', { name: 'Försök igen' }).click();
    await chartIn(page, 'ateraktualisering').waitFor({ timeout: 60_000 });
    // Restored only now, and retried at once. The retry above restarts the page's reading ahead once
    // the engine is quiet; had this file been back then, that could have healed the panel before its
    // retry was clicked (right for a visitor, but not the retry this test is about).
    restore('U31001');
    await truncated.getByRole('button', { name: 'Försök igen' }).click();
    await chartIn(page, 'kostnader').waitFor({ timeout: 60_000 });
    expect(await page.locator('.panel-error').count()).toBe(0);
    await context.close();
  }, 300_000);

  it('a piece with the right length but a damaged stream fails only its panel, and pieces loaded after it still arrive', async () => {
    // A message header that promises more bytes than the file has: DuckDB takes the stream and waits
    // for the rest (the start and end markers and the length are intact, so no check before it sees it).
    const damaged = readFileSync(piecePath('U31462'));
    new DataView(damaged.buffer, damaged.byteOffset).setInt32(4, 0x0fffff00, true);
    writeFileSync(piecePath('U31462'), damaged);
    const { page, context } = await openPage(browser);
    await page.goto(`${broken.url}kommun/1286/?grupp=lan`);
    const failed = page.locator('#panel-ateraktualisering .panel-error');
    await failed.waitFor({ timeout: 90_000 });
    await expect(failed.textContent()).resolves.toContain('Värdena för U31462 gick inte att läsa');
    await page.waitForFunction(() => document.querySelector('#panel-arbete-studier .figures')?.textContent?.includes('Övriga i'), null, {
      timeout: 90_000,
    });
    // a KPI asked after the failure (another panel's choice) loads
    const select = page.locator('#kpi-kostnader');
    const other = await select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).find((v) => v !== s.value)!);
    await select.selectOption(other);
    await page.locator(`#panel-kostnader svg[data-chart-id="kostnader-${other}"]`).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"]'), null, { timeout: 60_000 });
    expect(await page.locator('#panel-kostnader .panel-error').count()).toBe(0);
    expect(await chartIn(page, 'kostnader').count()).toBe(1);
    restore('U31462');
    // Either the retry brings the panel back, or the page has already asked for the piece again by itself
    // (the answers it prepares for the next kommuner after the KPI change above) and healed it: both are
    // what a visitor should see once the host has the file right. The retry alone is tested above.
    void failed
      .getByRole('button', { name: 'Försök igen' })
      .click({ timeout: 60_000 })
      .catch(() => {});
    await chartIn(page, 'ateraktualisering').waitFor({ timeout: 60_000 });
    expect(await page.locator('.panel-error').count()).toBe(0);
    await context.close();
  }, 300_000);
});
