/**
 * The value layouts compared for lazy loading (issue 12), on the full data: per-KPI Arrow IPC pieces
 * (what the site ships: insertArrowFromIPCStream into a table of its own, then INSERT … SELECT, as
 * src/core/value-pieces.ts does), per-KPI CSV pieces (registerFileBuffer + INSERT … read_csv, what the
 * site shipped before) and one DuckDB database file read over HTTP range requests (registerFileURL +
 * ATTACH … READ_ONLY). For each scenario – the kommun page's default panels, one KPI picked in search,
 * a ranking – a fresh page with a started engine loads the scenario's KPIs into a table; bytes are
 * counted at the server, time in the page.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { openNodeDatabase } from '../src/engine/node-database.ts';
import { sqlString } from '../src/engine/database.ts';
import { PIECE_COLUMNS, PIECES_INDEX, type PieceIndex } from '../src/data/value-pieces.ts';
import { median } from './stats.ts';
import { ESBUILD_NAME_SHIM } from './site.ts';

export type Layout = 'arrow' | 'csv' | 'duckdb';
export const LAYOUTS: Layout[] = ['arrow', 'csv', 'duckdb'];
export interface Scenario {
  id: string;
  label: string;
  kpis: string[];
}
export interface LayoutResult {
  layout: Layout;
  scenario: string;
  kpis: number;
  rows: number;
  bytes: number;
  requests: number;
  ms: number;
}

const DIR = 'bench-layouts';

/**
 * Writes the CSV pieces for the scenarios' KPIs and the one DuckDB file (all values) into
 * dist/bench-layouts/, both from the build's site database (`siteDatabase`, the values the pieces hold).
 */
export async function prepareLayouts(dist: string, siteDatabase: string, scenarios: Scenario[], log: (s: string) => void): Promise<void> {
  const out = join(dist, DIR);
  mkdirSync(join(out, 'csv'), { recursive: true });
  const db = await openNodeDatabase({ threads: 2 });
  try {
    await db.exec(`ATTACH ${sqlString(siteDatabase)} AS site (READ_ONLY)`);
    for (const kpi of new Set(scenarios.flatMap((s) => s.kpis))) {
      const file = join(out, 'csv', `${kpi}.csv`);
      if (existsSync(file)) continue;
      await db.exec(`COPY (SELECT ${PIECE_COLUMNS.join(', ')} FROM site.kpi_values WHERE kpi = ${sqlString(kpi)}
          ORDER BY municipality_id, period, gender) TO ${sqlString(file)} (FORMAT csv, HEADER, DELIMITER ',')`);
    }
    const file = join(out, 'values.duckdb');
    if (!existsSync(file)) {
      log('  writing the DuckDB-file layout (all values, sorted by KPI)');
      await db.exec(`ATTACH ${sqlString(file)} AS f (STORAGE_VERSION 'v1.2.0');
        CREATE TABLE f.kpi_values AS SELECT kpi, ${PIECE_COLUMNS.join(', ')} FROM site.kpi_values
        ORDER BY kpi, gender, municipality_id, period;
        DETACH f`);
    }
  } finally {
    await db.close();
  }
}

