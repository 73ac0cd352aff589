import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, waitForEngine, engineQuery } from '../support/browser.ts';

/**
 * Big imports through the page (the fast path, sql-long-csv.ts): a generated 1,000,000-row long CSV
 * with semicolons and decimal commas, a big file with a few bad rows, and an import that runs out of
 * memory – while the page keeps painting.
 */
const site = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dir: string;
let municipalities: string[];

const ROWS = 1_000_000;
const GENDERS = ['T', 'K', 'M'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jamfor-big-'));
  browser = await launchChromium();
  ({ page, context, errors } = await openPage(browser));
  await page.goto(`${site}egna-data/`);
  await waitForEngine(page, 120_000);
  const meta = await page.evaluate(async () => (await fetch(new URL('../data/meta.json', location.href))).json());
  municipalities = (meta.municipalities as { id: string; type: string }[]).filter((m) => m.type === 'K').map((m) => m.id);
}, 180_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Row i of the generated file: every (kommun, kön, månad) once, synthetic values. */
function bigRow(i: number): { m: string; g: string; p: string; v: number } {
  const m = municipalities[i % municipalities.length];
  const rest = Math.floor(i / municipalities.length);
  const g = GENDERS[rest % 3];
  const month = Math.floor(rest / 3);
  const p = `${1950 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  return { m, g, p, v: ((i * 7919) % 1_000_003) / 100 };
}

function writeCsv(name: string, header: string, lines: Iterable<string>): string {
  const path = join(dir, name);
  const parts: string[] = [header];
  for (const l of lines) parts.push(l);
  writeFileSync(path, parts.join('\n') + '\n');
  return path;
}

type Row = Record<string, unknown>;
const sql = (q: string): Promise<Row[]> => engineQuery(page, q);

/** Starts counting the longest gap between animation frames. */
async function watchFrames() {
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __frames: number; __watch: boolean };
    w.__maxGap = 0;
    w.__frames = 0;
    w.__watch = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__maxGap = Math.max(w.__maxGap, t - last);
      w.__frames++;
      last = t;
      if (w.__watch) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const stopFrames = () =>
  page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __frames: number; __watch: boolean };
    w.__watch = false;
    return { maxGap: w.__maxGap, frames: w.__frames };
  });

const facts = async () => ({
  accepted: Number((await page.textContent('.facts div:nth-child(5) dd'))!.replace(/\D/g, '')),
  rejected: Number((await page.textContent('.facts div:nth-child(6) dd'))!.replace(/\D/g, '')),
  fast: (await page.$('.facts .fast-path')) !== null,
});

describe('big imports on the Egna data page', () => {
  it('imports a 1,000,000-row Swedish long CSV through DuckDB while the page keeps painting', async () => {
    const path = writeCsv(
      'stor-fil.csv',
      'nyckeltal;kommun;period;kön;värde',
      (function* () {
        for (let i = 0; i < ROWS; i++) {
          const r = bigRow(i);
          yield `EGEN_BIG;${r.m};${r.p};${r.g};${String(r.v).replace('.', ',')}`;
        }
      })(),
    );
    await watchFrames();
    const started = Date.now();
    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.egna-data progress', { timeout: 30_000 });
    await page.waitForSelector('.import-preview', { timeout: 600_000 });
    const staged = Date.now();
    const f = await facts();
    expect(f).toEqual({ accepted: ROWS, rejected: 0, fast: true });
    expect(await page.textContent('.import-preview .facts')).toMatch(/semikolon.*komma/s);
    await page.fill('.kpi-choices tbody tr:first-child td:nth-child(5) input', 'Stort egenimporterat nyckeltal');
    await page.click('.import-preview .actions button:first-child');
    await page.waitForSelector('.egna-data .ok-note, .egna-data [role=alert]', { timeout: 600_000 });
    const done = Date.now();
    const frames = await stopFrames();
    const text = await page.textContent('.egna-data .ok-note, .egna-data [role=alert]');
    expect(text).toMatch(/1\s000\s000 rader lades till/);
    console.log(
      `1M rows: preview after ${((staged - started) / 1000).toFixed(1)} s, added after ${((done - started) / 1000).toFixed(1)} s; ${frames.frames} frames, longest gap ${frames.maxGap.toFixed(0)} ms`,
    );
    // The work runs off the page: frames keep coming. The bound is what tells "off the page" from
    // "on it", not a speed goal: one synchronous pass over this file on the page (decode and split
    // only) stalls it 1.6 s here, while contention on the two shared cores alone has reached 670 ms.
    expect(frames.frames).toBeGreaterThan(10);
    expect(frames.maxGap).toBeLessThan(1_000);

    const [{ n }] = await sql(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'EGEN_BIG'`);
    expect(Number(n)).toBe(ROWS);
    for (const i of [0, 1, 289, 123_457, 500_000, 777_777, ROWS - 1]) {
      const r = bigRow(i);
      const got = await sql(
        `SELECT value FROM kpi_values WHERE kpi = 'EGEN_BIG' AND municipality_id = '${r.m}' AND period = '${r.p}' AND gender = '${r.g}'`,
      );
      expect(got, String(i)).toEqual([{ value: r.v }]);
    }
    // kept for reloads: the stored CSV has every row
    const stored = await page.evaluate(async () => {
      const j = (globalThis as unknown as { __jamfor: { userData: { sets: { fileName: string; rowCount: number }[] } } }).__jamfor;
      return j.userData.sets.map((s) => [s.fileName, s.rowCount]);
    });
    expect(stored).toEqual([['stor-fil.csv', ROWS]]);
    expect(errors).toEqual([]);
  }, 900_000);

  it('shows the right lines and reasons for bad rows in a big file', async () => {
    const bad = new Map<number, [string, RegExp]>([
      [1_001, ['EGEN_FEL;9999;2023-01;T;1,5', /^Okänd kommunkod ”9999”\.$/]],
      [20_002, ['EGEN_FEL;0180;2023-13;T;1,5', /^Kan inte tolka ”2023-13” som en period/]],
      [50_003, ['EGEN_FEL;0180;2023-01;X;1,5', /^Okänt kön ”X”/]],
      [70_004, ['EGEN_FEL;0180;2023-01;T;12,3,4', /^Kan inte tolka ”12,3,4” som ett tal\.$/]],
    ]);
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = bigRow(i);
      lines.push(`EGEN_FEL;${r.m};${r.p};${r.g};${String(r.v).replace('.', ',')}`);
    }
    // line L of the file is lines[L - 2]
    for (const [line, [text]] of bad) lines[line - 2] = text;
    const dupOf = bigRow(10);
    lines[90_000 - 2] = `EGEN_FEL;${dupOf.m};${dupOf.p};${dupOf.g};999`;
    const path = writeCsv('med-fel.csv', 'nyckeltal;kommun;period;kön;värde', lines);
    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.import-preview table.rejected', { timeout: 300_000 });
    expect(await facts()).toEqual({ accepted: 100_000 - 4 - 2, rejected: 6, fast: true });
    const shown = await page.$$eval('table.rejected tbody tr', (trs) =>
      trs.map((t) => [Number(t.querySelector('th')!.textContent), t.querySelector('td')!.textContent!]),
    );
    expect(shown.map(([l]) => l)).toEqual([12, 1_001, 20_002, 50_003, 70_004, 90_000]);
    for (const [line, reason] of shown) {
      if (bad.has(line as number)) expect(reason).toMatch(bad.get(line as number)![1]);
    }
    expect(shown[0][1]).toBe(
      `Dubblett: EGEN_FEL / ${dupOf.m} / ${dupOf.p} / ${dupOf.g} förekommer med olika värden (rad 12, 90000); ingen av raderna används.`,
    );
    await page.click('.import-preview .actions button:nth-child(2)');
    expect(await page.textContent('.egna-data .ok-note')).toContain('Inget har lagts till');
    expect(await sql(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'import_%'`)).toEqual([{ n: 0 }]);
  }, 600_000);

  it('reports running out of memory in Swedish and keeps the earlier data', async () => {
    const before = await sql(
      `SELECT set_id, count(*) AS n, sum(round(value * 100))::BIGINT AS s FROM user_values GROUP BY set_id ORDER BY set_id`,
    );
    expect(before.length).toBe(1);
    // A memory limit the staging tables cannot fit in (DuckDB-wasm cannot spill to disk).
    const [{ usage }] = await sql(`SELECT memory_usage AS usage FROM pragma_database_size()`);
    const [, amount, unit] = /([\d.]+)\s*(\w+)/.exec(String(usage))!;
    const usedMb = Number(amount) * ({ KiB: 1 / 1024, MiB: 1, GiB: 1024, bytes: 1 / 1024 / 1024 } as Record<string, number>)[unit];
    expect(usedMb).toBeGreaterThan(10);
    await sql(`SET memory_limit = '${Math.ceil(usedMb) + 20}MiB'`);
    const path = writeCsv(
      'for-stor.csv',
      'nyckeltal;kommun;period;kön;värde',
      (function* () {
        for (let i = 0; i < 600_000; i++) {
          const r = bigRow(i);
          yield `EGEN_MINNE;${r.m};${r.p};${r.g};${String(r.v).replace('.', ',')}`;
        }
      })(),
    );
    await page.setInputFiles('.egna-data input[type=file]', path);
    await page.waitForSelector('.egna-data > [role=alert], .import-preview', { timeout: 300_000 });
    const alert = await page.textContent('.egna-data > [role=alert]');
    expect(alert).toMatch(/^Filen är för stor för webbläsarens minne\. Inget har lagts till och tidigare inlästa data finns kvar\./);
    // the engine was dropped; the next query starts a new one (default memory limit) and restores the earlier set
    expect(
      await sql(`SELECT set_id, count(*) AS n, sum(round(value * 100))::BIGINT AS s FROM user_values GROUP BY set_id ORDER BY set_id`),
    ).toEqual(before);
    expect(Number((await sql(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'EGEN_BIG'`))[0].n)).toBe(ROWS);
    expect(Number((await sql(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'EGEN_MINNE'`))[0].n)).toBe(0);
  }, 900_000);
});
