import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';
import { KOMMUN } from './site.ts';
import { settleBrowser } from './browser-settle.ts';

export type Encoding = 'gzip' | 'br';

/** What one cold page load measured, in ms from navigation start (performance.now()). */
export interface ColdRun {
  variant: 'prerendered' | 'baseline';
  encoding: Encoding;
  fcpMs: number | null;
  lcpMs: number | null;
  chartInDomMs: number;
  /** first paint that shows the chart: max(FCP, the frame rendered after the chart entered the DOM) */
  firstChartMs: number;
  /** the frame after the chart entered the DOM (can precede FCP while CSS still blocks rendering) */
  chartFrameMs: number;
  resourcesBeforeChart: string[];
  /** bytes on the wire (body + headers) of every response that finished before the first chart */
  bytesBeforeChart: number;
  bodyBytesBeforeChart: number;
  requestsBeforeChart: number;
  /** content-encoding actually used for the HTML document */
  documentEncoding: string | null;
  engineReadyMs?: number;
  interactiveQueryMs?: number;
  wasmResponseEndMs?: number;
  valuesResponseEndMs?: number;
  wasmBytes?: number;
  valuesBytes?: number;
}

/** Installed before any page script: records FCP, LCP and when the first chart is in the DOM and painted. */
const PROBE = `(() => {
  const r = (globalThis.__bench = { fcp: null, lcp: null, chartInDom: null, chartPainted: null });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') r.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => { const es = l.getEntries(); r.lcp = es[es.length - 1].startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  const painted = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { r.chartPainted = performance.now(); };
    ch.port2.postMessage(0);
  });
  const found = () => {
    if (r.chartInDom !== null || !document.querySelector('svg[data-chart-id]')) return;
    r.chartInDom = performance.now();
    painted();
    mo.disconnect();
  };
  const mo = new MutationObserver(found);
  mo.observe(document, { childList: true, subtree: true });
})();`;

export async function coldRun(
  browser: Browser,
  base: string,
  variant: ColdRun['variant'],
  encoding: Encoding,
  interactive: boolean,
): Promise<ColdRun> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
    extraHTTPHeaders: { 'Accept-Encoding': encoding },
  });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await settleBrowser(browser);
    let documentEncoding: string | null = null;
    const finished: { url: string; endEpoch: number; bytes: number }[] = [];
    page.on('requestfinished', async (r) => {
      const t = r.timing();
      const sizes = await r.sizes().catch(() => null);
      finished.push({
        url: r.url(),
        endEpoch: t.startTime + t.responseEnd,
        bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      });
    });
    page.on('response', (r) => {
      if (r.request().resourceType() === 'document') documentEncoding = r.headers()['content-encoding'] ?? null;
    });
    await page.goto(`${base}kommun/${KOMMUN}/`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (globalThis as unknown as { __bench: { chartPainted: number | null } }).__bench.chartPainted !== null,
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(50);
    const probe = await readProbe(page);
    const run: ColdRun = { variant, encoding, documentEncoding, ...probe };
    if (interactive) {
      Object.assign(run, await measureInteractive(page));
      const origin = await page.evaluate(() => performance.timeOrigin);
      const wasm = finished.find((f) => f.url.endsWith('.wasm'));
      if (wasm) Object.assign(run, { wasmResponseEndMs: wasm.endEpoch - origin, wasmBytes: wasm.bytes });
    }
    return run;
  } finally {
    await context.close();
  }
}

async function readProbe(page: Page) {
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: { fcp: number | null; lcp: number | null; chartInDom: number; chartPainted: number } })
      .__bench;
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    const firstChart = Math.max(b.fcp ?? 0, b.chartPainted);
    const before = entries.filter((e) => e.responseEnd > 0 && e.responseEnd <= firstChart);
    return {
      fcpMs: b.fcp,
      lcpMs: b.lcp,
      chartInDomMs: b.chartInDom,
      chartFrameMs: b.chartPainted,
      firstChartMs: firstChart,
      resourcesBeforeChart: before.map((e) => new URL(e.name).pathname.split('/').pop() || 'document'),
      bytesBeforeChart: before.reduce((s, e) => s + e.transferSize, 0),
      bodyBytesBeforeChart: before.reduce((s, e) => s + e.encodedBodySize, 0),
      requestsBeforeChart: before.length,
    };
  });
}

