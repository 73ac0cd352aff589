import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium, openPage } from '../support/browser.ts';
import type { StaticServer } from '../../scripts/site/static-server.ts';
import { DATA_PAYLOADS } from '../security/hostile-data.ts';
import { serveHostileSite } from '../support/hostile-site.ts';

let browser: Browser;
let server: StaticServer;
let kommunIds: string[];

beforeAll(async () => {
  ({ server, kommunIds } = await serveHostileSite());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`hostile names and titles (${DATA_PAYLOADS.length} payloads) show as text and never run`, () => {
  it('every page type stays inert, renders the payloads literally and requests nothing off-origin', async () => {
    const { page, context, requests } = await openPage(browser);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const origin = new URL(server.url).origin;
    const paths = [
      '',
      'om-data/',
      'rangordning/',
      ...kommunIds.slice(0, 12).map((id) => `kommun/${id}/`),
      `kommun/${kommunIds[0]}/?grupp=egen&medlemmar=${kommunIds.slice(1, 6).join(',')}`,
    ];
    for (const path of paths) {
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? 0), path).toBe(0);
      expect(
        await page.locator('iframe, object, embed, marquee, base, form[action*="evil"], img[src*="evil"], img[src="x"]').count(),
        path,
      ).toBe(0);
    }
    await page.goto(server.url);
    const text = await page.evaluate(() => document.body.innerText);
    const shown = DATA_PAYLOADS.filter((p) => text.includes(p.trim().replace(/\s+/g, ' ')));
    expect(shown.length).toBeGreaterThan(DATA_PAYLOADS.length * 0.8);
    await page.goto(`${server.url}kommun/${kommunIds[1]}/`);
    const svgText = await page
      .locator('svg[data-chart-id]')
      .first()
      .evaluate((svg) => svg.querySelector('title')?.textContent ?? '');
    expect(svgText).toContain('(U31462)');
    expect(await page.locator('svg[data-chart-id] script, svg[data-chart-id] foreignObject').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await context.close();
  });

  it('exported SVG, CSV, alt text and their file names stay inert for hostile names', async () => {
    const { page, context } = await openPage(browser);
    const formulaKommun = kommunIds[DATA_PAYLOADS.findIndex((p) => p.startsWith('=HYPERLINK'))];
    const scriptKommun = kommunIds[DATA_PAYLOADS.findIndex((p) => p.startsWith('<svg onload'))];
    for (const id of [formulaKommun, scriptKommun]) {
      await page.goto(`${server.url}kommun/${id}/`);
      const panel = '#panel-ateraktualisering';
      await page.click(`${panel} .export-toggle`);
      const files: Record<string, string> = {};
      for (const kind of ['svg-a4', 'csv-sv', 'alt-txt']) {
        const selector = `${panel} [data-export="${kind}"]`;
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
        expect(dl.suggestedFilename()).toMatch(/^[A-Za-z0-9_-]+\.(svg|csv|txt)$/);
        files[kind] = readFileSync((await dl.path())!, 'utf8');
      }
      expect(Object.keys(files).sort()).toEqual(['alt-txt', 'csv-sv', 'svg-a4']);
      expect(files['alt-txt']).toContain(id === formulaKommun ? '=HYPERLINK' : '<svg onload');
      const inert = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const all = [...doc.querySelectorAll('*')];
        return {
          parseError: doc.querySelector('parsererror') !== null,
          scripts: doc.querySelectorAll('script, foreignObject, iframe, image').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          title: doc.querySelector('title')?.textContent ?? '',
        };
      }, files['svg-a4']);
      expect(inert).toMatchObject({ parseError: false, scripts: 0, handlers: 0 });
      expect(inert.title).toContain('(U31462)');
      if (id === formulaKommun) {
        // the name appears in the metadata lines and the table
        const lines = files['csv-sv']
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .filter((l) => l.includes('HYPERLINK'));
        expect(lines.length).toBeGreaterThan(0);
        // no cell starts a formula; where the name starts a cell it is prefixed with '
        for (const line of lines) expect(line).not.toMatch(/(^|;)"?[=+@-]/);
        expect(lines.some((line) => line.includes("'=HYPERLINK"))).toBe(true);
      }
    }
    await context.close();
  });
});
