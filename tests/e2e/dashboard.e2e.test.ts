import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChartTable, linkToKommun, openPage, waitForEngine } from '../support/browser.ts';
import { parseSv } from '../support/sv-number.ts';

/**
 * The comparison dashboard on the real Kolada data. Every expected figure is computed here from the raw
 * files with papaparse, independently of the site's loader, SQL and peer-group code.
 */
let browser: Browser;
const site = inject('siteUrl');
const kolada = inject('koladaDir');
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

type Raw = Record<string, string>;
const csv = (file: string): Raw[] => Papa.parse<Raw>(readFileSync(join(kolada, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const values = csv('values_long.csv');
const u31462 = values.filter((r) => r.kpi === 'U31462' && r.gender === 'T');
const kommunIds = csv('municipalities.csv')
  .filter((r) => r.type === 'K')
  .map((r) => r.municipality_id);

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The panel's table alternative (opened as a visitor does) as {period: cells}. */
async function panelTable(page: Page, panel: string): Promise<Record<string, string[]>> {
  return page.$$eval(`${await openChartTable(page, `#panel-${panel}`)} tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((tr) => [tr.querySelector('th')?.textContent ?? '', [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
    ),
  );
}

describe('group means on the kommun page', () => {
  it("shows Alingsås's 2022 liknande-kommuner (edition 2022) mean for U31462 as computed from the raw files", async () => {
    const members = csv('liknande_kommuner_ekonomiskt_bistand.csv')
      .filter((r) => r.focal_municipality_id === '1489' && r.edition_year === '2022')
      .map((r) => r.member_id)
      .filter((id) => id !== '1489');
    expect(members).toHaveLength(7);
    const withValue = u31462.filter((r) => r.period === '2022' && members.includes(r.municipality_id) && r.value !== '');
    const expected = mean(withValue.map((r) => Number(r.value)));

    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/?utgava=2022&ar=2022`);
    await openChartTable(page, '#panel-ateraktualisering', { caption: 'utgåva 2022' });
    const row = (await panelTable(page, 'ateraktualisering'))['2022'];
    expect(parseSv(row[1])).toBe(round1(expected));
    expect(parseSv(row[2])).toBe(withValue.length);
    const figures = await page.locator('#panel-ateraktualisering .figures').textContent();
    expect(figures).toContain('Liknande kommuner ekonomiskt bistånd (utgåva 2022)');
    expect(figures).toContain(`${withValue.length} av 7 kommuner med värde`);
    const note = page.locator('#panel-ateraktualisering .group-note');
    if (withValue.length < 7)
      await expect(note.textContent()).resolves.toBe(
        `Gruppmedel 2022 bygger på ${withValue.length} av 7 kommuner; ${7 - withValue.length === 1 ? 'en saknar' : `${7 - withValue.length} saknar`} värde.`,
      );
    else expect(await note.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a custom group from the URL: lists its members and shows their mean', async () => {
    const members = ['0180', '1280', '1480', '0580'];
    const latest = [...new Set(u31462.filter((r) => members.includes(r.municipality_id) && r.value !== '').map((r) => r.period))]
      .sort()
      .at(-1)!;
    const expected = mean(
      u31462.filter((r) => r.period === latest && members.includes(r.municipality_id) && r.value !== '').map((r) => Number(r.value)),
    );
    const names = new Map(csv('municipalities.csv').map((r) => [r.municipality_id, r.name]));

    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/?grupp=egen&medlemmar=${members.join(',')}`);
    await openChartTable(page, '#panel-ateraktualisering', { caption: 'Egen grupp (4 kommuner)' });
    expect(parseSv((await panelTable(page, 'ateraktualisering'))[latest][1])).toBe(round1(expected));
    await page.locator('#panel-ateraktualisering details.members summary').click();
    await page.locator('#panel-ateraktualisering details.members li').first().waitFor();
    const listed = await page.locator('#panel-ateraktualisering details.members li').allTextContents();
    expect(listed.sort()).toEqual(members.map((id) => names.get(id)!).sort());
    expect(await page.getByRole('radio', { name: 'Egen grupp' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('missing values', () => {
  it('shows a missing year as "–" in the table and as a break in the line', async () => {
    // a kommun whose U31462 series has an empty value between two years with values
    const byKommun = new Map<string, Map<string, string>>();
    for (const r of u31462) {
      if (r.municipality_id.startsWith('00')) continue;
      if (!byKommun.has(r.municipality_id)) byKommun.set(r.municipality_id, new Map());
      byKommun.get(r.municipality_id)!.set(r.period, r.value);
    }
    const found = [...byKommun].flatMap(([id, m]) => {
      const periods = [...m.keys()].sort();
      return periods
        .filter(
          (p, i) =>
            m.get(p) === '' && periods.slice(0, i).some((q) => m.get(q) !== '') && periods.slice(i + 1).some((q) => m.get(q) !== ''),
        )
        .map((p) => ({ id, period: p, m }));
    })[0];
    expect(found, 'a kommun with an empty U31462 value between two values').toBeDefined();

    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/${found.id}/`);
    const table = await panelTable(page, 'ateraktualisering');
    expect(table[found.period][0]).toBe('–');
    // runs of consecutive shown years with a value = subpaths of the kommun's line
    let runs = 0;
    let inRun = false;
    for (const p of Object.keys(table).sort()) {
      const has = (found.m.get(p) ?? '') !== '';
      if (has && !inRun) runs++;
      inRun = has;
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    const d = await page.locator('#panel-ateraktualisering svg [data-series="kommun"] path').getAttribute('d');
    expect(d!.split('M').filter(Boolean)).toHaveLength(runs);
    await context.close();
  });
});

describe('ranking page', () => {
  /** Place as the issue defines it: 1 + kommuner with a strictly better value (ties share a place). */
  function expectedRank(period: string, id: string) {
    const ranked = u31462.filter((r) => r.period === period && kommunIds.includes(r.municipality_id) && r.value !== '');
    const own = Number(ranked.find((r) => r.municipality_id === id)!.value);
    return { place: 1 + ranked.filter((r) => Number(r.value) > own).length, of: ranked.length, missing: kommunIds.length - ranked.length };
  }

  it('shows "plats N av M" for Alingsås 2022 as ranked from the raw file, and counts the kommuner without value', async () => {
    const e = expectedRank('2022', '1489');
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}rangordning/?kommun=1489&ar=2022&utgava=2022`);
    await page.waitForFunction(() => document.querySelector('.rank-place')?.textContent?.startsWith('plats'), null, { timeout: 60_000 });
    await expect(page.locator('.rank-place').textContent()).resolves.toBe(`plats ${e.place} av ${e.of}, högst värde = plats 1`);
    await expect(page.locator('.rank-missing').textContent()).resolves.toBe(
      `${e.missing} kommuner saknar värde 2022 och ingår inte i rangordningen.`,
    );
    const svg = page.locator('.ranking-page svg[data-chart-id^="rank-"]');
    expect(await svg.locator('rect[data-role]').count()).toBe(e.of);
    const named = await svg.locator('.bar-label').allTextContents();
    expect(named.some((t) => t.startsWith('Alingsås'))).toBe(true);
    expect(await svg.textContent()).toContain('Källa: Kolada (RKA), U31462');
    expect(await svg.textContent()).toContain('Egen bearbetning av data från Kolada');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ranks a peer the same way in the table, and the series panel links to the ranking', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1489/?utgava=2022&ar=2022`);
    const link = page.locator('#panel-ateraktualisering .rank-block a');
    await link.click();
    await page.waitForURL(/rangordning\/\?/);
    expect(page.url()).toContain('kommun=1489');
    expect(page.url()).toContain('kpi=U31462');
    await page.waitForFunction(() => document.querySelector('.rank-place')?.textContent?.startsWith('plats'), null, { timeout: 60_000 });
    const rows = await page.$$eval('.rank-table tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
    );
    expect(rows).toHaveLength(kommunIds.length);
    const lidkoping = rows.find((r) => r[0] === 'Lidköping')!;
    expect(Number(lidkoping[1])).toBe(expectedRank('2022', '1494').place);
    expect(lidkoping.at(-1)).toBe('Jämförelsegrupp');
    await context.close();
  });
});

describe('a view change touches only the panels it changes', () => {
  it('a year change asks no panel for its series again; a KPI choice asks only that panel', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1286/`);
    await waitForEngine(page);
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"]'));
    // Every lookup a panel makes (cache hit or not) goes through coordinator.peek: count them by query and KPI.
    await page.evaluate(() => {
      type C = { peek(name: string, request: { kpi?: string }): unknown };
      const c = (globalThis as unknown as { __jamfor: { coordinator: C } }).__jamfor.coordinator;
      const asked: string[] = [];
      (globalThis as unknown as { __asked: string[] }).__asked = asked;
      const peek = c.peek.bind(c);
      c.peek = (name, request) => (asked.push(`${name}:${request.kpi ?? ''}`), peek(name, request));
    });
    const asked = () => page.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked.splice(0));
    const seriesAsks = (xs: string[]) => xs.filter((x) => /^(panelSeries|memberValues|changeSpread):/.test(x));

    await page.getByLabel('År för placering').selectOption('2020');
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures dt')?.textContent?.includes('2020'));
    // a panel below the fold follows at the next idle moment (OffscreenLag), beside the page's reading ahead
    await page.waitForFunction(() => document.querySelector('#panel-kostnader .figures dt')?.textContent?.includes('2020'));
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"]'));
    expect(seriesAsks(await asked())).toEqual([]);

    const select = page.locator('#kpi-kostnader');
    const other = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))[1];
    await select.selectOption(other);
    await page.waitForFunction(
      (kpi) =>
        document.querySelector('#panel-kostnader .summary') && document.querySelector('#panel-kostnader')?.textContent?.includes(kpi),
      other,
    );
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"]'));
    const kpis = new Set(seriesAsks(await asked()).map((x) => x.split(':')[1]));
    expect([...kpis]).toEqual([other]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a kommun change updates the page in place and never shows the previous kommun's figures under the new name", async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1489/`);
    await waitForEngine(page);
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"]'));
    // Watch every DOM change: a panel whose figures name Alingsås while the heading says Ystad is a violation.
    await page.evaluate(() => {
      const w = globalThis as unknown as { __seen: string[]; __article: Element | null };
      w.__seen = [];
      w.__article = document.querySelector('article.kommun-page');
      const check = () => {
        if (document.querySelector('h1')?.textContent !== 'Ystad') return;
        // a panel below the fold that has not followed yet is hidden (data-stale, aria-hidden): not shown
        for (const dt of document.querySelectorAll('section.panel:not([data-stale]) .figures dt'))
          if (dt.textContent?.includes('Alingsås')) w.__seen.push(dt.textContent);
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.click(await linkToKommun(page, '1489', '1286', 'Ystad'));
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures dt')?.textContent?.includes('Ystad'), null, {
      timeout: 60_000,
    });
    const table = await panelTable(page, 'ateraktualisering');
    expect(['2019', '2020', '2021'].map((y) => parseSv(table[y][0]))).toEqual([82, 88, 92]);
    await page.waitForFunction(() => !document.querySelector('section.panel[aria-busy="true"], section.panel[data-stale]'));
    const watched = await page.evaluate(() => {
      const w = globalThis as unknown as { __seen: string[]; __article: Element | null };
      return { seen: w.__seen, same: w.__article === document.querySelector('article.kommun-page') };
    });
    expect(watched.seen).toEqual([]);
    expect(watched.same).toBe(true);
    for (const dt of await page.locator('section.panel .figures > div:first-child > dt').allTextContents()) expect(dt).toContain('Ystad');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
