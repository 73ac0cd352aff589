import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { holdAppScript, launchChromium, openPage, waitForEngine, waitForApp } from '../support/browser.ts';

/**
 * Issue 19 in the browser: a DuckDB worker that dies (with or without an error event) mid-query and
 * mid-import, malformed escapes in paths and fragments, 404 titles, and a KPI id named like a
 * built-in object member.
 */
const site = inject('siteUrl');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'jamfor-harden-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page whose Worker constructor records every worker, so a test can terminate one from outside the app. */
async function pageWithWorkerHandle() {
  const opened = await openPage(browser);
  await opened.page.addInitScript(() => {
    const Original = window.Worker;
    const w = window as unknown as { __workers: Worker[] };
    w.__workers = [];
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workers.push(this);
      }
    };
  });
  return opened;
}

/** Terminates every worker the page started: no error event, no message – the silent death. */
const terminateWorkers = (page: Page) =>
  page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.forEach((w) => w.terminate()));

/** Starts a long parameterised query, kills the worker after 300 ms and reports how the query ended (or 'hung'). */
function queryThroughDeath(page: Page, how: 'silent' | 'kill'): Promise<string> {
  return page.evaluate(async (how) => {
    const g = globalThis as unknown as {
      __workers: Worker[];
      __jamfor: { coordinator: { database(): Promise<{ query(s: string, p: unknown[]): Promise<unknown>; kill(): void }> } };
    };
    const db = await g.__jamfor.coordinator.database();
    const q = db.query('SELECT sum(i) AS s FROM range(?::BIGINT) t(i)', [40_000_000_000]).then(
      () => 'finished',
      (e: Error) => `rejected: ${e.message}`,
    );
    setTimeout(() => (how === 'kill' ? db.kill() : g.__workers.forEach((w) => w.terminate())), 300);
    return Promise.race([q, new Promise<string>((r) => setTimeout(() => r('hung'), 90_000))]);
  }, how);
}

