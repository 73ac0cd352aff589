import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from '../support/browser.ts';
import type { StaticServer } from '../../scripts/site/static-server.ts';
import { DATA_PAYLOADS } from '../security/hostile-data.ts';
import { serveHostileSite } from '../support/hostile-site.ts';
import { readDocx, readPptx, readXlsx } from '../support/office-files.ts';

/**
 * Excel, Word and PowerPoint files made by the real page for kommuner whose names (and KPI titles,
 * group titles) are hostile strings: safe file names, well-formed XML, names as literal text, no formula.
 */
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

async function download(page: Page, selector: string) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync((await dl.path())!)) };
}

const pwned = (page: Page) => page.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? 0);

describe('office exports for hostile names', () => {
  it('the .xlsx keeps a formula-like kommun name as text and every part is well-formed', async () => {
    const { page, context } = await openPage(browser);
    const i = DATA_PAYLOADS.findIndex((p) => p.startsWith('=HYPERLINK'));
    await page.goto(`${server.url}kommun/${kommunIds[i]}/`);
    const panel = '#panel-ateraktualisering';
    await page.waitForSelector(`${panel} .export-toggle`, { timeout: 120_000 });
    await page.click(`${panel} .export-toggle`);
    const file = await download(page, `${panel} [data-export="xlsx"]`);
    expect(file.name).toMatch(/^[A-Za-z0-9_-]+\.xlsx$/);
    // readXlsx throws on a formula cell or an XML part that does not parse
    const { sheets } = readXlsx(file.bytes);
    expect(String(sheets.get('Tabell')![0][1])).toContain(DATA_PAYLOADS[i]);
    const about = new Map(sheets.get('Om data')!.map((r) => [r[0], r[1]]));
    expect(about.get('Kommun')).toBe(DATA_PAYLOADS[i]);
    expect(await pwned(page)).toBe(0);
    await context.close();
  });

  it("the report's .docx and .pptx carry a script-like kommun name as literal text", async () => {
    const { page, context } = await openPage(browser);
    const i = DATA_PAYLOADS.findIndex((p) => p.startsWith('<svg onload'));
    await page.goto(`${server.url}kommun/${kommunIds[i]}/rapport/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.report-panels svg[data-chart-id]').length >= 1 && !document.querySelector('.report-panels .loading'),
    );
    const docx = await download(page, '[data-export="docx"]');
    expect(docx.name).toMatch(/^jamfor_[A-Za-z0-9_-]+\.docx$/);
    const doc = readDocx(docx.bytes);
    expect(doc.paragraphs[0]).toBe(`Nyckeltal för ${DATA_PAYLOADS[i]}`);
    expect(doc.images.length).toBeGreaterThan(0);
    const pptx = await download(page, '[data-export="pptx"]');
    expect(pptx.name).toMatch(/^jamfor_[A-Za-z0-9_-]+\.pptx$/);
    const [cover, ...slides] = readPptx(pptx.bytes);
    expect(cover.texts[0]).toBe(`Nyckeltal för ${DATA_PAYLOADS[i]}`);
    expect(slides.length).toBe(await page.locator('.report-panels svg[data-chart-id]').count());
    expect(slides.flatMap((s) => s.charts.flatMap((c) => c.series.map((x) => x.name)))).toContain(DATA_PAYLOADS[i]);
    expect(await pwned(page)).toBe(0);
    await context.close();
  });
});
