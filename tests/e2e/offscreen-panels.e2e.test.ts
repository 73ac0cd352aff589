import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, waitForEngine } from '../support/browser.ts';

let browser: Browser;
const site = inject('siteUrl');
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

/**
 * Idle callbacks wait until the test runs them, so "later, when idle" can be seen in between. Handles
 * are never reused: a page cancelling a callback that already ran must not cancel a newer one.
 */
const HOLD_IDLE = `(() => {
  const held = new Map();
  let last = 0;
  globalThis.requestIdleCallback = (f) => (held.set(++last, f), last);
  globalThis.cancelIdleCallback = (h) => held.delete(h);
  globalThis.__runIdle = () => {
    const fs = [...held.values()];
    held.clear();
    fs.forEach((f) => f({ didTimeout: false, timeRemaining: () => 50 }));
    return fs.length;
  };
})()`;

const figures = (page: Page, panel: string) => page.locator(`#panel-${panel} .figures`).textContent();
const hiddenState = (page: Page, panel: string) =>
  page.$eval(`#panel-${panel}`, (el) => ({ ariaHidden: el.getAttribute('aria-hidden'), visibility: getComputedStyle(el).visibility }));

describe('panels off screen follow a change when the browser is idle', () => {
  it('draws the panel in view at once, one below the fold at the next idle moment or when scrolled to', async () => {
    const { page, context, errors } = await openPage(browser);
    await context.addInitScript(HOLD_IDLE);
    await page.goto(`${site}kommun/1286/`);
    // the engine may be started from an idle callback too
    await page.waitForFunction(() => {
      const g = globalThis as unknown as { __runIdle(): number; __jamfor?: { coordinator: { status: string } } };
      g.__runIdle();
      return g.__jamfor?.coordinator.status === 'ready';
    });
    await waitForEngine(page);
    await page.evaluate(() => (globalThis as unknown as { __runIdle(): number }).__runIdle());
    expect(await figures(page, 'sjukfranvaro')).not.toContain('Övriga i Skåne');
    expect(await page.$eval('#panel-sjukfranvaro', (el) => el.getBoundingClientRect().top > innerHeight + 200)).toBe(true);

    await page.locator('input[name="grupp"][value="lan"]').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i Skåne'));
    // below the fold: still the group it showed, until the browser is idle, and hidden meanwhile
    expect(await figures(page, 'sjukfranvaro')).not.toContain('Övriga i Skåne');
    expect(await hiddenState(page, 'sjukfranvaro')).toEqual({ ariaHidden: 'true', visibility: 'hidden' });
    expect(await hiddenState(page, 'ateraktualisering')).toEqual({ ariaHidden: null, visibility: 'visible' });
    expect(await page.evaluate(() => (globalThis as unknown as { __runIdle(): number }).__runIdle())).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelector('#panel-sjukfranvaro .figures')?.textContent?.includes('Övriga i Skåne'));
    expect(await hiddenState(page, 'sjukfranvaro')).toEqual({ ariaHidden: null, visibility: 'visible' });

    // scrolled into view before any idle moment: it catches up by itself
    await page.locator('input[name="grupp"][value="alla"]').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Alla kommuner'));
    expect(await figures(page, 'sjukfranvaro')).toContain('Övriga i Skåne');
    await page.locator('#panel-sjukfranvaro').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#panel-sjukfranvaro .figures')?.textContent?.includes('Alla kommuner'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