/** Waits for the app's own engine start, then asks DuckDB a ranking question that no snapshot holds. */
async function measureInteractive(page: Page) {
  return page.evaluate(async () => {
    type C = { status: string; onStatus(f: (s: string) => void): () => void; run(n: string, r: unknown): Promise<unknown[]> };
    const g = globalThis as unknown as { __jamfor?: { coordinator: C } };
    while (!g.__jamfor) await new Promise((r) => setTimeout(r, 5));
    const c = g.__jamfor.coordinator;
    await new Promise<void>((ok, fail) => {
      if (c.status === 'ready') return ok();
      c.onStatus((s) => (s === 'ready' ? ok() : s === 'failed' ? fail(new Error('engine failed')) : undefined));
    });
    const engineReadyMs = performance.now();
    // A ranking is SQL in DuckDB (its piece taken in first); panel questions are answered in the page
    // from the pieces it reads itself, before and without the engine, so they would not measure it.
    const rows = await c.run('ranking', { kpi: 'U31462', period: '2021', gender: 'T', higherIsBetter: true });
    if (!rows.length) throw new Error('interactive query answered with no rows');
    const interactiveQueryMs = performance.now();
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const pieces = res.filter((e) => e.name.includes('/data/values/') || e.name.endsWith('/data/pieces.json'));
    return {
      engineReadyMs,
      interactiveQueryMs,
      valuesResponseEndMs: pieces.length ? Math.max(...pieces.map((e) => e.responseEnd)) : undefined,
      valuesBytes: pieces.reduce((a, e) => a + e.transferSize, 0),
    };
  });
}

export interface ColdSummary {
  runs: ColdRun[];
  prerendered: Record<
    Encoding,
    {
      firstChartMs: number;
      fcpMs: number;
      lcpMs: number;
      bytesBeforeChart: number;
      bodyBytesBeforeChart: number;
      requestsBeforeChart: number;
    }
  >;
  baselineFirstChartMs: number;
  speedup: number;
  engineReadyMs: number;
  interactiveQueryMs: number;
  wasmResponseEndMs: number;
  valuesResponseEndMs: number;
  wasmBytes: number;
  valuesBytes: number;
}

const med = (xs: (number | null | undefined)[]) => median(xs.filter((x): x is number => typeof x === 'number'));

export async function coldLoad(
  browser: Browser,
  siteUrl: string,
  baselineUrl: string,
  runs: number,
  log: (s: string) => void,
): Promise<ColdSummary> {
  const all: ColdRun[] = [];
  for (let i = 0; i < runs; i++) {
    for (const encoding of ['gzip', 'br'] as const) {
      const r = await coldRun(browser, siteUrl, 'prerendered', encoding, encoding === 'gzip');
      all.push(r);
      log(
        `  cold ${encoding} #${i + 1}: chart ${r.firstChartMs.toFixed(0)} ms, FCP ${r.fcpMs?.toFixed(0)} ms, ${(r.bytesBeforeChart / 1000).toFixed(1)} kB before chart${r.interactiveQueryMs ? `, interactive ${r.interactiveQueryMs.toFixed(0)} ms` : ''}`,
      );
    }
    const b = await coldRun(browser, baselineUrl, 'baseline', 'gzip', false);
    all.push(b);
    log(`  baseline #${i + 1}: chart ${b.firstChartMs.toFixed(0)} ms`);
  }
  const pre = (enc: Encoding) => all.filter((r) => r.variant === 'prerendered' && r.encoding === enc);
  const summarise = (rs: ColdRun[]) => ({
    firstChartMs: med(rs.map((r) => r.firstChartMs)),
    fcpMs: med(rs.map((r) => r.fcpMs)),
    lcpMs: med(rs.map((r) => r.lcpMs)),
    bytesBeforeChart: med(rs.map((r) => r.bytesBeforeChart)),
    bodyBytesBeforeChart: med(rs.map((r) => r.bodyBytesBeforeChart)),
    requestsBeforeChart: med(rs.map((r) => r.requestsBeforeChart)),
  });
  const gz = pre('gzip');
  const prerendered = { gzip: summarise(gz), br: summarise(pre('br')) };
  const baselineFirstChartMs = med(all.filter((r) => r.variant === 'baseline').map((r) => r.firstChartMs));
  return {
    runs: all,
    prerendered,
    baselineFirstChartMs,
    speedup: baselineFirstChartMs / prerendered.gzip.firstChartMs,
    engineReadyMs: med(gz.map((r) => r.engineReadyMs)),
    interactiveQueryMs: med(gz.map((r) => r.interactiveQueryMs)),
    wasmResponseEndMs: med(gz.map((r) => r.wasmResponseEndMs)),
    valuesResponseEndMs: med(gz.map((r) => r.valuesResponseEndMs)),
    wasmBytes: med(gz.map((r) => r.wasmBytes)),
    valuesBytes: med(gz.map((r) => r.valuesBytes)),
  };
}
