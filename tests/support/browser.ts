import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--no-first-run',
];

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records every request URL and page error, so tests can assert on them. */
export async function openPage(browser: Browser, opts: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: 'sv-SE',
  });
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, context, requests, errors };
}

/** Waits until the app has taken over the prerendered page (hydrated, its links and buttons live). */
export async function waitForApp(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => '__jamfor' in globalThis, null, { timeout });
}

/** Waits until the in-page DuckDB engine has started (the coordinator reports 'ready'). */
export async function waitForEngine(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'ready',
    null,
    { timeout },
  );
}

/** Runs SQL in the page's own DuckDB-wasm engine (through the coordinator's shared database). */
export function engineQuery(page: Page, sql: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (q) => {
    const j = (
      globalThis as unknown as {
        __jamfor: { coordinator: { database(): Promise<{ query(s: string): Promise<Record<string, unknown>[]> }> } };
      }
    ).__jamfor;
    return (await j.coordinator.database()).query(q);
  }, sql);
}

/**
 * Puts a same-site link to another kommun's page at the top of <main> (the app follows it without a
 * reload), so a test can point at it and click it like a visitor. Returns its selector.
 */
export async function linkToKommun(page: Page, from: string, to: string, name: string): Promise<string> {
  await page.evaluate(
    ({ from, to, name }) => {
      const a = document.createElement('a');
      a.href = location.pathname.replace(`/${from}/`, `/${to}/`);
      a.id = 'till-kommun';
      a.textContent = name;
      document.querySelector('main')!.prepend(a);
    },
    { from, to, name },
  );
  return '#till-kommun';
}

/**
 * Holds the app's script (the chunk the entry loads after the first paint, src/app/start-app.ts) until
 * the returned release() is called, so a test can use the prerendered page before the app takes it
 * over. Call before page.goto.
 */
export async function holdAppScript(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/start-app-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Opens a panel's "Visa som tabell" as a visitor does (the app builds a table only while it is open;
 * a panel that redraws may bring a closed one back, which is opened again) and waits for its rows and,
 * if given, a caption containing `caption`. `panel` is the panel's selector; returns the table's selector.
 */
export async function openChartTable(page: Page, panel: string, opts: { timeout?: number; caption?: string } = {}): Promise<string> {
  const details = `${panel} > details.chart-table`;
  await page.waitForFunction(
    ({ details, caption }) => {
      const d = document.querySelector<HTMLDetailsElement>(details);
      if (!d) return false;
      if (!d.open) d.querySelector('summary')!.click();
      const table = d.querySelector('table');
      return !!table?.querySelector('tbody tr') && !!table.querySelector('caption')?.textContent?.includes(caption);
    },
    { details, caption: opts.caption ?? '' },
    { timeout: opts.timeout ?? 60_000, polling: 100 },
  );
  return `${details} table`;
}