describe('a dying DuckDB worker', () => {
  it.each(['silent', 'kill'] as const)(
    'settles a parameterised query mid-run (%s death) and a retry works',
    async (how) => {
      const { page, context, errors } = await pageWithWorkerHandle();
      await page.goto(`${site}kommun/1286/`);
      await waitForEngine(page, 240_000);
      const outcome = await queryThroughDeath(page, how);
      expect(outcome).toBe('rejected: DuckDB-arbetaren avslutades oväntat');
      const alert = page.locator('.engine-status [role="alert"]');
      await alert.waitFor({ timeout: 120_000 });
      expect(await alert.textContent()).toContain('Databasen i webbläsaren fungerar inte just nu');
      await page.screenshot({ path: `.cache/e2e/worker-death-${how}.png` });
      await alert.getByRole('button', { name: 'Försök igen' }).click();
      await waitForEngine(page, 240_000);
      await page.getByLabel('Länet').check();
      await page.waitForFunction(
        () => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'),
        null,
        { timeout: 60_000 },
      );
      expect(errors.filter((e) => !/DuckDB-arbetaren/.test(e))).toEqual([]);
      await context.close();
    },
    900_000,
  );

  it('notices a worker that ends without an error event while panels are loading: no panel stays busy', async () => {
    const { page, context } = await pageWithWorkerHandle();
    await page.goto(`${site}kommun/1489/`);
    await waitForEngine(page, 240_000);
    await page.evaluate(() => {
      const g = globalThis as unknown as { __statuses: string[]; __jamfor: { coordinator: { onStatus(f: (s: string) => void): void } } };
      g.__statuses = [];
      g.__jamfor.coordinator.onStatus((s) => g.__statuses.push(s));
    });
    // New choices make every panel query the engine; the worker goes away while they run.
    await page.getByLabel('Länet').check();
    await terminateWorkers(page);
    // The death is noticed (status 'failed'); queries still waiting may start a fresh engine at once.
    await page.waitForFunction(() => (globalThis as unknown as { __statuses: string[] }).__statuses.includes('failed'), null, {
      timeout: 120_000,
    });
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 60_000 });
    const alert = page.locator('.engine-status [role="alert"]');
    if (await alert.count()) {
      expect(await alert.textContent()).toMatch(/Databasen i webbläsaren fungerar inte just nu.*Försök igen/s);
      await alert.getByRole('button', { name: 'Försök igen' }).click();
    }
    await waitForEngine(page, 240_000);
    await page.waitForFunction(() => document.querySelector('#panel-ateraktualisering .figures')?.textContent?.includes('Övriga i'), null, {
      timeout: 60_000,
    });
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 60_000 });
    await context.close();
  }, 900_000);

  it('settles an import whose worker dies 300 ms after confirming; choosing the file again adds it', async () => {
    const { page, context } = await pageWithWorkerHandle();
    await page.goto(`${site}egna-data/`);
    await waitForEngine(page, 240_000);
    const meta = await page.evaluate(async () => (await fetch(new URL('../data/meta.json', location.href))).json());
    const ids = (meta.municipalities as { id: string; type: string }[]).filter((m) => m.type === 'K').map((m) => m.id);
    const lines = ['nyckeltal;kommun;period;kön;värde'];
    for (let i = 0; i < 400_200; i++)
      lines.push(
        `EGEN_DOD;${ids[i % ids.length]};${1900 + Math.floor(i / ids.length / 12)}-${String((Math.floor(i / ids.length) % 12) + 1).padStart(2, '0')};T;${i % 1000},5`,
      );
    const path = join(dir, 'dor-under-import.csv');
    writeFileSync(path, lines.join('\n') + '\n');

    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.import-preview', { timeout: 600_000 });
    await page.click('.import-preview .actions button:first-child');
    await page.waitForTimeout(300);
    await terminateWorkers(page);
    // The page settles: no "Lägger till …" left, a Swedish message, the file field usable again.
    await page.waitForFunction(
      () => !document.querySelector('.egna-data progress') && !/Lägger till/.test(document.querySelector('.egna-data')?.textContent ?? ''),
      null,
      { timeout: 180_000 },
    );
    const said = await page.locator('.egna-data [role=alert], .engine-status [role=alert]').allTextContents();
    expect(said.join(' ')).toMatch(/[åäö]/);
    expect(said.join(' ')).not.toMatch(/Error|undefined/);
    expect(await page.isEnabled('.egna-data input[type=file]')).toBe(true);
    await page.screenshot({ path: '.cache/e2e/worker-death-import.png', fullPage: true });

    await page.setInputFiles('.egna-data input[type=file]', []);
    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.import-preview', { timeout: 600_000 });
    await page.click('.import-preview .actions button:first-child');
    await page.waitForSelector('.egna-data .ok-note', { timeout: 600_000 });
    expect(await page.textContent('.egna-data .ok-note')).toMatch(/400\s200 rader lades till/);
    await context.close();
  }, 900_000);
});

describe('a parse worker that cannot load', () => {
  it('reads a 30-byte file on the page instead of calling it too big for memory', async () => {
    const { page, context } = await openPage(browser);
    let blocked = 0;
    await page.route(/parse-worker[^/]*\.(js|ts)(\?.*)?$/, (route) => {
      blocked++;
      return route.abort();
    });
    await page.goto(`${site}egna-data/`);
    const path = join(dir, 'liten.csv');
    writeFileSync(path, 'nyckeltal;kommun;period;kön;värde\nEGEN_L;1286;2021;T;1,5\n');
    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.import-preview', { timeout: 120_000 });
    expect(await page.locator('.egna-data').textContent()).not.toMatch(/minne/);
    await page.click('.import-preview .actions button:first-child');
    await page.waitForSelector('.egna-data .ok-note', { timeout: 240_000 });
    expect(await page.textContent('.egna-data .ok-note')).toMatch(/1 rad lades till/);
    expect(blocked).toBeGreaterThan(0);
    await context.close();
  }, 600_000);
});

