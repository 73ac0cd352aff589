/**
 * The full-data half of the bench (issue 12): the site built on all 2,008 KPIs (kolada-full), its build
 * time and size, what a kommun page fetches for its default panels, and a KPI picked in search.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { BENCH_CACHE, ESBUILD_NAME_SHIM, KOMMUN, makeBaseline, warmServer } from './site.ts';
import { coldLoad } from './cold-load.ts';
import { compareLayouts, prepareLayouts } from './layouts.ts';
import { serveStatic } from '../scripts/site/static-server.ts';
import { prepareSiteData } from '../scripts/site/prepare-site-data.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { PIECES_INDEX, PIECES_DIR, type PieceIndex } from '../src/data/value-pieces.ts';
import { distribution, type Distribution } from './stats.ts';
import { requestKpis } from '../src/core/value-pieces.ts';
import { koladaFullDir } from '../tests/support/kolada-dir.ts';
import { benchQueryRequests, benchSequence, interactions, type InteractionResult } from './interaction.ts';
import type { SiteMeta } from '../src/data/site-meta.ts';

/** The full Kolada directory beside the repo (KOLADA_FULL_DIR overrides); null when absent. */
export const fullDataDir = koladaFullDir;

export function buildFull(dataDir: string, log: (s: string) => void): { dist: string; buildMs: number | null } {
  const dist = join(BENCH_CACHE, 'dist-full');
  if (process.env.BENCH_REUSE_BUILD && existsSync(join(dist, 'index.html'))) {
    log(`Reusing build in ${dist}`);
    return { dist, buildMs: null };
  }
  const t0 = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dist], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: 'inherit',
  });
  return { dist, buildMs: Date.now() - t0 };
}

/** Bytes and files under a directory (what a host stores). */
export function directorySize(dir: string): { bytes: number; files: number } {
  let bytes = 0,
    files = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    bytes += statSync(join(f.parentPath, f.name)).size;
    files++;
  }
  return { bytes, files };
}

/** The queries a prerendered page answered from its snapshot: the default panels' questions. */
export function snapshotQueries(dist: string, page = `kommun/${KOMMUN}/`): { name: string; request: unknown }[] {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="jamfor-boot">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const snapshot = (JSON.parse(json ?? '{}') as { snapshot?: Record<string, unknown> }).snapshot ?? {};
  return Object.keys(snapshot).map((key) => {
    const i = key.indexOf(':');
    return { name: key.slice(0, i), request: JSON.parse(key.slice(i + 1)) };
  });
}

export function defaultPanelKpis(dist: string): string[] {
  return [...new Set(snapshotQueries(dist).flatMap((q) => requestKpis(q.request)))];
}

export interface DefaultPanelBytes {
  /** transfer bytes of everything the page fetched except the DuckDB wasm, once its default panels' data was in the engine */
  totalBytes: number;
  byKind: Record<string, number>;
  pieces: number;
  /** from navigation start until every default panel's question was answered by the engine */
  answeredMs: number;
}

