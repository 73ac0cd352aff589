import type { Browser } from 'playwright-core';
import { distribution, type Distribution } from './stats.ts';
import { KOMMUN, ESBUILD_NAME_SHIM } from './site.ts';
import type { SiteMeta } from '../src/data/site-meta.ts';

export type Change =
  | { type: 'kommun'; id: string }
  | { type: 'kpi'; panel: string; value: string }
  | { type: 'peer'; value: string }
  | { type: 'year'; value: string }
  | { type: 'gender'; value: string };

export const CHANGE_TYPES = ['kommun', 'peer', 'kpi', 'year', 'gender'] as const;

/**
 * A deterministic sequence of user changes: each round moves to the next kommun (link navigation),
 * the next KPI in a panel's select, the next peer group, the next year and the next gender, so every step changes something.
 */
export function changeSequence(opts: {
  rounds: number;
  kommuner: string[];
  panel: string;
  kpis: string[];
  peers: string[];
  years: string[];
}): Change[] {
  const out: Change[] = [];
  const at = <T>(xs: T[], i: number) => xs[i % xs.length];
  for (let i = 0; i < opts.rounds; i++) {
    out.push({ type: 'kommun', id: at(opts.kommuner, i) });
    out.push({ type: 'kpi', panel: opts.panel, value: at(opts.kpis, i + 1) });
    out.push({ type: 'peer', value: at(opts.peers, i + 1) });
    out.push({ type: 'year', value: at(opts.years, i) });
    out.push({ type: 'gender', value: at(['K', 'M', 'T'], i) });
  }
  return out;
}

/** The bench's own sequence on a built site: kommuner in list order, the cost panel's KPIs, the four families, eight years. */
export function benchSequence(meta: SiteMeta, rounds: number): Change[] {
  const kommuner = meta.municipalities.filter((m) => m.type === 'K').map((m) => m.id);
  const years = [...new Set(Object.values(meta.periods).flat())]
    .filter((p) => /^\d{4}$/.test(p))
    .sort()
    .reverse();
  return changeSequence({
    rounds,
    kommuner: kommuner.filter((k) => k !== KOMMUN),
    panel: 'kostnader',
    kpis: ['U31001', 'N31004', 'N31001', 'N31008', 'N40011'].filter((k) => meta.kpis.some((x) => x.id === k)),
    peers: ['liknande', 'skr', 'lan', 'alla'],
    years: years.slice(1, 9),
  });
}

/** panelSeries requests no page has asked (the last 30 kommuner, their own groups), for the query-alone figure. */
export function benchQueryRequests(meta: SiteMeta): unknown[] {
  const kommuner = meta.municipalities.filter((m) => m.type === 'K').map((m) => m.id);
  return kommuner.slice(-30).map((id, i) => ({
    kpi: ['U31462', 'U31001', 'N00090', 'U40455'][i % 4],
    municipalityId: id,
    members: kommuner.slice(i * 3, i * 3 + 8),
    gender: 'T',
    higherIsBetter: i % 2 === 0,
  }));
}

/** The slowest change kind's p95: every kind has to be within the budget. */
export function worstKindP95(r: Pick<InteractionResult, 'byType'>): number {
  return Math.max(...Object.values(r.byType).map((d) => d.p95));
}

/**
 * Runs in the page: dispatches one change the way a user's input does and resolves with the time
 * until the changed panel's DOM is updated and no panel is busy (domMs), and until the next frame has
 * been rendered (paintMs).
 */
const STEP = async (
  change: Change,
): Promise<
  | { domMs: number; paintMs: number; queries: number; statements: number; queryMs: number; queryEndMs: number; asked: string[] }
  | { error: string }
