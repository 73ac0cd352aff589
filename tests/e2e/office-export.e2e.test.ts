import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChartTable, openPage, waitForApp } from '../support/browser.ts';
import { pngSize } from '../../src/export/png-dpi.ts';
import { readDocx, readPptx, readXlsx, type Cell } from '../support/office-files.ts';

/**
 * Excel, Word, PowerPoint and "Kopiera diagram" through the real page in Chromium: click the buttons,
 * capture the downloads (or read the clipboard), open the files as an office program would and
 * compare them with the tables and texts the page shows. Files land in .cache/export-artifacts.
 */
let browser: Browser;
const site = inject('siteUrl');
const OUT = resolve('.cache/export-artifacts');
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => browser?.close());

async function download(page: Page, selector: string, timeout = 120_000): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(selector)]);
  const path = resolve(OUT, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

const offOrigin = (requests: string[]) =>
  requests.filter((u) => !u.startsWith(new URL(site).origin) && !u.startsWith('data:') && !u.startsWith('blob:'));

/** The page's table as text: header row, then body rows (row header first). */
function domTable(page: Page, table: string): Promise<string[][]> {
  return page.$eval(table, (t) =>
    [...t.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => {
        const copy = c.cloneNode(true) as Element;
        copy.querySelectorAll('.visually-hidden').forEach((x) => x.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

/** A sheet cell shown the way the page shows it: sv-SE with the decimals of its number format. */
function shownAs(v: Cell, format: string | undefined): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  const decimals = /\.(0+)$/.exec(format ?? '')?.[1].length ?? 0;
  return format === '0' ? String(v) : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals }).format(v);
}
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');

/** Every cell of the "Tabell" sheet equals the page's table (headers carry the unit). */
function expectSheetEqualsPage(sheet: Cell[][], formats: string[][], page: string[][]) {
  expect(sheet.length).toBe(page.length);
  page[0].forEach((h, c) => expect(String(sheet[0][c])).toMatch(new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.+\\))?$`)));
  for (let r = 1; r < page.length; r++) {
    expect(page[r].length, `row ${r}`).toBe(page[0].length);
    for (let c = 0; c < page[r].length; c++)
      expect(norm(shownAs(sheet[r][c] ?? null, formats[r][c])), `row ${r} col ${c}`).toBe(norm(page[r][c]));
  }
}

describe('Excel', () => {
  it('a panel\'s .xlsx holds the page\'s table as numbers and an "Om data" sheet with KPI, definition, kommun, group and sources', async () => {
    const { page, context, requests, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1861/`);
    const panel = '#panel-kostnader';
    await page.click(`${panel} .export-toggle`);
    const file = await download(page, `${panel} [data-export="xlsx"]`);
    expect(file.name).toMatch(/^U31001_Hallsberg_1861_liknande_\d{4}\.xlsx$/);
    const { sheets, formats } = readXlsx(file.bytes);
    expect([...sheets.keys()]).toEqual(['Tabell', 'Medlemmar', 'Om data']);
    const sheet = sheets.get('Tabell')!;
    expectSheetEqualsPage(sheet, formats.get('Tabell')!, await domTable(page, await openChartTable(page, panel)));
    // real figures: Hallsberg U31001 ≈ 722 (2020) and 674 (2021) kr/inv, stored as numbers
    const year = (y: number) => sheet.find((r) => r[0] === y)!;
    expect(Math.round(year(2020)[1] as number)).toBe(722);
    expect(Math.round(year(2021)[1] as number)).toBe(674);
    const about = new Map(
      sheets
        .get('Om data')!
        .filter((r) => r[0])
        .map((r) => [r[0], r[1]]),
    );
    expect(about.get('Nyckeltal')).toBe('U31001');
    expect(String(about.get('Definition')).length).toBeGreaterThan(20);
    expect(about.get('Kommun')).toBe('Hallsberg');
    expect(about.get('Jämförelsegrupp')).toMatch(/^Liknande kommuner ekonomiskt bistånd \(utgåva \d{4}\)$/);
    expect(about.get('Utgåva')).toMatch(/^\d{4}$/);
    expect(about.get('Källa')).toMatch(/^Källa: Kolada \(RKA\), U31001, hämtad \d{4}-\d{2}-\d{2}$/);
    expect(about.get('Data hämtad')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // every member's own value per year, codes kept as text (leading zeros)
    const members = sheets.get('Medlemmar')!;
    const hallsberg = members.find((r) => r[1] === '1861')!;
    expect(hallsberg[0]).toBe('Hallsberg');
    expect(members.slice(1).every((r) => typeof r[1] === 'string' && /^\d{4}$/.test(r[1]))).toBe(true);
    expect(formats.get('Medlemmar')![1][1]).toBe('@');
    expect(await page.locator(`${panel} .export-status`).textContent()).toContain(file.name);
    expect(offOrigin(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the ranking's .xlsx holds every kommun with its place and value as on the page", async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}rangordning/`);
    await waitForApp(page);
    await page.click('.ranking-page .rank-tools .export-toggle');
    const file = await download(page, '.ranking-page .rank-tools [data-export="xlsx"]');
    expect(file.name).toMatch(/^[A-Za-z0-9_-]+_rangordning(_[A-Za-z0-9_-]+)?\.xlsx$/);
    const { sheets, formats } = readXlsx(file.bytes);
    const sheet = sheets.get('Tabell')!;
    expect(sheet.length).toBeGreaterThan(280);
    expectSheetEqualsPage(sheet, formats.get('Tabell')!, await domTable(page, '.ranking-page details.rank-table table'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Kopiera diagram', () => {
  it('with clipboard permission: the chart as PNG (title and source inside) is on the clipboard', async () => {
    const { page, context, errors } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await page.goto(`${site}kommun/1286/`);
    const panel = '#panel-ateraktualisering';
    await page.click(`${panel} .export-toggle`);
    let downloads = 0;
    page.on('download', () => downloads++);
    // the hint is the button's accessible description
    const hintId = (await page.getAttribute(`${panel} [data-export="copy-png"]`, 'aria-describedby'))!;
    expect(await page.textContent(`[id="${hintId}"]`)).toMatch(/klistra in i Word eller PowerPoint/);
    await page.click(`${panel} [data-export="copy-png"]`);
    await page.waitForFunction((p) => document.querySelector(`${p} .export-status`)?.textContent?.includes('kopierat'), panel, {
      timeout: 60_000,
    });
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const blob = await items[0].getType('image/png');
      return { types: items[0].types, bytes: [...new Uint8Array(await blob.arrayBuffer())] };
    });
    expect(copied.types).toContain('image/png');
    const png = Uint8Array.from(copied.bytes);
    writeFileSync(resolve(OUT, 'clipboard-U31462_1286.png'), png);
    expect(pngSize(png).width).toBe(1890);
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with clipboard permission denied: the PNG is downloaded instead and the status says so', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1286/`);
    const cdp = await context.newCDPSession(page);
    // Chromium grants clipboard-write to the focused tab by default; deny it for this context only.
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await cdp.send('Browser.setPermission', {
      permission: { name: 'clipboard-write' },
      setting: 'denied',
      origin: new URL(site).origin,
      browserContextId: targetInfo.browserContextId,
    });
    expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'clipboard-write' as PermissionName })).state)).toBe(
      'denied',
    );
    const panel = '#panel-ateraktualisering';
    await page.click(`${panel} .export-toggle`);
    const file = await download(page, `${panel} [data-export="copy-png"]`);
    expect(file.name).toMatch(/^U31462_Ystad_1286_liknande_\d{4}\.png$/);
    expect(pngSize(file.bytes).width).toBe(1890);
    const status = await page.locator(`${panel} .export-status`).textContent();
    expect(status).toMatch(/tillät inte kopiering.*laddades ner som U31462_Ystad_1286_liknande_\d{4}\.png i stället/);
    await context.close();
  });
});

