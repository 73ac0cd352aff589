import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChartTable, linkToKommun, openPage, waitForEngine } from '../support/browser.ts';

let browser: Browser;
const site = inject('siteUrl');
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

const chartCount = (page: Page) => page.locator('svg[data-chart-id]').count();
const engineStatus = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __jamfor: { coordinator: { status: string } } }).__jamfor.coordinator.status);
const engineError = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __jamfor: { coordinator: { error: Error | null } } }).__jamfor.coordinator.error?.message,
  );
const waitForFailure = (page: Page) =>
  page.waitForFunction(
    () => (globalThis as unknown as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'failed',
    null,
    { timeout: 60_000 },
  );

describe('engine failures', () => {
  it('keeps the prerendered charts when the DuckDB worker dies, says so in Swedish and recovers on retry', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await waitForEngine(page);
    const before = await chartCount(page);
    expect(before).toBeGreaterThan(2);
    await page.evaluate(async () => {
      const { coordinator } = (globalThis as unknown as { __jamfor: { coordinator: { database(): Promise<{ kill(): void }> } } }).__jamfor;
      (await coordinator.database()).kill();
    });
    const alert = page.locator('.engine-status [role="alert"]');
    await expect(alert.textContent()).resolves.toContain('Databasen i webbläsaren fungerar inte just nu');
    expect(await chartCount(page)).toBe(before);
    await page.screenshot({ path: '.cache/e2e/engine-failed.png', fullPage: false });
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await waitForEngine(page);
    await page.getByLabel('Länet').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'));
    expect(await page.locator('.engine-status [role="alert"]').count()).toBe(0);
    await context.close();
  });

  it('when the wasm cannot be loaded the page still shows its charts, explains, and a retry works once it can', async () => {
    const { page, context } = await openPage(browser);
    let block = true;
    await page.route('**/*.wasm', (route) => (block ? route.abort('failed') : route.continue()));
    await page.goto(`${site}kommun/1286/`);
    await waitForFailure(page);
    expect(await engineError(page)).toBe('databasmotorn kunde inte hämtas (nätverksfel)');
    expect(await chartCount(page)).toBeGreaterThan(2);
    await expect(page.locator('.engine-status [role="alert"]').textContent()).resolves.toMatch(/Försök igen/);
    block = false;
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await waitForEngine(page);
    expect(await engineStatus(page)).toBe('ready');
    await context.close();
  });

  it('names the status of a wasm the server does not have', async () => {
    const { page, context } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto(`${site}kommun/1286/`);
    await waitForFailure(page);
    expect(await engineError(page)).toBe('databasmotorn kunde inte hämtas (404)');
    await context.close();
  });

  it('downloads the wasm once, and still starts when a server calls it something else than application/wasm', async () => {
    const plain = await openPage(browser);
    await plain.page.goto(`${site}kommun/1286/`);
    await waitForEngine(plain.page);
    expect(plain.requests.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
    await plain.context.close();

    const { page, context } = await openPage(browser);
    let served = 0;
    await page.route('**/*.wasm', async (route) => {
      served++;
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto(`${site}kommun/1286/`);
    await waitForEngine(page);
    expect(served).toBe(2); // the streaming compile refuses it; the bytes are fetched again and compiled
    await context.close();
  });

  it('hands duckdb-wasm only the exports it can reach (the list beside the wasm), and starts with all of them without the list', async () => {
    for (const listMissing of [false, true]) {
      const { page, context, errors } = await openPage(browser);
      const lists: { url: string; status: number }[] = [];
      page.on('response', (r) => void (r.url().endsWith('.exports.json') && lists.push({ url: r.url(), status: r.status() })));
      if (listMissing) await page.route('**/*.exports.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      await page.goto(`${site}kommun/1286/`);
      await waitForEngine(page);
      // a question only DuckDB answers (SQL with a window function), on a piece it takes in first
      const rows = await page.evaluate(() =>
        (
          globalThis as unknown as { __jamfor: { coordinator: { run(n: string, r: unknown): Promise<{ id: string; value: number }[]> } } }
        ).__jamfor.coordinator.run('ranking', { kpi: 'U31462', period: '2021', gender: 'T', higherIsBetter: false }),
      );
      expect(rows.find((r) => r.id === '1286')?.value).toBe(92);
      expect(rows.length).toBeGreaterThan(200);
      expect(lists.map((l) => l.status)).toEqual([listMissing ? 404 : 200]);
      if (!listMissing) {
        // the build ships the wasm stripped to that list (scripts/site/duckdb-wasm-strip.ts)
        const listed = (await (await fetch(lists[0].url)).json()) as string[];
        const wasm = new Uint8Array(await (await fetch(lists[0].url.replace(/\.exports\.json$/, '.wasm'))).arrayBuffer());
        const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
        expect(exported.sort()).toEqual(listed);
      }
      expect(errors.filter((e) => !(listMissing && /404/.test(e)))).toEqual([]);
      await context.close();
    }
  });

  it("moves to another kommun's page with its figures (build-time answers or the pieces the page reads) even while DuckDB cannot start", async () => {
    const { page, context } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort('failed'));
    await page.goto(`${site}kommun/1489/`);
    await waitForFailure(page);
    const link = await linkToKommun(page, '1489', '1286', 'Ystad');
    await page.hover(link);
    await page.click(link);
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures dt')?.textContent?.includes('Ystad'), null, {
      timeout: 30_000,
    });
    const cells = await page.$$eval(`${await openChartTable(page, '#panel-ateraktualisering')} tbody tr`, (rows) =>
      Object.fromEntries(rows.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''])),
    );
    expect([cells['2019'], cells['2020'], cells['2021']]).toEqual(['82', '88', '92']);
    // every default panel is drawn, none waits for or blames the engine
    expect(await page.locator('section.panel .panel-error').count()).toBe(0);
    expect(await chartCount(page)).toBeGreaterThan(2);
    await context.close();
  });

  it('answers a KPI, gender and peer group change from the pieces the page reads itself while DuckDB cannot start', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort('failed'));
    await page.goto(`${site}kommun/1861/`);
    await waitForFailure(page);
    // the notice says what still works
    await expect(page.locator('.engine-status [role="alert"]').textContent()).resolves.toContain(
      'Diagrammen och valen på kommunsidorna fungerar ändå',
    );
    const panel = '#panel-kostnader';
    await page.selectOption('#kpi-kostnader', 'N31004');
    await page.waitForFunction((p) => document.querySelector(`${p} .figures`)?.textContent?.includes('(N31004)'), panel, {
      timeout: 30_000,
    });
    const cells = await page.$$eval(`${await openChartTable(page, panel)} tbody td`, (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells.filter((c) => /^\d[\d\s\u00a0]*(,\d+)?$/.test(c.trim())).length).toBeGreaterThan(5);
    await page.getByLabel('Alla kommuner', { exact: true }).check();
    await page.waitForFunction((p) => document.querySelector(`${p} .figures`)?.textContent?.includes('Alla kommuner'), panel);
    expect(await page.locator('section.panel .panel-error').count()).toBe(0);
    expect(await page.locator('section.panel[aria-busy="true"]').count()).toBe(0);
    expect(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  });
});