/** Cold kommun page; once the engine is up, its default panels' questions run uncached (as a first change would). */
export async function defaultPanelBytes(
  browser: Browser,
  base: string,
  queries: { name: string; request: unknown }[],
): Promise<DefaultPanelBytes> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
  try {
    await context.addInitScript(ESBUILD_NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${base}kommun/${KOMMUN}/`);
    return await page.evaluate(async (qs) => {
      type C = { database(): Promise<unknown>; clear(): void; run(n: string, r: unknown): Promise<unknown> };
      const g = globalThis as unknown as { __jamfor?: { coordinator: C } };
      while (!g.__jamfor) await new Promise((r) => setTimeout(r, 5));
      const c = g.__jamfor.coordinator;
      await c.database();
      c.clear();
      await Promise.all(qs.map((q) => c.run(q.name, q.request)));
      const answeredMs = performance.now();
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      const byKind: Record<string, number> = {};
      let pieces = 0;
      for (const e of entries) {
        const path = new URL(e.name).pathname;
        if (path.endsWith('.wasm')) continue;
        const kind = path.includes('/data/values/')
          ? 'value pieces'
          : path.endsWith('/data/pieces.json')
            ? 'pieces.json'
            : path.endsWith('/data/meta.json')
              ? 'meta.json'
              : /\.js$/.test(path)
                ? 'JavaScript'
                : /\.css$/.test(path)
                  ? 'CSS'
                  : /\.woff2?$/.test(path)
                    ? 'fonts'
                    : e.entryType === 'navigation'
                      ? 'HTML'
                      : 'other';
        if (kind === 'value pieces') pieces++;
        byKind[kind] = (byKind[kind] ?? 0) + e.transferSize;
      }
      return { totalBytes: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, pieces, answeredMs };
    }, queries);
  } finally {
    await context.close();
  }
}

/**
 * A KPI picked in the search with the engine warm: from the pick (the view gains the KPI, as
 * KpiSearch does) until its chart is in the DOM and its panel is no longer busy; fetch included.
 */
export async function searchPick(
  browser: Browser,
  base: string,
  kpis: string[],
  log: (s: string) => void,
): Promise<Distribution & { samples: number[] }> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(ESBUILD_NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${base}kommun/${KOMMUN}/`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'ready',
      null,
      { timeout: 120_000 },
    );
    const samples: number[] = [];
    for (const kpi of kpis) {
      const ms = await page.evaluate(async (id) => {
        type R = { navigate(route: unknown, view: unknown): void };
        const g = globalThis as unknown as { __jamfor: { router: R } };
        const done = new Promise<number>((resolve) => {
          const check = () => {
            const panel = document.getElementById(`panel-extra-${id}`);
            if (
              panel &&
              panel.getAttribute('aria-busy') !== 'true' &&
              (panel.querySelector('svg[data-chart-id]') || panel.querySelector('.empty, .error'))
            ) {
              mo.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            }
          };
          const mo = new MutationObserver(check);
          mo.observe(document.getElementById('app')!, { subtree: true, childList: true, attributes: true });
        });
        const t0 = performance.now();
        g.__jamfor.router.navigate({ page: 'kommun', id: '1286' }, { extra: [id] });
        return (await Promise.race([done, new Promise<number>((r) => setTimeout(() => r(NaN), 20_000))])) - t0;
      }, kpi);
      samples.push(ms);
    }
    log(`  search pick: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    return { ...distribution(samples.filter(Number.isFinite)), samples };
  } finally {
    await context.close();
  }
}

export interface FullDataResult {
  dataDir: string;
  buildMs: number | null;
  dist: { bytes: number; files: number };
  pieces: { files: number; bytes: number; largestBytes: number };
  metaJsonBytes: number;
  cold: import('./cold-load.ts').ColdSummary;
  defaultPanels: DefaultPanelBytes & { kpis: string[] };
  searchPick: Distribution & { samples: number[]; kpis: string[] };
  layouts: import('./layouts.ts').LayoutResult[];
  /** the 97-KPI run's change sequence on this build (BENCH_FULL_ROUNDS rounds of five changes) */
  interactions:
    (Omit<InteractionResult, 'steps'> & { steps: number; slowest: (InteractionResult['steps'][number] & { at: number })[] }) | null;
}

/** The same measurements on the site built on all of Kolada, plus the comparison of value layouts. */
export async function fullDataPart(
  log: (s: string) => void,
  env: (k: string, d: string) => string = (k, d) => process.env[k] || d,
): Promise<FullDataResult | null> {
  const dataDir = fullDataDir();
  if (!dataDir) {
    log('No kolada-full directory beside the repo (KOLADA_FULL_DIR): skipping the full-data part');
    return null;
  }
  log(`Building the site on all of Kolada (${dataDir})`);
  const { dist, buildMs } = buildFull(dataDir, log);
  rmSync(join(dist, 'bench-layouts'), { recursive: true, force: true });
  const distSize = directorySize(dist);
  const index = JSON.parse(readFileSync(join(dist, 'data', PIECES_INDEX), 'utf8')) as PieceIndex;
  const entries = Object.entries(index.pieces);
  const kpis = defaultPanelKpis(dist);
  const piecesOf = (ids: string[]) => ids.filter((k) => index.pieces[k]).map((k) => `data/${PIECES_DIR}/${index.pieces[k][0]}`);
  // Search picks and the ranking: KPIs outside the default panels, chosen evenly through the sorted index.
  const others = entries.map(([k]) => k).filter((k) => !kpis.includes(k));
  const picks = Array.from(
    { length: Number(env('BENCH_SEARCH_PICKS', '20')) },
    (_, i) => others[Math.floor(((i + 0.5) * others.length) / Number(env('BENCH_SEARCH_PICKS', '20')))],
  );
  const rankingKpi = entries.filter(([k]) => !kpis.includes(k)).sort((a, b) => b[1][2] - a[1][2])[0][0];
  const site = await serveStatic(dist, { compress: true });
  const baseline = await serveStatic(makeBaseline(dist, 'dist-full-baseline'), { compress: true });
  await warmServer(site.url, dist, piecesOf([...kpis, ...picks]));
  await warmServer(baseline.url, dist, piecesOf(kpis));
  const browser = await launchChromium();
  try {
    log('  cold load on the full data');
    const cold = await coldLoad(browser, site.url, baseline.url, Number(env('BENCH_FULL_COLD_RUNS', '3')), log);
    log('  default panels');
    const defaultPanels = { ...(await defaultPanelBytes(browser, site.url, snapshotQueries(dist))), kpis };
    log(
      `  default panels: ${(defaultPanels.totalBytes / 1000).toFixed(0)} kB beyond the wasm (${Object.entries(defaultPanels.byKind)
        .map(([k, b]) => `${k} ${(b / 1000).toFixed(0)} kB`)
        .join(', ')})`,
    );
    log('  KPI picked in search');
    const pick = { ...(await searchPick(browser, site.url, picks, log)), kpis: picks };
    const rounds = Number(env('BENCH_FULL_ROUNDS', '20'));
    log('  interaction latency on the full data');
    const meta = JSON.parse(readFileSync(join(dist, 'data/meta.json'), 'utf8')) as SiteMeta;
    const measured =
      rounds > 0 ? await interactions(browser, site.url, benchSequence(meta, rounds), benchQueryRequests(meta).slice(0, 5), log) : null;
    // the five slowest changes with their place in the sequence (0 = the first, right after the engine is ready)
    const slowest = measured ? [...measured.steps.map((x, at) => ({ ...x, at }))].sort((a, b) => b.domMs - a.domMs).slice(0, 5) : [];
    const fullInteractions = measured && { ...measured, steps: measured.steps.length, slowest };
    log('  value layouts');
    const scenarios = [
      { id: 'kommun page default panels', label: 'default panels', kpis },
      { id: 'KPI picked in search', label: 'search', kpis: [picks[0]] },
      { id: 'ranking', label: 'ranking', kpis: [rankingKpi] },
    ];
    // the build's own site database (a cache hit: same inputs), which holds the values the pieces were cut from
    const { database } = await prepareSiteData(dataDir);
    await prepareLayouts(dist, database, scenarios, log);
    const layouts = await compareLayouts(browser, dist, 'om-data/', scenarios, Number(env('BENCH_LAYOUT_RUNS', '3')), log);
    const sizes = entries.map(([, e]) => e[1]);
    return {
      dataDir,
      buildMs,
      dist: distSize,
      metaJsonBytes: readFileSync(join(dist, 'data/meta.json')).byteLength,
      pieces: { files: entries.length, bytes: sizes.reduce((a, b) => a + b, 0), largestBytes: Math.max(...sizes) },
      cold,
      defaultPanels,
      searchPick: pick,
      layouts,
      interactions: fullInteractions,
    };
  } finally {
    await browser.close();
    await site.close();
    await baseline.close();
  }
}