describe('Word and PowerPoint from the report view', () => {
  it('the .docx has a title page, then per chart its summary, image with alt text, table and sources', async () => {
    const { page, context, errors, requests } = await openPage(browser);
    await page.goto(`${site}kommun/1286/rapport/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.report-panels svg[data-chart-id]').length >= 3 && !document.querySelector('.report-panels .loading'),
    );
    const charts = await page.locator('.report-panels svg[data-chart-id]').count();
    const summaries = await page.$$eval('.report-panels section.report-panel p.summary', (ps) => ps.map((p) => p.textContent!.trim()));
    const alts = await page.$$eval('.report-panels .alt-text', (ps) => ps.map((p) => p.textContent!.trim()));
    // each chart's table, then its members' values: the same tables as the report view
    const reportTables = await page.locator('.report-panels table.report-table').count();
    const file = await download(page, '[data-export="docx"]');
    expect(file.name).toBe('jamfor_1286_liknande.docx');
    const doc = readDocx(file.bytes);
    expect(doc.paragraphs[0]).toBe('Nyckeltal för Ystad');
    expect(doc.paragraphs[1]).toMatch(/^Jämfört med Liknande kommuner ekonomiskt bistånd \(utgåva \d{4}\) \(\d+ kommuner\)\.$/);
    expect(doc.paragraphs.some((p) => /^Skapad \d{4}-\d{2}-\d{2} med Jämför\.$/.test(p))).toBe(true);
    expect(doc.images.length).toBe(charts);
    for (const im of doc.images) expect(pngSize(im.bytes).width).toBe(1890);
    expect(doc.altTexts.length).toBe(charts);
    expect([...doc.altTexts].sort()).toEqual([...alts].sort());
    for (const s of summaries) expect(doc.paragraphs).toContain(s);
    expect(doc.paragraphs.filter((p) => p.startsWith('Källa: Kolada (RKA), ')).length).toBeGreaterThanOrEqual(charts);
    expect(doc.tables.length).toBe(reportTables);
    expect(reportTables).toBeGreaterThan(charts);
    expect(doc.tables[1][1][0]).toBe('Ystad');
    // the first table is the same as the kommun page's table for that chart
    await page.goto(`${site}kommun/1286/`);
    expect(doc.tables[0]).toEqual(await domTable(page, await openChartTable(page, '#panel-ateraktualisering')));
    // Ystad U31462 = 82, 88, 92 for 2019–2021
    const byYear = new Map(doc.tables[0].slice(1).map((r) => [r[0], r[1]]));
    expect([byYear.get('2019'), byYear.get('2020'), byYear.get('2021')]).toEqual(['82', '88', '92']);
    expect(offOrigin(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the .pptx has one slide per chart with a native chart whose data equals the page's table", async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1286/rapport/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.report-panels svg[data-chart-id]').length >= 3 && !document.querySelector('.report-panels .loading'),
    );
    const titles = await page.$$eval('.report-panels svg[data-chart-id]', (svgs) => svgs.map((s) => s.getAttribute('data-chart-id')));
    const file = await download(page, '[data-export="pptx"]');
    expect(file.name).toBe('jamfor_1286_liknande.pptx');
    const [cover, ...slides] = readPptx(file.bytes);
    expect(cover.texts[0]).toBe('Nyckeltal för Ystad');
    expect(cover.texts[1]).toMatch(/^Jämfört med Liknande kommuner .+\(utgåva \d{4}\)[\s\S]*Skapad \d{4}-\d{2}-\d{2} med Jämför\.$/);
    expect(slides.length).toBe(titles.length);
    for (const s of slides) {
      expect(s.charts.length + s.images).toBe(1);
      expect(s.texts.at(-1)).toMatch(/Källa: Kolada \(RKA\)|Exempeldata/);
      expect(s.notes.length).toBeGreaterThan(20);
    }
    const first = slides[0].charts[0];
    expect(first.kind).toBe('lineChart');
    await page.goto(`${site}kommun/1286/`);
    const table = await domTable(page, await openChartTable(page, '#panel-ateraktualisering'));
    const header = table[0];
    expect(first.series[0].name).toBe(header[1]);
    expect(first.series[0].labels).toEqual(table.slice(1).map((r) => r[0]));
    for (const [s, col] of [
      [0, 1],
      [1, 2],
    ] as const) {
      const shown = first.series[s].values.map((v) =>
        v === null ? '–' : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v),
      );
      expect(shown.map(norm)).toEqual(table.slice(1).map((r) => norm(r[col]).replace(/^[.-]+$/, '–')));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
