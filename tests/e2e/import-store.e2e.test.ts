import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, waitForEngine, waitForApp } from '../support/browser.ts';

let browser: Browser;
const site = inject('siteUrl');
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

describe('a corrupted "egna data" store in IndexedDB', () => {
  it('is detected, explained calmly, leaves the base data working, and can be reset', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}egna-data/`);
    await waitForApp(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('jamfor-egna-data', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('sets', { keyPath: 'id' });
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const tx = r.result.transaction('sets', 'readwrite');
            tx.objectStore('sets').put({ id: 'trasig', fileName: 42, csv: 'inte bytes', kpis: 'nej' });
            tx.oncomplete = () => (r.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const note = page.locator('.calm-note');
    await note.waitFor();
    await expect(note.textContent()).resolves.toMatch(/gick inte att läsa.*Kolada-uppgifterna påverkas inte/s);
    await page.screenshot({ path: '.cache/e2e/store-corrupt.png' });

    // the base data still answers new queries
    await page.goto(`${site}kommun/1286/`);
    await waitForEngine(page);
    await page.getByLabel('Länet').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'));

    await page.goto(`${site}egna-data/`);
    await page.getByRole('button', { name: 'Återställ egna data' }).click();
    await page.waitForFunction(() => !document.querySelector('.calm-note'));
    await page.reload();
    await waitForApp(page);
    await page.waitForTimeout(300);
    expect(await page.locator('.calm-note').count()).toBe(0);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const r = indexedDB.open('jamfor-egna-data', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('sets', { keyPath: 'id' });
          r.onsuccess = () => {
            const req = r.result.transaction('sets').objectStore('sets').count();
            req.onsuccess = () => (r.result.close(), resolve(req.result));
          };
        }),
    );
    expect(stored).toBe(0);
    await context.close();
  });
});
