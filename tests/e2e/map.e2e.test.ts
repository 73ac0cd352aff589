import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChartTable, openPage } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const origin = new URL(site).origin;

let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

const MAP = '.ranking-map .map-chart';
/** exported files land here for looking at */
const OUT = resolve('.cache/export-artifacts');

/** Waits until the boundaries have loaded in the browser (the active outline and tooltip need them). */
async function mapReady(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('.ranking-map path[data-id]').length === 290);
  await page.waitForFunction(() =>
    performance
      .getEntriesByType('resource')
      .some((e) => e.name.endsWith('/data/kommuner.topo.json') && (e as PerformanceResourceTiming).responseEnd > 0),
  );
  await page.waitForTimeout(300);
}

describe('map of all kommuner (ranking page and kommun panels)', () => {
  it('ships a boundary file of at most 80 kB gzip with all 290 kommuner', () => {
    const raw = readFileSync(join(dist, 'data', 'kommuner.topo.json'));
    expect(gzipSync(raw).length).toBeLessThanOrEqual(80 * 1024);
    const topo = JSON.parse(raw.toString('utf8')) as { objects: { kommuner: { geometries: { id: string }[] } } };
    expect(topo.objects.kommuner.geometries).toHaveLength(290);
  });

  it('is in the prerendered ranking page and shows without JavaScript', async () => {
    const html = await (await fetch(new URL('rangordning/', site))).text();
    expect(html.match(/<path d="M[^"]+" fill="[^"]+" data-id="\d{4}" data-cls="[a-z-]+"/g)).toHaveLength(290);
    expect(html).toContain('Kommungränser: Valmyndigheten via okfse/sweden-geojson');
    const { page, context, requests } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(new URL('rangordning/', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      const svg = page.locator(`${MAP} svg`);
      await expect.poll(() => svg.isVisible()).toBe(true);
      expect(await page.locator(`${MAP} path[data-id]`).count()).toBe(290);
      const box = (await svg.boundingBox())!;
      expect(box.height).toBeGreaterThan(400);
      // without JavaScript nothing fetches the boundaries; the drawing is all in the HTML
      expect(requests.some((u) => u.endsWith('kommuner.topo.json'))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('loads the boundaries only where a map is shown', async () => {
    const { page, context, requests } = await openPage(browser);
    try {
      await page.goto(site, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      await page.waitForLoadState('networkidle');
      expect(requests.some((u) => u.endsWith('kommuner.topo.json'))).toBe(false);
      await page.goto(new URL('rangordning/', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      await mapReady(page);
      expect(requests.filter((u) => u.endsWith('kommuner.topo.json'))).toHaveLength(1);
      expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('hover shows name and value; a click opens the kommun page', async () => {
    const { page, context, errors } = await openPage(browser);
    try {
      await page.goto(new URL('rangordning/?kommun=1286', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      await mapReady(page);
      await openChartTable(page, '.ranking-map .map-side');
      const table = await page.locator('.ranking-map table tbody tr', { hasText: 'Ystad' }).first().locator('td').nth(1).textContent();
      await page.locator(`${MAP} path[data-id="1286"]`).hover();
      const tip = page.locator(`${MAP} .map-tip`);
      await expect.poll(() => tip.textContent()).toContain('Ystad:');
      // the tooltip's value is the table's value for Ystad
      expect(await tip.textContent()).toContain((table ?? '').trim());
      await expect.poll(() => page.locator(`${MAP} .map-active path`).count()).toBe(2);
      await page.locator(`${MAP} path[data-id="1286"]`).click();
      await page.waitForURL(/\/kommun\/1286\//);
      await expect.poll(() => page.locator('h1').textContent()).toContain('Ystad');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keyboard: Tab reaches the map, arrows move between kommuner, Enter opens the one shown', async () => {
    const { page, context, errors } = await openPage(browser);
    try {
      await page.goto(new URL('rangordning/?kommun=1286', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      await mapReady(page);
      const map = page.locator(MAP);
      const live = map.locator('[aria-live]');
      // Tab until the map has focus (it is one tab stop, not 290)
      for (let i = 0; i < 60 && !(await map.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await map.evaluate((el) => el === document.activeElement)).toBe(true);
      // focus starts on the chosen kommun
      await expect.poll(() => live.textContent()).toMatch(/^Ystad: /);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => live.textContent()).not.toMatch(/^Ystad: /);
      const shown = (await live.textContent())!.split(':')[0];
      expect(await map.locator('.map-tip').textContent()).toContain(shown);
      expect(await map.locator('.map-active path').count()).toBe(2);
      // the name shown is a kommun of the ranking's table
      expect(await page.locator('.rank-table tbody th', { hasText: shown }).count()).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/kommun\/\d{4}\//);
      await expect.poll(() => page.locator('h1').textContent()).toContain(shown);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it(
    'exports like other charts: standalone SVG and PNG with the source lines, CSV with class per kommun',
    { timeout: 180_000 },
    async () => {
      const { page, context, errors } = await openPage(browser);
      try {
        await page.goto(new URL('rangordning/?kommun=1286', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
        await mapReady(page);
        await page.click('.ranking-map .export-toggle');
        const save = async (sel: string) => {
          const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`.ranking-map ${sel}`)]);
          mkdirSync(OUT, { recursive: true });
          const path = join(OUT, dl.suggestedFilename());
          await dl.saveAs(path);
          return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
        };
        const svg = await save('[data-export="svg-a4"]');
        expect(svg.name).toMatch(/_karta_Ystad_1286_[a-z]+(_\d{4})?\.svg$/);
        const text = svg.bytes.toString('utf8');
        expect(text.match(/data-id="\d{4}"/g)).toHaveLength(290);
        expect(text).toContain('Kommungränser: Valmyndigheten via okfse/sweden-geojson');
        expect(text).toMatch(/Källa: Kolada \(RKA\), [A-Z]\d{5}, hämtad/);
        expect(text).not.toMatch(/(href|src)="(https?:)?\/\//);
        expect(text).toContain('width="16cm"');
        const png = await save('[data-export="png-a4"]');
        expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(png.bytes.readUInt32BE(16)).toBe(1890);
        const csv = (await save('[data-export="csv-sv"]')).bytes.toString('utf8').split('\r\n').filter(Boolean);
        expect(csv[0]).toMatch(/^\ufeffKommun;Län;Värde( \(.+\))?;Klass;Markerad$/);
        expect(csv).toHaveLength(291);
        expect(csv.find((l) => l.startsWith('Ystad;'))).toMatch(/^Ystad;Skåne län;[\d,]*;[^;]+;Vald kommun$/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('axe finds nothing on the ranking page with the map', async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.goto(new URL('rangordning/?kommun=1286', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      await mapReady(page);
      await page.locator(`${MAP} path[data-id="1286"]`).hover();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a kommun panel draws a small map with the kommun and its group outlined, and axe finds nothing', { timeout: 300_000 }, async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.goto(new URL('kommun/1286/', site).href, { waitUntil: 'domcontentloaded', timeout: 90_000 });
      const small = page.locator('.panel-map svg').first();
      await page.locator('.panel-map').first().scrollIntoViewIfNeeded();
      await small.waitFor({ timeout: 200_000 });
      await page.waitForFunction(() => document.querySelector('.panel-map')?.querySelectorAll('path[data-id]').length === 290, null, {
        timeout: 60_000,
      });
      expect(await page.locator('.panel-map').first().locator('path[data-id]').count()).toBe(290);
      // the kommun and its group are outlined on the small map
      expect(await page.locator('.panel-map').first().locator('.map-focus path').count()).toBe(2);
      expect(await page.locator('.panel-map').first().locator('.map-peers path').count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
