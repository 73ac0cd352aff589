import { basename, dirname } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { openNodeDatabase } from '../src/engine/node-database.ts';
import { createValuesTableSql } from '../src/data/schema.ts';
import { distribution, median, type Distribution } from './stats.ts';
import { heapPeak, rendererPeakRss, DUCKDB_MEMORY_SQL } from './memory.ts';
import { ESBUILD_NAME_SHIM } from './site.ts';
import { SYNTHETIC, syntheticKpi, ROWS_PER_KPI } from './generate-csv.ts';

export interface NativeIngest {
  rows: number;
  /** median of runs */
  ms: number;
  runs: number[];
  rowsPerSec: number;
}

/** Native DuckDB, one thread, the same CREATE TABLE … read_csv the browser engine runs; median of `repeats` loads. */
export async function nativeIngest(file: string, repeats = 1): Promise<NativeIngest> {
  const db = await openNodeDatabase({ threads: 1, searchPath: [dirname(file)] });
  try {
    await db.exec('SET threads = 1');
    const runs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      await db.exec(createValuesTableSql(basename(file)));
      runs.push(performance.now() - t0);
    }
    const ms = median(runs);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM kpi_values');
    return { rows: n, ms, rowsPerSec: n / (ms / 1000), runs };
  } finally {
    await db.close();
  }
}

export interface WasmIngest {
  rows: number | null;
  fetchMs: number | null;
  /** registerFile (once) + CREATE TABLE AS SELECT … read_csv through the app's Database; median of runs */
  ms: number | null;
  runs: number[] | null;
  rowsPerSec: number | null;
  duckdbMemoryBytes: number | null;
  databaseSize: Record<string, unknown> | null;
  peakJsHeapBytes: number | null;
  rendererPeakRssBytes: number | null;
  query: Distribution | null;
  error: string | null;
}

/** The panelSeries questions asked against the loaded table: distinct kommuner, KPIs and peer sets. */
export function syntheticRequests(rows: number, count: number) {
  const kpis = Math.max(1, Math.floor(rows / ROWS_PER_KPI));
  const ms = SYNTHETIC.municipalities.slice(1);
  return Array.from({ length: count }, (_, i) => ({
    kpi: syntheticKpi((i * 7) % kpis),
    municipalityId: ms[(i * 13) % ms.length],
    members: Array.from({ length: 8 }, (_, j) => ms[(i * 13 + 1 + j * 17) % ms.length]),
    gender: 'T',
    higherIsBetter: i % 2 === 0,
  }));
}

/** A wasm ingest with nothing measured (yet), or skipped with `error` saying why. */
export function emptyWasmIngest(error: string | null): WasmIngest {
  return {
    rows: null,
    fetchMs: null,
    ms: null,
    runs: null,
    rowsPerSec: null,
    duckdbMemoryBytes: null,
    databaseSize: null,
    peakJsHeapBytes: null,
    rendererPeakRssBytes: null,
    query: null,
    error,
  };
}

/**
 * Loads the CSV at `csvPath` (relative to the site) into DuckDB-wasm in a fresh Chromium, through the
 * app's own Database (coordinator.database()), replacing kpi_values; then times app panelSeries queries on it.
 */
export async function wasmIngest(
  siteUrl: string,
  csvPath: string,
  rows: number,
  queries: number,
  timeoutMs: number,
  repeats = 1,
): Promise<WasmIngest> {
  const browser: Browser = await launchChromium();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let heap: { stop(): Promise<{ peakJsHeapBytes: number }> } | undefined;
  const out = emptyWasmIngest(null);
  try {
    const context = await browser.newContext({ locale: 'sv-SE' });
    await context.addInitScript(ESBUILD_NAME_SHIM);
    const page = await context.newPage();
    // Egna data, where a visitor imports a file (the engine starts there after the first paint)
    await page.goto(`${siteUrl}egna-data/`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'ready',
      null,
      { timeout: 120_000 },
    );
    heap = await heapPeak(page);
    const job = page.evaluate(
      async ({ csvUrl, createSql, memorySql, requests, repeats }) => {
        type Db = {
          query(s: string): Promise<Record<string, unknown>[]>;
          exec(s: string): Promise<void>;
          registerFile(n: string, b: Uint8Array): Promise<void>;
        };
        type C = { database(): Promise<Db>; run(n: string, r: unknown): Promise<unknown[]>; clear(): void };
        const c = (globalThis as unknown as { __jamfor: { coordinator: C } }).__jamfor.coordinator;
        const db = await c.database();
        const f0 = performance.now();
        const res = await fetch(csvUrl);
        if (!res.ok) throw new Error(`${csvUrl}: ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const t0 = performance.now();
        // registered once (a copy per run would hold several files in wasm memory at 10 M rows);
        // each run is that registration + one CREATE TABLE, so the median includes it as a load would
        await db.registerFile('bench.csv', bytes);
        const registerMs = performance.now() - t0;
        const runs: number[] = [];
        for (let i = 0; i < repeats; i++) {
          const r0 = performance.now();
          await db.exec(createSql);
          runs.push(registerMs + performance.now() - r0);
        }
        // the values are not the site's any more: the page must not answer from its own pieces (as after an import)
        c.clear();
        const [{ n }] = await db.query('SELECT count(*) AS n FROM kpi_values');
        const [{ bytes: mem }] = await db.query(memorySql);
        const size = (await db.query('PRAGMA database_size'))[0] ?? null;
        const times: number[] = [];
        for (const r of requests) {
          const q0 = performance.now();
          const res = await c.run('panelSeries', r);
          times.push(performance.now() - q0);
          if (!res.length) throw new Error(`no rows for ${JSON.stringify(r)}`);
        }
        return { rows: Number(n), fetchMs: t0 - f0, runs, mem: Number(mem), size, times };
      },
      {
        csvUrl: new URL(csvPath, siteUrl).href,
        createSql: createValuesTableSql('bench.csv'),
        memorySql: DUCKDB_MEMORY_SQL,
        requests: syntheticRequests(rows, queries),
        repeats,
      },
    );
    const r = await Promise.race([
      job,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs))),
    ]);
    out.peakJsHeapBytes = (await heap.stop()).peakJsHeapBytes;
    heap = undefined;
    const ms = median(r.runs);
    Object.assign(out, {
      rows: r.rows,
      fetchMs: r.fetchMs,
      ms,
      runs: r.runs,
      rowsPerSec: r.rows / (ms / 1000),
      duckdbMemoryBytes: r.mem,
      databaseSize: jsonSafe(r.size),
      query: distribution(r.times),
    });
  } catch (e) {
    out.error = (e as Error).message.split('\n')[0];
  } finally {
    // Timers left running would keep `npm run bench` from exiting.
    clearTimeout(timer);
    await heap?.stop().catch(() => {});
    out.rendererPeakRssBytes = await rendererPeakRss(browser);
    await browser.close().catch(() => {});
  }
  return out;
}

function jsonSafe(x: unknown): Record<string, unknown> | null {
  return x ? (JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? Number(v) : v))) as Record<string, unknown>) : null;
}
