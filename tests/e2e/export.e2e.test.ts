import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { launchChromium, openChartTable, openPage, waitForApp } from '../support/browser.ts';
import { PRESETS, PRESET_IDS } from '../../src/export/presets.ts';
import { pngDpi, pngSize } from '../../src/export/png-dpi.ts';

/**
 * The real export code on the built site in Chromium: click the buttons, capture the downloads.
 * Files are also written to .cache/export-artifacts for a human to open.
 */
let browser: Browser;
const site = inject('siteUrl');
const OUT = resolve('.cache/export-artifacts');
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => browser?.close());

async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = resolve(OUT, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

const offOrigin = (requests: string[]) =>
  requests.filter((u) => !u.startsWith(new URL(site).origin) && !u.startsWith('data:') && !u.startsWith('blob:'));

describe('chart export on the built site', () => {
  it('PNG per preset has the preset pixel size and 300 dpi; SVG is standalone with the font embedded', async () => {
    const { page, context, requests, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1286/`);
    await waitForApp(page);
    const panel = '#panel-ateraktualisering';
    await page.click(`${panel} .export-toggle`);
    await expect(page.locator(`${panel} .export-toggle`).getAttribute('aria-expanded')).resolves.toBe('true');
    for (const id of PRESET_IDS) {
      const p = PRESETS[id];
      const svg = await download(page, `${panel} [data-export="svg-${id}"]`);
      const png = await download(page, `${panel} [data-export="png-${id}"]`);
      expect(svg.name).toMatch(/^[A-Za-z0-9_-]+\.svg$/);
      expect(png.name).toMatch(/^U31462_Ystad_1286_liknande_\d{4}(_\w+)?\.png$/);
      const text = svg.bytes.toString('utf8');
      expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(text).toContain("@font-face{font-family:'Source Sans 3'");
      expect(text).toContain('data:font/woff2;base64,');
      expect(text).toContain('Källa: Kolada (RKA), U31462');
      expect(text).not.toMatch(/(?:href|src)=["'](?!data:)/);
      expect(text).not.toMatch(/url\((?!data:)/);
      const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(text)!;
      const size = pngSize(new Uint8Array(png.bytes));
      expect(size.width).toBe(p.pixelWidth);
      expect(size.height).toBe(Math.round((Number(vb[2]) * p.pixelWidth) / Number(vb[1])));
      if (id === 'slide') expect(size).toEqual({ width: 1920, height: 1080 });
      expect(pngDpi(new Uint8Array(png.bytes))).toBe(p.dpi);
    }
    expect([PRESETS.a4.pixelWidth, PRESETS.half.pixelWidth]).toEqual([1890, 945]);
    expect(offOrigin(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the PNG is drawn with Source Sans 3: the same chart with the font removed rasterises differently', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1286/`);
    await page.click('#panel-ateraktualisering .export-toggle');
    const svg = (await download(page, '#panel-ateraktualisering [data-export="svg-a4"]')).bytes.toString('utf8');
    const [withFont, withoutFont] = await page.evaluate(async (src) => {
      async function draw(s: string): Promise<string> {
        const img = new Image();
        img.src = URL.createObjectURL(new Blob([s], { type: 'image/svg+xml' }));
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 640;
        c.height = 200;
        c.getContext('2d')!.drawImage(img, 0, 0, 640, (640 * img.naturalHeight) / img.naturalWidth);
        return c.toDataURL();
      }
      const bare = src.replace(/<defs><style>[\s\S]*?<\/style><\/defs>/, '').replace(/'Source Sans 3', 'Source Sans Pro', /g, '');
      return [await draw(src), await draw(bare)];
    }, svg);
    expect(withFont).not.toBe(withoutFont);
    await context.close();
  });

  it('CSV for Excel: BOM, semicolons, raw numbers equal to the table on the page; plain CSV parses to the same numbers', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1861/`);
    const panel = '#panel-kostnader';
    await page.click(`${panel} .export-toggle`);
    const sv = await download(page, `${panel} [data-export="csv-sv"]`);
    const plain = await download(page, `${panel} [data-export="csv-plain"]`);
    expect([...sv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const svText = sv.bytes.toString('utf8').slice(1);
    expect(svText).not.toMatch(/\u2212|\u00a0|\u202f/);
    // the chart's table: from its header row "År" to the empty line before the member values
    const tableOf = (rows: string[][]) => {
      const start = rows.findIndex((r) => r[0] === 'År');
      const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
      return rows.slice(start, end < 0 ? undefined : end);
    };
    const a = tableOf(Papa.parse<string[]>(svText, { delimiter: ';' }).data);
    const b = tableOf(Papa.parse<string[]>(plain.bytes.toString('utf8'), { delimiter: ',' }).data);
    expect(svText).toMatch(/^Titel;/);
    expect(svText).toContain('Kommun;Hallsberg (1861)');
    expect(a[0][0]).toBe('År');
    expect(a.length).toBe(b.length);
    const shown = await page.$$eval(`${await openChartTable(page, panel)} tbody tr`, (rows) =>
      rows.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]),
    );
    for (let r = 1; r < a.length; r++) {
      for (let c = 1; c < a[r].length; c++) {
        // Excel variant rounded to the KPI's display decimals (kr/inv: whole kronor), plain variant full precision
        if (/^-?\d/.test(b[r][c]) && !b[r][c].includes(' av '))
          expect(Number(a[r][c].replace(',', '.')), `${r}/${c}`).toBe(Math.sign(Number(b[r][c])) * Math.round(Math.abs(Number(b[r][c]))));
      }
      const onPage = shown.find(([p]) => p === a[r][0]);
      const value = a[r][1] === '' ? null : Number(a[r][1].replace(',', '.'));
      const pageValue =
        onPage![1] === '–'
          ? null
          : Number(
              onPage![1]!
                .replace(/[\s\u00a0\u202f]/g, '')
                .replace(',', '.')
                .replace('\u2212', '-'),
            );
      if (value === null) expect(pageValue).toBeNull();
      else expect(Math.round(value)).toBe(pageValue);
    }
    await context.close();
  });

  it('alt text: copied to the clipboard and saved as .txt, with the latest value against the group', async () => {
    const { page, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${site}kommun/1286/`);
    const panel = '#panel-ateraktualisering';
    await page.focus(`${panel} .export-toggle`);
    await page.keyboard.press('Enter');
    await page.click(`${panel} [data-export="alt-copy"]`);
    await page.waitForFunction((p) => document.querySelector(`${p} .export-status`)?.textContent?.includes('kopierad'), panel);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/Senaste värde \(\d{4}\): Ystad [\d,]+\u00a0%, gruppens medelvärde/);
    const txt = await download(page, `${panel} [data-export="alt-txt"]`);
    expect(txt.name).toMatch(/^U31462_Ystad_1286_liknande_\d{4}_alt\.txt$/);
    expect(txt.bytes.toString('utf8').trim()).toBe(copied);
    // the export keeps focus on its button (a disabled one would drop it to the page)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('alt-txt');
    await page.keyboard.press('Escape');
    await expect(page.locator(`${panel} .export-toggle`).getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });
});

