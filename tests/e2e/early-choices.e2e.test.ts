import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { holdAppScript, launchChromium, openPage, waitForApp } from '../support/browser.ts';

/** What a visitor does in the prerendered page while the app still loads is kept or done once it runs (src/app/early-choices.ts). */
const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

describe('choices made before the app takes over', () => {
  it('a KPI picked in the målvärde form while the page loads is the one saved', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(`${site}egna-data/?kommun=1286`, { waitUntil: 'commit' });
    const form = page.locator('.target-form');
    await form.waitFor({ state: 'attached' });
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    await form.locator('select').nth(1).selectOption('U31462');
    await form.getByLabel('Målvärde').fill('90');
    await form.getByLabel('Från år').fill('2019');
    await form.getByLabel('Till år').fill('2021');
    release();
    await waitForApp(page);
    expect(await form.locator('select').nth(1).inputValue()).toBe('U31462');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('table.targets tbody tr');
    expect(await page.textContent('table.targets tbody')).toMatch(/U31462[\s\S]*≥ 90[\s\S]*2019–2021/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a panel KPI chosen on a kommun page while it loads is drawn once the app runs', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(`${site}kommun/1286/`, { waitUntil: 'commit' });
    const select = page.locator('#kpi-kostnader');
    await select.waitFor({ state: 'attached' });
    await select.selectOption('N31004');
    release();
    await waitForApp(page);
    await page.waitForFunction(() => new URL(location.href).search.includes('N31004'));
    await page.waitForFunction(
      () =>
        document.querySelector('#panel-kostnader details.definition summary')?.textContent?.includes('N31004') &&
        document.querySelector('#panel-kostnader .figures') &&
        !document.querySelector('#panel-kostnader[aria-busy="true"]'),
      null,
      { timeout: 30_000 },
    );
    expect(await select.inputValue()).toBe('N31004');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('a peer group, a checkbox and a KPI picked while the page loads are kept together', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(`${site}kommun/1286/`, { waitUntil: 'commit' });
    await page.getByLabel('Länet').check();
    await page.getByLabel('Riket', { exact: true }).uncheck();
    await page.locator('#kpi-kostnader').selectOption('N31004');
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    release();
    await page.waitForURL(/riket=0/, { timeout: 60_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('grupp')).toBe('lan');
    expect(url.searchParams.get('riket')).toBe('0');
    expect([...url.searchParams.values()]).toContain('N31004');
    await expect.poll(() => page.locator('#main svg[data-chart-id="kostnader-N31004"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByLabel('Länet').isChecked()).toBe(true);
    expect(await page.getByLabel('Riket', { exact: true }).isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it('a button clicked in the prerendered page does its work once the app is there', async () => {
    const { page, context, errors } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    const release = await holdAppScript(page);
    await page.goto(`${site}kommun/1286/?kon=K`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    release();
    await expect.poll(() => page.locator('.copy-status').textContent(), { timeout: 60_000 }).toBe('Länken är kopierad.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it("Enter in the start page's kommun search opens the kommun once the app is there", async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(site, { waitUntil: 'commit' });
    const input = page.locator('.kommun-search input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('Halsberg');
    await input.press('Enter');
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    release();
    await page.waitForURL(/kommun\/1861\//, { timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toMatch(/Hallsberg/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