/** A static server for the comparison: gzip for text and Arrow (as a host would), byte ranges for the DuckDB file; counts bytes per run tag. */
export async function layoutServer(
  dist: string,
): Promise<{ url: string; bytes: Map<string, { bytes: number; requests: number }>; close(): Promise<void> }> {
  const bytes = new Map<string, { bytes: number; requests: number }>();
  const gz = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const tag = url.searchParams.get('run');
    let path = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end();
    const count = (n: number) => {
      if (!tag) return;
      const b = bytes.get(tag) ?? { bytes: 0, requests: 0 };
      b.bytes += n;
      b.requests++;
      bytes.set(tag, b);
    };
    const type =
      {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.css': 'text/css',
        '.json': 'application/json',
        '.wasm': 'application/wasm',
        '.csv': 'text/csv',
        '.arrow': 'application/vnd.apache.arrow.stream',
      }[extname(path)] ?? 'application/octet-stream';
    const size = statSync(path).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (extname(path) === '.duckdb') {
      const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
      if (req.method === 'HEAD') return void res.writeHead(200, { ...headers, 'content-length': size }).end();
      const start = range ? Number(range[1]) : 0;
      const end = range && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      count(end - start + 1 + 200);
      res.writeHead(range ? 206 : 200, {
        ...headers,
        'content-length': end - start + 1,
        ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
      });
      return void createReadStream(path, { start, end }).pipe(res);
    }
    if (/gzip/.test(String(req.headers['accept-encoding'])) && /\.(html|js|css|json|csv|arrow|wasm)$/.test(path)) {
      let body = gz.get(path);
      if (!body) gz.set(path, (body = gzipSync(readFileSync(path), { level: 6 })));
      count(body.length + 200);
      return void res
        .writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-cache' })
        .end(body);
    }
    count(size + 200);
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    bytes,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** In the page: loads the KPIs in one layout into a fresh table and returns the rows loaded and the time. */
const LOAD = async (a: {
  root: string;
  layout: Layout;
  kpis: string[];
  index: PieceIndex['pieces'];
  tag: string;
  table: string;
}): Promise<{ rows: number; ms: number }> => {
  type Duck = {
    registerFileBuffer(n: string, b: Uint8Array): Promise<void>;
    registerFileURL(n: string, u: string, p: number, d: boolean): Promise<void>;
    connect(): Promise<{
      query(s: string): Promise<{ toArray(): { toJSON(): Record<string, unknown> }[] }>;
      insertArrowFromIPCStream(b: Uint8Array, o: { name: string; create: boolean }): Promise<void>;
      close(): Promise<void>;
    }>;
  };
  const g = globalThis as unknown as { __jamfor?: { coordinator: { database(): Promise<{ duckdb: Duck }> } } };
  while (!g.__jamfor) await new Promise((r) => setTimeout(r, 10));
  const j = g.__jamfor;
  const duck = (await j.coordinator.database()).duckdb;
  const conn = await duck.connect();
  const root = new URL(a.root);
  const data = new URL('data/', root);
  const kpis = a.kpis.filter((k) => a.index[k]);
  const t0 = performance.now();
  const schema = `(kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR)`;
  await conn.query(`CREATE TABLE ${a.table} ${schema}`);
  if (a.layout === 'csv') {
    const bodies = await Promise.all(
      kpis.map(async (k) => new Uint8Array(await (await fetch(new URL(`bench-layouts/csv/${k}.csv?run=${a.tag}`, root))).arrayBuffer())),
    );
    for (let i = 0; i < kpis.length; i++) {
      const name = `${a.tag}-${i}.csv`;
      await duck.registerFileBuffer(name, bodies[i]);
      await conn.query(
        `INSERT INTO ${a.table} SELECT '${kpis[i]}', municipality_id, period, gender, value, status FROM read_csv('${name}', header = true, auto_detect = false, columns = {'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`,
      );
    }
  } else if (a.layout === 'arrow') {
    const bodies = await Promise.all(
      kpis.map(async (k) => new Uint8Array(await (await fetch(new URL(`values/${a.index[k][0]}?run=${a.tag}`, data))).arrayBuffer())),
    );
    for (let i = 0; i < kpis.length; i++) {
      await conn.insertArrowFromIPCStream(bodies[i], { name: `${a.table}_${i}`, create: true });
      await conn.query(`INSERT INTO ${a.table} SELECT '${kpis[i]}', * FROM ${a.table}_${i}`);
    }
  } else {
    await duck.registerFileURL(`${a.tag}.duckdb`, new URL(`bench-layouts/values.duckdb?run=${a.tag}`, root).href, 4, false);
    await conn.query(`ATTACH '${a.tag}.duckdb' AS ${a.table}_f (READ_ONLY)`);
    await conn.query(`INSERT INTO ${a.table} SELECT * FROM ${a.table}_f.kpi_values WHERE kpi IN (${kpis.map((k) => `'${k}'`).join(', ')})`);
  }
  const ms = performance.now() - t0;
  const rows = Number((await conn.query(`SELECT count(*) AS n FROM ${a.table}`)).toArray()[0].toJSON().n);
  await conn.close();
  return { rows, ms };
};

/** Each layout × scenario, `runs` times in a fresh page (empty HTTP cache) with the engine started; medians. */
export async function compareLayouts(
  browser: Browser,
  dist: string,
  page: string,
  scenarios: Scenario[],
  runs: number,
  log: (s: string) => void,
): Promise<LayoutResult[]> {
  const index = (JSON.parse(readFileSync(join(dist, 'data', PIECES_INDEX), 'utf8')) as PieceIndex).pieces;
  const server = await layoutServer(dist);
  const out: LayoutResult[] = [];
  try {
    for (const scenario of scenarios) {
      const subset = Object.fromEntries(scenario.kpis.filter((k) => index[k]).map((k) => [k, index[k]]));
      for (const layout of LAYOUTS) {
        const samples: { rows: number; ms: number; bytes: number; requests: number }[] = [];
        for (let run = 0; run < runs; run++) {
          const context = await browser.newContext();
          try {
            await context.addInitScript(ESBUILD_NAME_SHIM);
            const p = await context.newPage();
            await p.goto(server.url + page);
            const tag = `${layout}-${scenario.id}-${run}`;
            const r = await p.evaluate(LOAD, {
              root: server.url,
              layout,
              kpis: scenario.kpis,
              index: subset,
              tag,
              table: `t_${layout}_${run}`,
            });
            const b = server.bytes.get(tag) ?? { bytes: 0, requests: 0 };
            samples.push({ ...r, ...b });
          } finally {
            await context.close();
          }
        }
        const res: LayoutResult = {
          layout,
          scenario: scenario.id,
          kpis: Object.keys(subset).length,
          rows: samples[0].rows,
          bytes: median(samples.map((s) => s.bytes)),
          requests: median(samples.map((s) => s.requests)),
          ms: median(samples.map((s) => s.ms)),
        };
        if (samples.some((s) => s.rows !== res.rows))
          throw new Error(`layout ${layout} loaded different row counts: ${samples.map((s) => s.rows)}`);
        out.push(res);
        log(
          `  ${scenario.id} ${layout}: ${res.rows} rows, ${(res.bytes / 1000).toFixed(0)} kB in ${res.requests} requests, ${res.ms.toFixed(0)} ms`,
        );
      }
      const rows = new Set(out.filter((r) => r.scenario === scenario.id).map((r) => r.rows));
      if (rows.size !== 1) throw new Error(`layouts disagree on the rows of ${scenario.id}: ${[...rows]}`);
    }
  } finally {
    await server.close();
  }
  return out;
}
