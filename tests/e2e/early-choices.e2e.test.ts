import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { holdEntryScript, launchChromium, openPage } from '../support/browser.ts';

/** Selects changed in the prerendered page while its script still loads keep the visitor's choice (src/app/early-choices.ts). */
const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

describe('choices made before the app takes over', () => {
  it('a KPI picked in the målvärde form while the page loads is the one saved', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdEntryScript(page);
    await page.goto(`${site}egna-data/?kommun=1286`, { waitUntil: 'commit' });
    const form = page.locator('.target-form');
    await form.waitFor({ state: 'attached' });
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    await form.locator('select').nth(1).selectOption('U31462');
    await form.getByLabel('Målvärde').fill('90');
    await form.getByLabel('Från år').fill('2019');
    await form.getByLabel('Till år').fill('2021');
    release();
    await page.waitForFunction(() => '__jamfor' in globalThis);
    expect(await form.locator('select').nth(1).inputValue()).toBe('U31462');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('table.targets tbody tr');
    expect(await page.textContent('table.targets tbody')).toMatch(/U31462[\s\S]*≥ 90[\s\S]*2019–2021/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a panel KPI chosen on a kommun page while it loads is drawn once the app runs', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdEntryScript(page);
    await page.goto(`${site}kommun/1286/`, { waitUntil: 'commit' });
    const select = page.locator('#kpi-kostnader');
    await select.waitFor({ state: 'attached' });
    await select.selectOption('N31004');
    release();
    await page.waitForFunction(() => '__jamfor' in globalThis);
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
});
