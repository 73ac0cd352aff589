import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, waitForEngine, waitForApp } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const site = inject('siteUrl');
const subpath = inject('subpathUrl');
const origin = new URL(site).origin;

let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(() => browser?.close());

/** Requests that leave the page's origin (data: and blob: URLs stay in the page). */
const foreign = (requests: string[], base = origin) =>
  requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));

/** Records CSP violations from the page and its workers' console. */
async function watchCsp(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await context.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp))];
}

/** Waits until no panel is loading (every query answered). */
async function settled(page: Page) {
  // The prerendered default view shows nothing busy: wait for the app to have taken over first.
  await waitForApp(page, 60_000);
  // panels below the fold follow a change when the browser is idle (PanelSlot): wait for them too
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .panel .loading, .panel[data-stale]'), null, {
    timeout: 60_000,
  });
}

/** What a visitor sees of a kommun view: control values, chart ids and the text of every panel. */
async function viewState(page: Page) {
  await settled(page);
  return page.evaluate(() => ({
    controls: [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        '#main form.controls input, #main form.controls select, #main .panel-head select',
      ),
    ].map(
      (el) =>
        `${el.id || el.labels?.[0]?.firstChild?.textContent?.trim() || el.name}=${el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value}`,
    ),
    charts: [...document.querySelectorAll('#main svg[data-chart-id]')].map((s) => s.getAttribute('data-chart-id')),
    panels: [...document.querySelectorAll<HTMLElement>('#main section.panel')].map((s) => s.textContent),
  }));
}