> => {
  const log = (globalThis as unknown as { __benchQueries: { start: number; end: number; what: string }[] }).__benchQueries;
  log.length = 0;
  const coordinator = (globalThis as unknown as { __jamfor: { coordinator: { statements?: number } } }).__jamfor.coordinator;
  const statements0 = coordinator.statements ?? 0;
  const app = document.getElementById('app')!;
  const panelId = change.type === 'kpi' ? `panel-${change.panel}` : 'panel-ateraktualisering';
  const busy = () => document.querySelector('section.panel[aria-busy="true"]') !== null;
  let t0 = 0; // eslint-disable-line no-useless-assignment -- read only after the change starts
  const done = new Promise<number>((resolve) => {
    let touched = false;
    const mo = new MutationObserver((records) => {
      const panel = document.getElementById(panelId);
      if (!touched) touched = records.some((r) => panel?.contains(r.target) || (change.type === 'kommun' && r.target.nodeName === 'H1'));
      // a gender change may leave a KPI without a gender split untouched, a year change a panel whose
      // latest value is from that year ("Senaste" already showed it), and a peer change a panel whose
      // kommun has no values for its KPI ("… har inga värden"): any panel counts
      if (!touched && (change.type === 'gender' || change.type === 'year' || change.type === 'peer'))
        touched = records.some((r) => (r.target as Element).closest?.('section.panel') || r.target.parentElement?.closest('section.panel'));
      if (
        change.type === 'kommun' &&
        records.some((r) => r.target === app || (r.target as Element).contains?.(document.getElementById(panelId)))
      )
        touched = true;
      if (touched && !busy()) {
        mo.disconnect();
        resolve(performance.now());
      }
    });
    mo.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 15_000));
  t0 = performance.now();
  if (change.type === 'kommun') {
    const a = document.createElement('a');
    a.href = `${location.pathname.replace(/kommun\/[^/]+\/$/, `kommun/${change.id}/`)}${location.search}`;
    document.body.append(a);
    a.click();
    a.remove();
  } else if (change.type === 'kpi') {
    const s = document.getElementById(`kpi-${change.panel}`) as HTMLSelectElement;
    s.value = change.value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (change.type === 'peer') {
    (document.querySelector(`input[name="grupp"][value="${change.value}"]`) as HTMLInputElement).click();
  } else if (change.type === 'gender') {
    const s = [...document.querySelectorAll('select')].find((x) => [...x.options].map((o) => o.value).join() === 'T,K,M')!;
    s.value = change.value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const s = [...document.querySelectorAll('select')].find((x) => x.options[0]?.textContent === 'Senaste')!;
    s.value = change.value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const end = await Promise.race([done, timeout]);
  if (end < 0) return { error: `no update within 15 s for ${JSON.stringify(change)}` };
  const painted = await new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }),
  );
  const done_ = log.filter((q) => q.end > 0 && q.end <= end);
  const queryMs = done_.length ? Math.max(...done_.map((q) => q.end)) - Math.min(...done_.map((q) => q.start)) : 0;
  const queryEndMs = done_.length ? Math.max(...done_.map((q) => q.end)) - t0 : 0;
  return {
    domMs: end - t0,
    paintMs: painted - t0,
    queries: done_.length,
    statements: (coordinator.statements ?? 0) - statements0,
    queryMs,
    queryEndMs,
    asked: done_.map((q) => q.what),
  };
};

export interface InteractionResult {
  /**
   * queries: uncached coordinator runs that finished before the update; statements: what the engine
   * was sent for them (batched); queryMs: first start → last end; queryEndMs: input → last query answered.
   */
  steps: {
    change: Change;
    domMs: number;
    paintMs: number;
    queries: number;
    statements: number;
    queryMs: number;
    queryEndMs: number;
    /** the queries that ran, as "name:KPI" */
    asked: string[];
  }[];
  errors: string[];
  dom: Distribution;
  paint: Distribution;
  byType: Record<string, Distribution>;
  /** the panelSeries query alone (coordinator.run, cache misses) on the real data in wasm */
  queryOnly: Distribution;
  /** mean number of DuckDB queries per change, and the share of all change time spent between the first query start and last query end */
  queriesPerChange: number;
  queriesByType: Record<string, number>;
  queryShare: number;
  /**
   * Per change kind: input → last query answered (0 without a query) and the rest, last answer (or
   * input) → DOM updated, i.e. the Svelte update and chart rendering; plus statements per change.
   */
  split: Record<string, { query: Distribution; render: Distribution; statements: number }>;
  /** CPU slowdown applied with CDP Emulation.setCPUThrottlingRate (1 = none) */
  cpuThrottle: number;
  /** pause between changes (ms; 0 = back to back) */
  pauseMs: number;
}

/** What the page may turn off for a before/after comparison (bench/interaction-ab.ts). */
export interface Variant {
  batching: boolean;
  prefetch: boolean;
}