describe('a file chosen before the page has started', () => {
  const cases = [
    {
      what: 'an own-data file',
      input: '.egna-data input[type=file] >> nth=0',
      name: 'tidig.csv',
      body: 'nyckeltal;kommun;period;kön;värde\nEGEN_T;1286;2021;T;2,5\n',
      read: async (page: Page) => {
        await page.waitForSelector('.import-preview', { timeout: 120_000 });
        expect(await page.textContent('.import-preview h2')).toContain('tidig.csv');
      },
    },
    {
      what: 'a targets.csv',
      input: '.target-editor input[type=file]',
      name: 'targets.csv',
      body: 'municipality_id,kpi,period,target,comparison,source_text\n1286,U31462,2021,90,>=,Tidig plan\n',
      read: async (page: Page) => {
        await page.waitForSelector('table.targets tbody tr', { timeout: 120_000 });
        expect(await page.textContent('table.targets tbody')).toMatch(/Ystad[\s\S]*2021[\s\S]*Tidig plan/);
      },
    },
  ];
  it.each(cases)(
    '$what is read once the app takes over the prerendered page',
    async ({ input, name, body, read }) => {
      const { page, context, errors } = await openPage(browser);
      // The app starts only once the file has been chosen in the prerendered form.
      const release = await holdAppScript(page);
      // (a held module script also holds DOMContentLoaded, so wait for the prerendered input itself)
      await page.goto(`${site}egna-data/`, { waitUntil: 'commit' });
      await page.waitForSelector(input, { state: 'attached' });
      const path = join(dir, name);
      writeFileSync(path, body);
      await page.setInputFiles(input, path);
      expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
      release();
      await read(page);
      expect(errors).toEqual([]);
      await context.close();
    },
    300_000,
  );
});

describe('the KPI search used before the page has started', () => {
  it('loads the catalogue for a search box focused and typed in before hydration', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(`${site}kommun/1489/`, { waitUntil: 'commit' });
    const box = page.locator('.kpi-search input[type="search"]');
    await box.waitFor({ state: 'attached' });
    await box.focus();
    await box.pressSequentially('bistand');
    expect(await page.evaluate(() => '__jamfor' in globalThis)).toBe(false);
    release();
    await expect.poll(() => page.locator('.kpi-search .hit-count').textContent(), { timeout: 60_000 }).toMatch(/\d nyckeltal matchar/);
    expect(await page.locator('.kpi-search .hits li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('fills the operating-area list for a select focused before hydration', async () => {
    const { page, context, errors } = await openPage(browser);
    const release = await holdAppScript(page);
    await page.goto(`${site}kommun/1489/`, { waitUntil: 'commit' });
    const select = page.locator('.kpi-search select');
    await select.waitFor({ state: 'attached' });
    await select.focus();
    release();
    await expect.poll(() => select.locator('option').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('malformed escapes and unknown pages', () => {
  it('starts the app and shows the 404 page for a path with a malformed escape', async () => {
    const { page, context, errors } = await openPage(browser);
    const res = await page.goto(`${site}kommun/%E0%A4%A/`);
    expect(res?.status()).toBe(400);
    await waitForApp(page);
    expect(await page.textContent('main h1')).toBe('Sidan finns inte');
    expect(await page.title()).toBe('Sidan finns inte – Jämför');
    // the one expected console line is the document's own 400 status
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('follows a same-site link whose fragment is a malformed escape without an error', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${site}om-data/`);
    await waitForApp(page);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '../kommun/1286/#%E0%A4%A';
      a.textContent = 'trasig länk';
      a.id = 'trasig';
      document.querySelector('main')!.append(a);
    });
    await page.click('#trasig');
    await page.waitForFunction(() => location.pathname.endsWith('/kommun/1286/'));
    await page.waitForSelector('#panel-ateraktualisering');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([['kommun/9999/'], ['kommun/0000/'], ['kommun/0000/rapport/'], ['finns/inte/']])(
    '%s is titled "Sidan finns inte – Jämför"',
    async (path) => {
      const { page, context } = await openPage(browser);
      await page.goto(`${site}${path}`);
      await waitForApp(page);
      await page.waitForSelector('main h1');
      expect(await page.textContent('main h1')).toBe('Sidan finns inte');
      expect(await page.title()).toBe('Sidan finns inte – Jämför');
      await context.close();
    },
  );

  it('ranks with a plain Swedish note for ?kpi=constructor (and other built-in names)', async () => {
    const { page, context, errors } = await openPage(browser);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await page.goto(`${site}rangordning/?kpi=${name}`);
      await waitForApp(page);
      const note = page.locator('.unknown-kpi');
      await note.waitFor();
      expect(await note.textContent()).toContain(`Okänt nyckeltal: ”${name}” finns inte i data`);
      expect(await page.locator('svg[data-chart-id]').count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: '.cache/e2e/ranking-unknown-kpi.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