describe('first paint and no JavaScript', () => {
  it('puts the first chart and all kommun links in the initial HTML', async () => {
    const start = await (await fetch(site)).text();
    const links = start.match(/href="\.\/kommun\/\d{4}\/"/g) ?? [];
    expect(links.length).toBeGreaterThan(280);
    const kommun = await (await fetch(`${site}kommun/1286/`)).text();
    // The first chart (the first panel's figure) is prerendered as an accessible image; any SVG
    // before it is a decorative legend swatch (aria-hidden), not a chart.
    const chart = kommun.match(/<svg\b[^>]*\bdata-chart-id="([^"]+)"[^>]*>/);
    expect(chart?.index).toBeGreaterThan(0);
    expect(chart![0]).toMatch(/role="img"/);
    expect(chart![1]).toMatch(/^ateraktualisering/);
    const before = kommun.slice(0, chart!.index).match(/<svg\b[^>]*>/g) ?? [];
    expect(before.filter((t) => !/aria-hidden="true"/.test(t))).toEqual([]);
    expect(kommun).toMatch(/<details class="chart-table"/);
  });

  it('keeps the first page (HTML, stylesheet, entry script, the app it loads after the first paint, their static imports) within 150 kB gzip, without the CSV reader', () => {
    const dist = inject('distDir');
    const page = join(dist, 'kommun/1286/index.html');
    const html = readFileSync(page, 'utf8');
    const entry = /<script type="module"[^>]*\bsrc="([^"]+)"/.exec(html)![1];
    const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"/g)]
      .map((m) => m[1])
      .filter((h) => !h.includes('noscript'));
    expect(css).toHaveLength(1);
    // the chunk the entry loads right after the first paint, by the build's manifest
    const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const app = join(dist, manifest['src/app/start-app.ts'].file);
    expect(readFileSync(join(dirname(page), entry), 'utf8')).toContain(basename(app));
    // static imports only: other import("./x.js") chunks load on demand
    const graph = new Set<string>();
    const walk = (file: string) => {
      if (graph.has(file)) return;
      graph.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\.?\/[^"']+\.js)["']/g))
        walk(join(dirname(file), m[1]));
    };
    walk(join(dirname(page), entry));
    walk(app);
    expect(graph.size).toBeGreaterThan(2);
    const files = [page, join(dirname(page), css[0]), ...graph];
    const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    expect(bytes).toBeLessThanOrEqual(150_000);
    // papaparse and the import pipeline load with "Egna data" or a stored import, not with every page
    for (const f of graph) expect(readFileSync(f, 'utf8'), f).not.toContain('UndetectableDelimiter');
  });

  it('links every style a prerendered page uses in its own stylesheet, lazy pages included', () => {
    const dist = inject('distDir');
    let seen = 0;
    for (const path of ['index.html', 'kommun/1286/index.html', 'rangordning/index.html', 'egna-data/index.html', 'om-data/index.html']) {
      const page = join(dist, path);
      const html = readFileSync(page, 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"/g)]
        .map((m) => readFileSync(join(dirname(page), m[1]), 'utf8'))
        .join('\n');
      // Svelte marks an element with its component's hash only when that component's CSS styles it
      const used = new Set([...html.matchAll(/\bsvelte-[a-z0-9]+\b/g)].map((m) => m[0]));
      seen += used.size;
      expect(
        [...used].filter((h) => !css.includes(`.${h}`)),
        path,
      ).toEqual([]);
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('paints the prerendered page before it asks for the app, the engine or the site data', async () => {
    const { page, context, errors } = await openPage(browser);
    try {
      await page.goto(`${site}kommun/1286/`);
      await waitForApp(page, 60_000);
      const t = await page.evaluate(() => {
        // when the frame was drawn (its presentation on screen, startTime, may come later)
        const first = performance.getEntriesByType('paint')[0] as (PerformanceEntry & { paintTime?: number }) | undefined;
        const paint = first ? (first.paintTime ?? first.startTime) : null;
        const res = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime }));
        return { paint, res };
      });
      expect(t.paint).not.toBeNull();
      const after = t.res.filter((r) => /\/start-app-[^/]*\.js$|\/wasm-database-[^/]*\.js$|\/data\/meta\.json$/.test(r.name));
      expect(after.map((r) => r.name.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js')).sort()).toEqual([
        'meta.json',
        'start-app.js',
        'wasm-database.js',
      ]);
      for (const r of after) expect(r.start, r.name).toBeGreaterThanOrEqual(t.paint!);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: list → kommun page, tables open, controls hidden, note shown', async () => {
    const { page, context, requests } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(site);
    await expect(page.locator('.start-search').isVisible()).resolves.toBe(false);
    await page.getByRole('link', { name: 'Ystad', exact: true }).click();
    await page.waitForURL(/kommun\/1286\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ystad');
    await expect(page.locator('#panel-ateraktualisering svg[role="img"]').count()).resolves.toBe(1);
    await expect(page.locator('form.controls').isVisible()).resolves.toBe(false);
    await expect(page.locator('.no-js-only').first().isVisible()).resolves.toBe(true);
    const table = page.locator('#panel-ateraktualisering > details.chart-table');
    await table.locator('summary').click();
    await expect(table.locator('table').isVisible()).resolves.toBe(true);
    // the member table (Ystad and its 7 liknande kommuner) and the member list are in the prerendered
    // page too (on the client they are built only when opened)
    for (const [details, item, n] of [
      ['details.member-table', 'tbody tr', 8],
      ['details.members', 'li', 7],
    ] as const) {
      const d = page.locator(`#panel-ateraktualisering ${details}`);
      await d.locator('summary').click();
      expect(await d.locator(item).count()).toBe(n);
    }
    expect(requests.filter((u) => /\.(js|wasm)$|values\.csv|meta\.json/.test(u))).toEqual([]);
    await context.close();
  });

  it('loads DuckDB only after the first paint: right after it on kommun pages, on first interaction elsewhere', async () => {
    // Kommun pages start the engine right after the first frame is painted (not at load, not on
    // idle): the prerendered first chart is painted before the wasm or any value piece is requested.
    const { page, context, requests } = await openPage(browser);
    // Wall-clock start of each request (page and workers; DuckDB fetches its wasm in a worker), taken
    // from the browser's own timing. Awaited as events: a worker's request event may reach the test
    // after the engine already reports ready.
    const startOf = (test: (u: string) => boolean) =>
      page
        .waitForEvent('request', { predicate: (r) => test(r.url()), timeout: 60_000 })
        .then(async (r) => (await r.response(), r.timing().startTime));
    const wasmAt = startOf((u) => u.endsWith('.wasm'));
    const valuesAt = startOf((u) => u.includes('data/values'));
    await page.goto(`${site}kommun/1286/`);
    await waitForEngine(page);
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        at: performance.timeOrigin + (fcp?.startTime ?? NaN),
        chartInHtml: !!document.querySelector('#panel-ateraktualisering svg[role="img"][data-chart-id]'),
      };
    });
    expect(paint.chartInHtml).toBe(true);
    expect(Number.isFinite(paint.at)).toBe(true);
    expect(await wasmAt).toBeGreaterThan(paint.at);
    expect(await valuesAt).toBeGreaterThan(paint.at);
    expect(foreign(requests)).toEqual([]);

    const reader = await openPage(browser);
    await reader.page.goto(`${site}om-data/`, { waitUntil: 'networkidle' });
    await reader.page.goto(site, { waitUntil: 'networkidle' });
    expect(reader.requests.filter((u) => u.endsWith('.wasm') || u.includes('data/values'))).toEqual([]);
    const wasm = reader.page.waitForEvent('request', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 60_000 });
    await reader.page.getByLabel('Välj kommun').focus();
    await waitForEngine(reader.page);
    expect((await wasm).url()).toMatch(/\.wasm$/);
    expect(foreign(reader.requests)).toEqual([]);
    await reader.context.close();
    await context.close();
  });
  it('starts the engine beside the site data: the wasm is requested while meta.json is still on its way', async () => {
    const { page, context, errors } = await openPage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/data\/meta\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    const wasm = page.waitForEvent('request', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 60_000 });
    await page.goto(`${site}kommun/1286/`, { waitUntil: 'commit' });
    expect((await wasm).url()).toMatch(/\.wasm$/);
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false); // not hydrated: it waits for meta.json
    release();
    await waitForEngine(page);
    const v = await page.evaluate(() =>
      (
        globalThis as unknown as { __jamfor: { coordinator: { run(n: string, r: unknown): Promise<{ period: string; value: number }[]> } } }
      ).__jamfor.coordinator.run('panelSeries', {
        kpi: 'U31462',
        municipalityId: '1286',
        members: ['1280', '1281'],
        gender: 'T',
        higherIsBetter: true,
      }),
    );
    expect(v.filter((p) => ['2019', '2020', '2021'].includes(p.period)).map((p) => p.value)).toEqual([82, 88, 92]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-contained, under a Content-Security-Policy', () => {
  it('declares a CSP without unsafe-eval on every page', async () => {
    for (const path of ['', 'kommun/1286/', 'om-data/', 'rangordning/', '404.html']) {
      const html = await (await fetch(site + path)).text();
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
      expect(csp, path).toBeDefined();
      expect(csp).toContain("'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/'unsafe-eval'/);
      expect(csp).toMatch(/connect-src 'self'/);
    }
  });

  it('never requests another host and reports no CSP violation while DuckDB runs queries', async () => {
    const { page, context, requests, errors } = await openPage(browser);
    const violations = await watchCsp(context, page);
    for (const path of ['', 'om-data/', 'tillganglighet/', 'rangordning/', 'egna-data/', 'finns-inte/'])
      await page.goto(site + path, { waitUntil: 'networkidle' });
    await page.goto(`${site}kommun/1489/`);
    await page.getByLabel('Länet').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'));
    await page.getByLabel('Kön').selectOption('K');
    await settled(page);
    const n = await page.evaluate(async () => {
      const { coordinator } = (
        globalThis as unknown as {
          __jamfor: {
            coordinator: {
              run(name: string, r: unknown): Promise<unknown[]>;
              database(): Promise<{ query(s: string): Promise<{ n: number }[]> }>;
            };
          };
        }
      ).__jamfor;
      // the panels are answered in the page from the pieces; a ranking is SQL in DuckDB
      await coordinator.run('ranking', { kpi: 'U31462', period: '2021', gender: 'T', higherIsBetter: true });
      return (await (await coordinator.database()).query('SELECT count(*)::INTEGER AS n FROM kpi_values'))[0].n;
    });
    expect(n).toBeGreaterThan(1000);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(foreign(requests)).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  const pages: [string, string][] = [
    ['start', ''],
    ['kommun', 'kommun/1286/'],
    ['ranking', 'rangordning/'],
    ['om-data', 'om-data/'],
    ['tillganglighet', 'tillganglighet/'],
    ['404', 'finns-inte/'],
    ['kommun with an own group (old ?lang=en link)', 'kommun/0180/?lang=en&grupp=egen&medlemmar=1286,1489'],
  ];
  for (const [name, path] of pages) {
    it(`has no violations on ${name}`, async () => {
      const { page, context } = await openPage(browser);
      await page.goto(site + path, { waitUntil: 'networkidle' });
      if (name.startsWith('kommun')) await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('the axe check itself finds a planted violation (so zero above means something)', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}om-data/`);
    // after hydration, which would otherwise remove the planted markup again
    await waitForApp(page);
    await page.evaluate(() =>
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p style="color:#bbb">grå text</p><button></button>'),
    );
    const found = await axeViolations(page);
    expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['button-name', 'color-contrast']);
    await context.close();
  });

  it('has no violations with the controls open: custom group, copy-link fallback, tables and details expanded', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1286/?grupp=egen&medlemmar=1489`);
    await settled(page);
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    await page.locator('.copy-link input, .copy-status:not(:empty)').first().waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('skip link is the first tab stop and moves focus to the main content', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1286/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    const { page, context } = await openPage(browser, { width: 320, height: 640 });
    for (const path of ['', 'kommun/1286/?grupp=egen&medlemmar=1489,0180', 'om-data/', 'tillganglighet/']) {
      await page.goto(site + path, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});

describe('permalinks and history', () => {
  it('a copied link restores the exact view in a new page', async () => {
    const { page, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`${site}kommun/1286/`);
    await page.getByLabel('Egen grupp').check();
    const add = page.getByLabel('Lägg till kommun');
    for (const name of ['Alingsås', 'Hallsberg']) {
      await add.fill(name);
      await add.press('Enter');
    }
    await page.getByLabel('Kön').selectOption('K');
    await page.getByLabel('Spridning').selectOption('iqr');
    await page.getByLabel('Riket', { exact: true }).uncheck();
    await page.getByLabel('Medel alla kommuner').check();
    await page.locator('#kpi-kostnader').selectOption('N31004');
    await page.getByLabel('År för placering').selectOption('2021');
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    await page.locator('.copy-status:not(:empty)').waitFor();
    await expect(page.locator('.copy-status').textContent()).resolves.toBe('Länken är kopierad.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('medlemmar=1489,1861');
    const before = await viewState(page);

    const other = await openPage(browser);
    await other.page.goto(copied);
    const after = await viewState(other.page);
    expect(after).toEqual(before);
    expect(after.controls).toEqual(expect.arrayContaining(['Kön=K', 'Spridning=iqr', 'År för placering=2021', 'kpi-kostnader=N31004']));
    expect(after.charts).toContain('kostnader-N31004');
    await other.context.close();
    await context.close();
  });

  it('falls back to a selected read-only field when the clipboard is refused', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1286/?kon=M`);
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }),
    );
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    const field = page.locator('.copy-link input[readonly]');
    await field.waitFor();
    await expect(field.inputValue()).resolves.toBe(page.url());
    await expect(
      field.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd === el.value.length]),
    ).resolves.toEqual([true, 0, true]);
    await context.close();
  });

  it('back and forward step through control changes and restore them exactly', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${site}kommun/1861/`);
    const initial = await viewState(page);
    await page.getByLabel('Länet').check();
    await page.waitForURL(/grupp=lan/);
    const lan = await viewState(page);
    await page.getByLabel('Kön').selectOption('M');
    await page.waitForURL(/kon=M/);
    const men = await viewState(page);
    expect(men).not.toEqual(lan);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('kon=M'));
    expect(await viewState(page)).toEqual(lan);
    await page.goBack();
    await page.waitForURL((u) => u.search === '');
    expect(await viewState(page)).toEqual(initial);
    await page.goForward();
    await page.goForward();
    await page.waitForURL(/kon=M/);
    expect(await viewState(page)).toEqual(men);
    await context.close();
  });
});

describe('sub-path and old links', () => {
  it('works under /nyckeltal/: start → kommun → change group → back, nothing requested outside the sub-path', async () => {
    const { page, context, requests, errors } = await openPage(browser);
    await page.goto(subpath);
    await page.getByRole('link', { name: 'Ystad', exact: true }).click();
    await page.waitForURL(`${subpath}kommun/1286/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ystad');
    await page.getByLabel('Länet').check();
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'));
    await page.waitForURL(`${subpath}kommun/1286/?grupp=lan`);
    await page.goBack();
    await page.waitForURL(`${subpath}kommun/1286/`);
    await expect(page.getByLabel('Liknande kommuner (Kolada)').isChecked()).resolves.toBe(true);
    await page.goBack();
    await page.waitForURL(subpath);
    await expect(page.locator('h1').textContent()).resolves.toContain('Jämför kommunens nyckeltal');
    await page.reload();
    await page.getByRole('link', { name: 'Om data' }).first().click();
    await page.waitForURL(`${subpath}om-data/`);
    expect(foreign(requests, subpath)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens an old ?lang=en link in Swedish, without errors, and drops the parameter from links', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}kommun/1286/?lang=en&grupp=lan`);
    await settled(page);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ystad');
    await expect(page.getByLabel('Länet').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'In English' }).count()).resolves.toBe(0);
    await page.getByLabel('Alla kommuner', { exact: true }).check();
    await page.waitForURL(/grupp=alla/);
    expect(page.url()).not.toContain('lang=');
    await page.getByRole('link', { name: 'Om data', exact: true }).first().click();
    await page.waitForURL((u) => u.pathname.endsWith('/om-data/') && u.search === '');
    await expect(page.locator('h1').textContent()).resolves.toBe('Om data');
    expect(errors).toEqual([]);
    await context.close();
  });
});