export async function interactions(
  browser: Browser,
  siteUrl: string,
  sequence: Change[],
  queryRequests: unknown[],
  log: (s: string) => void,
  cpuThrottle = 1,
  variant: Variant = { batching: true, prefetch: true },
  /** time between one change drawn and the next input (a visitor reading); 0 = back to back */
  pauseMs = 0,
): Promise<InteractionResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  await context.addInitScript(ESBUILD_NAME_SHIM);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await page.goto(`${siteUrl}kommun/${KOMMUN}/`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __jamfor?: { coordinator: { status: string } } }).__jamfor?.coordinator.status === 'ready',
      null,
      { timeout: 120_000 },
    );
    await page.evaluate((v) => {
      type C = { run(n: string, r: unknown): Promise<unknown>; batching?: boolean; prefetch?: unknown };
      const coordinator = (globalThis as unknown as { __jamfor: { coordinator: C } }).__jamfor.coordinator;
      if (!v.batching) coordinator.batching = false;
      if (!v.prefetch) coordinator.prefetch = () => Promise.resolve(true);
      const c = (globalThis as unknown as { __jamfor: { coordinator: C } }).__jamfor.coordinator;
      const log: { start: number; end: number; what: string }[] = [];
      (globalThis as unknown as { __benchQueries: typeof log }).__benchQueries = log;
      const run = c.run.bind(c);
      // the app calls run() only after peek() missed, so every call here is a query DuckDB answers
      c.run = (n, r) => {
        const q = r as { kpi?: string; kpis?: string[] };
        const entry = { start: performance.now(), end: 0, what: `${n}:${q.kpi ?? q.kpis?.join('+') ?? ''}` };
        log.push(entry);
        return run(n, r).finally(() => (entry.end = performance.now()));
      };
    }, variant);
    if (cpuThrottle !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    const steps: InteractionResult['steps'] = [];
    const errors: string[] = [];
    for (const change of sequence) {
      const r = await page.evaluate(STEP, change);
      if ('error' in r) errors.push(r.error);
      else steps.push({ change, ...r });
      if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    }
    errors.push(...pageErrors);
    const byType: Record<string, Distribution> = {};
    const split: InteractionResult['split'] = {};
    for (const t of CHANGE_TYPES) {
      const of = steps.filter((s) => s.change.type === t);
      if (!of.length) continue;
      byType[t] = distribution(of.map((s) => s.domMs));
      split[t] = {
        query: distribution(of.map((s) => s.queryEndMs)),
        render: distribution(of.map((s) => s.domMs - s.queryEndMs)),
        statements: of.reduce((a, s) => a + s.statements, 0) / of.length,
      };
    }
    await page.evaluate(() => ((globalThis as unknown as { __benchQueries: unknown[] }).__benchQueries.length = 0));
    const queryTimes = await page.evaluate(async (requests) => {
      const c = (globalThis as unknown as { __jamfor: { coordinator: { run(n: string, r: unknown): Promise<unknown[]> } } }).__jamfor
        .coordinator;
      const times: number[] = [];
      for (const r of requests) {
        const t0 = performance.now();
        await c.run('panelSeries', r);
        times.push(performance.now() - t0);
      }
      return times;
    }, queryRequests);
    const queries = steps.map((s) => s.queries);
    const queryShare =
      steps.reduce((a, s) => a + s.queryMs, 0) /
      Math.max(
        1,
        steps.reduce((a, s) => a + s.domMs, 0),
      );
    const queriesByType: Record<string, number> = {};
    for (const t of Object.keys(byType)) {
      const q = steps.filter((s) => s.change.type === t);
      queriesByType[t] = q.reduce((a, s) => a + s.queries, 0) / Math.max(1, q.length);
    }
    const result = {
      cpuThrottle,
      pauseMs,
      split,
      queriesByType,
      queriesPerChange: queries.reduce((a, b) => a + b, 0) / Math.max(1, queries.length),
      queryShare,
      queryOnly: distribution(queryTimes),
      steps,
      errors,
      dom: distribution(steps.map((s) => s.domMs)),
      paint: distribution(steps.map((s) => s.paintMs)),
      byType,
    };
    log(
      `  ${cpuThrottle !== 1 ? `CPU ÷${cpuThrottle}: ` : ''}${pauseMs ? `${pauseMs} ms reading between changes: ` : ''}${steps.length} changes, p50 ${result.dom.p50.toFixed(1)} ms, p95 ${result.dom.p95.toFixed(1)} ms, max ${result.dom.max.toFixed(1)} ms, ${errors.length} errors; query alone p50 ${result.queryOnly.p50.toFixed(1)} ms, p95 ${result.queryOnly.p95.toFixed(1)} ms`,
    );
    return result;
  } finally {
    await context.close();
  }
}