describe('report view', () => {
  it('is prerendered, prints to A4 with each panel starting a page, and exports all charts as one ZIP', async () => {
    const html = await (await fetch(`${site}kommun/1286/rapport/`)).text();
    expect(html).toContain('Nyckeltal för Ystad');
    expect(html).toMatch(/<svg[^>]+data-chart-id="ateraktualisering-U31462"/);

    const { page, context, errors, requests } = await openPage(browser);
    await page.goto(`${site}kommun/1286/rapport/`);
    await page.waitForFunction(
      () => document.querySelector('button[data-print-ready]')?.getAttribute('data-print-ready') === 'true',
      null,
      { timeout: 90_000 },
    );
    const panels = await page.locator('.report-panels > *').count();
    expect(panels).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdfPath = resolve(OUT, 'rapport-1286.pdf');
    writeFileSync(pdfPath, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(panels);
    expect(pages).toBeLessThanOrEqual(2 * panels);
    await page.emulateMedia({ media: 'screen' });

    const zip = await download(page, '[data-export="zip"]');
    expect(zip.name).toBe('jamfor_1286_liknande.zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files);
    const series = await page.locator('.report-panel svg[data-chart-id]').count();
    for (const ext of ['.svg', '.png', '.csv', '_komma.csv', '_alt.txt'])
      expect(names.filter((n) => n.endsWith(ext)).length, ext).toBeGreaterThanOrEqual(series);
    const png = names.find((n) => n.endsWith('.png'))!;
    expect(pngSize(files[png]).width).toBe(1890);
    expect(strFromU8(files[names.find((n) => n.endsWith('_alt.txt'))!])).toContain('Senaste värde');
    expect(offOrigin(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
